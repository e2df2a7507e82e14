"""The words a factsheet is read by, one table per language (English and French).

The structural reader never names an English or French word itself: it asks the document's
:class:`Vocabulary` (chosen by :func:`detect_language`) for its patterns. A new language is a new
table here. Every pattern is matched against clean plain text (no markup).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

#: The canonical verb keys, as stored.
VERB_KEYS = ("require", "request", "invite")


@dataclass(frozen=True)
class Vocabulary:
    """One language's words for the parts of a factsheet."""

    language: str
    #: Verb stems (lower case) → canonical key; a stem matches the word's beginning.
    verbs: tuple[tuple[str, str], ...]
    #: What speaks: "Committee", "Comité" (verbs count only after it, or bold).
    committee: str
    #: Words that may stand between the speaker and the verb ("also", "therefore").
    adverbs: str
    #: The follow-up box's label, as a regular expression over the whole line.
    follow_up_label: str
    #: A promising practice's label or section title.
    practice_label: str
    #: "Recommendation(s)" as a footnote says it.
    recommendation_word: str
    #: "Para./Paras." as a footnote cites the implementation report.
    paragraph_word: str
    #: "and" in lists of paragraphs.
    conjunction: str
    #: Section titles: the generic, specific and difficulties sections.
    generic_section: str
    specific_section: str
    difficulties_section: str
    #: "specific to Albania": the Party's name follows.
    specific_to: str
    #: "all Parties": a recommendation addressed to every Party.
    all_parties: str
    #: "COMPLIANCE PROCEDURE – ALBANIA".
    compliance_procedure: str
    #: "2nd monitoring round".
    monitoring_round: str
    #: "information submitted by the Government of Albania in March 2025".
    received: str
    months: tuple[str, ...]
    #: "Chapter" before a chapter's numeral, if the document writes it.
    chapter_word: str
    #: The Committee's own sentences (what a State's box never says).
    body_verbs: str
    #: Words no sentence ends with: a paragraph ending with one was certainly cut.
    function_words: frozenset[str]
    #: Words counted to recognise the language.
    markers: frozenset[str]

    # -- compiled patterns ---------------------------------------------------------------------
    @cached_property
    def verb_word_re(self) -> re.Pattern[str]:
        """One word that is a recommendation verb (``requests``, ``exige``)."""
        stems = "|".join(re.escape(s) for s, _ in self.verbs)
        return re.compile(rf"^(?:{stems})\w*$", re.I)

    @cached_property
    def verb_after_committee_re(self) -> re.Pattern[str]:
        """ "Committee (also) requests" / "Comité (également) demande"."""
        stems = "|".join(re.escape(s) for s, _ in self.verbs)
        return re.compile(
            rf"\b(?:{self.committee}|[Ii]t|[Ii]l)\s+(?:(?:{self.adverbs})\s+)*({stems})\w*\b", re.I
        )

    @cached_property
    def verb_lead_re(self) -> re.Pattern[str]:
        """A bullet that starts with the verb ("requests that …")."""
        stems = "|".join(re.escape(s) for s, _ in self.verbs)
        return re.compile(rf"^({stems})\w*\b", re.I)

    def verb_key(self, word: str) -> str | None:
        """The canonical key of a verb word, or None."""
        low = word.casefold()
        return next((key for stem, key in self.verbs if low.startswith(stem)), None)

    @cached_property
    def follow_up_re(self) -> re.Pattern[str]:
        """The follow-up label alone on its line."""
        return re.compile(rf"^(?:{self.follow_up_label})\s*[:.]?$", re.I)

    @cached_property
    def follow_up_lead_re(self) -> re.Pattern[str]:
        """The follow-up label at the start of a paragraph that goes on with the box's text."""
        return re.compile(rf"^(?:{self.follow_up_label})\s*[:.]\s*(?=\S)", re.I)

    @cached_property
    def practice_re(self) -> re.Pattern[str]:
        """The promising-practice label or section title alone on its line."""
        return re.compile(rf"^(?:{self.practice_label})\s*[:.]?$", re.I)

    @cached_property
    def recommendation_re(self) -> re.Pattern[str]:
        """A footnote that names recommendations."""
        return re.compile(rf"\b(?:{self.recommendation_word})\b", re.I)

    @cached_property
    def paragraph_re(self) -> re.Pattern[str]:
        """Report paragraphs cited by a footnote: "Paras. 78, 82", "Par. 50", "§ 12-14"."""
        number = r"\d+(?:\s*[-–]\s*\d+)?"
        return re.compile(
            rf"(?:\b(?:{self.paragraph_word})|§§?)\s*({number}(?:\s*(?:,|{self.conjunction}|&)"
            rf"\s*{number})*)",
            re.I,
        )

    @cached_property
    def conjunction_re(self) -> re.Pattern[str]:
        """Separators in a list of paragraph numbers."""
        return re.compile(rf"\s*(?:,|\b(?:{self.conjunction})\b|&)\s*", re.I)

    @cached_property
    def body_re(self) -> re.Pattern[str]:
        """A sentence of the Committee's (a State's box never says this)."""
        return re.compile(
            rf"\b(?:{self.committee})\s+(?:(?:{self.adverbs})\s+)*(?:{self.body_verbs})\b"
            rf"|\b(?:{self.committee})\s*:\s*$",
            re.I,
        )

    @cached_property
    def received_re(self) -> re.Pattern[str]:
        """When the State's information came in: group 1 the month, 2 the year."""
        months = "|".join(self.months)
        return re.compile(rf"{self.received}.{{0,80}}?\b({months})\s+(\d{{4}})", re.I | re.S)

    @cached_property
    def compliance_re(self) -> re.Pattern[str]:
        """The title line naming the Party: group 1 the Party."""
        return re.compile(rf"{self.compliance_procedure}\s*[–—:-]\s*(.+)$", re.I)

    @cached_property
    def round_re(self) -> re.Pattern[str]:
        """Which monitoring round: group 1 its ordinal."""
        return re.compile(self.monitoring_round, re.I)

    @cached_property
    def specific_to_re(self) -> re.Pattern[str]:
        """ "specific to Albania": group 1 the Party."""
        return re.compile(rf"{self.specific_to}\s+(.+)$", re.I)


ENGLISH = Vocabulary(
    language="en",
    verbs=(("requir", "require"), ("request", "request"), ("invit", "invite")),
    committee=r"(?:Lanzarote\s+)?Committee",
    adverbs=r"also|therefore|hence|further|however|again|strongly|firmly",
    follow_up_label=r"follow[\s-]*up(?:\s+actions?)?(?:\s+taken)?",
    practice_label=r"(?:national\s+|other\s+)?promising\s+practices?",
    recommendation_word=r"Recommendations?",
    paragraph_word=r"Paras?\.?|Paragraphs?",
    conjunction=r"and",
    generic_section=r"generic\s+recommendations",
    specific_section=r"(?:main\s+|key\s+)?observations\s+and\s+recommendations\b"
    r"|recommendations\b.*\bspecific\s+to\b",
    difficulties_section=r"difficult(?:y|ies)\b",
    specific_to=r"specific\s+to",
    all_parties=r"all\s+(?:state\s+)?parties",
    compliance_procedure=r"compliance\s+procedure",
    monitoring_round=r"(\d+\s*(?:st|nd|rd|th))\s+monitoring\s+round",
    received=r"information\s+submitted\s+by",
    months=(
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December"),
    ),
    chapter_word=r"Chapter",
    body_verbs=r"observes|observed|notes|noted|notices|highlights|recognises|recognizes|finds"
    r"|found|acknowledges|considers|welcomes|identifies|calls|regrets|requires|requests|invites"
    r"|urges|encourages|recommends",
    function_words=frozenset(
        """a an the of to in on at by for with from into onto upon about as than that which who
        whom whose where when while and or but nor if because since although though whether is
        are was were be been being has have had will would shall should can could may might
        must do does did not their its his her our your this these those such both each every
        all any some no other another more most also very further only between among within
        without through during before after under over against including via per""".split()
    ),
    markers=frozenset("the of and committee recommendation requests parties with that".split()),
)

FRENCH = Vocabulary(
    language="fr",
    verbs=(("exig", "require"), ("demand", "request"), ("invit", "invite")),
    committee=r"(?:Comité(?:\s+de\s+Lanzarote)?)",
    adverbs=r"également|aussi|donc|en\s+outre|par\s+ailleurs|toutefois|à\s+nouveau|vivement",
    follow_up_label=r"(?:actions?|mesures?)\s+de\s+suivi(?:\s+prises?)?|suivi",
    practice_label=r"(?:autres\s+)?(?:pratiques?|bonnes\s+pratiques?)\s+prometteuses?"
    r"(?:\s+nationales?)?",
    recommendation_word=r"Recommandations?",
    paragraph_word=r"Par\.?|Paras?\.?|Paragraphes?|Alinéas?",
    conjunction=r"et",
    generic_section=r"recommandations\s+g[ée]n[ée]riques",
    specific_section=r"(?:principales\s+)?observations\s+et\s+recommandations\b"
    r"|recommandations\b.*\bsp[ée]cifiques?\s+[àa]\b",
    difficulties_section=r"difficult[ée]s?\b",
    specific_to=r"sp[ée]cifiques?\s+(?:[àa]\s+(?:la\s+|l[’']\s*)?|au\s+|aux\s+)",
    all_parties=r"toutes\s+les\s+parties",
    compliance_procedure=r"proc[ée]dure\s+de\s+conformit[ée]",
    monitoring_round=r"(\d+\s*(?:er|e|ème|eme|nd))\s+cycle\s+de\s+suivi",
    received=r"informations?\s+(?:soumises?|transmises?|communiqu[ée]es?|fournies?)\s+par",
    months=(
        *("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"),
        *("septembre", "octobre", "novembre", "décembre"),
    ),
    chapter_word=r"Chapitre",
    body_verbs=r"observe|a\s+observé|note|a\s+noté|relève|souligne|reconnaît|constate"
    r"|considère|salue|se\s+félicite|identifie|appelle|regrette|exige|demande|invite|encourage"
    r"|recommande|prend\s+note",
    function_words=frozenset(
        """le la les un une des du de d l à au aux en dans sur par pour avec sans sous entre
        vers chez et ou mais ni que qui dont où si car comme lorsque quand est sont était
        être a ont avait sera serait doit doivent peut peuvent ne pas leur leurs son sa ses
        ce cet cette ces tout tous toute toutes autre autres plus très aussi""".split()
    ),
    markers=frozenset("le la les des et du comité recommandation demande parties que".split()),
)

VOCABULARIES = {v.language: v for v in (ENGLISH, FRENCH)}

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: list[str], footnotes: list[str]) -> Vocabulary:
    """The vocabulary the document's structure is written in (English when nothing tells).

    Structural words weigh most — the footnotes naming recommendations, the box labels, the
    Committee's verbs — since a factsheet may quote the other language at length; common
    words break a tie.
    """
    scores: dict[str, float] = {}
    sample = texts[:3000]
    for language, words in VOCABULARIES.items():
        score = 5.0 * sum(1 for f in footnotes if words.recommendation_re.search(f))
        score += 5.0 * sum(1 for t in sample if len(t) < 60 and words.follow_up_re.match(t))
        score += 3.0 * sum(1 for t in sample if words.verb_after_committee_re.search(t))
        common = _WORD.findall(" ".join(sample[:300]).casefold())
        score += 0.01 * sum(1 for w in common if w in words.markers)
        scores[language] = score
    best = max(scores, key=lambda k: (scores[k], k == "en"))
    return VOCABULARIES[best]
