"""The French test factsheet: chapters I–VI of the seed with every structure word in French.

Body text is not translated faithfully: the opening of each sentence around the verb is
("Le Comité demande que l'Albanie …") and the rest stays as the seed has it; chapter
introductions are short French texts; the State's follow-ups stay in English, as States often
send them. What matters is the structure: titles, section titles, verbs, box labels, footnotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assessor.importers.factsheet_data import (
    ParsedFactsheet,
    ParsedNote,
    ParsedObservation,
    ParsedRecommendation,
)
from tests.factsheet_documents import (
    Content,
    Element,
    Language,
    chapter_elements,
    copy_factsheet,
    plain,
)

FRENCH = Language(
    code="fr",
    header="CONSEIL DE L'EUROPE",
    follow_up_label="Actions de suivi\u00a0:",
    verbs=re.compile(r"\b(exige|demande|invite)\b"),
    one_code="Recommandation {}.",
    many_codes="Recommandations {}.",
    conjunction="et",
    one_para="Par. {}.",
    many_paras="Paras {}.",
)

CHAPTERS = {
    "I": "Introduction",
    "II": "Cadre juridique",
    "III": "Enquêtes et poursuites",
    "IV": "Règles de compétence",
    "V": "Coopération internationale",
    "VI": "Assistance aux victimes",
}
TOPICS = {
    "II": "le cadre juridique",
    "III": "les enquêtes et les poursuites",
    "IV": "les règles de compétence",
    "V": "la coopération internationale",
    "VI": "l'assistance aux victimes",
}
INTRODUCTIONS = {
    "I": [
        "L'une des principales fonctions du Comité de Lanzarote (« le Comité ») est de suivre "
        "la mise en œuvre effective de la Convention de Lanzarote (« la Convention »). La "
        "procédure de suivi est divisée en cycles, chacun portant sur un domaine thématique.",
        "La procédure de conformité vise à évaluer les suites données par les Parties aux "
        "recommandations formulées par le Comité. Dans son rapport de mise en œuvre du 2e cycle "
        "de suivi, le Comité a formulé trois types de recommandations :",
        "« Exige » : lorsque les mesures recommandées correspondent à des obligations découlant "
        "de la Convention, telles que clarifiées par son rapport explicatif.",
        "« Demande » : lorsque les mesures recommandées correspondent à des obligations "
        "découlant de la Convention, telles que clarifiées par des documents adoptés par le "
        "Comité.",
        "« Invite » : lorsque les mesures recommandées correspondent à des pratiques "
        "prometteuses ou à d'autres mesures allant au-delà des exigences de la Convention.",
        "Lors de sa 41e réunion (13-15 février 2024), le Comité de Lanzarote a adopté une "
        "nouvelle méthodologie pour l'évaluation de la conformité des Parties.",
        "Les encadrés orange contiennent les informations soumises par l'État Partie sur les "
        "progrès accomplis dans la mise en œuvre de la recommandation.",
        "Les encadrés bleus contiennent des exemples de pratiques nationales prometteuses qui "
        "répondent aux recommandations « invite » du Comité.",
    ],
    "II": [
        "Interprétant la Convention, conjointement avec son Avis sur les images et/ou vidéos "
        "sexuellement suggestives ou explicites générées, partagées et reçues par des enfants "
        "(6 juin 2019), le Comité identifie ce que les Parties devraient avoir mis en place."
    ],
    "III": [
        "Dans son Avis interprétatif sur l'applicabilité de la Convention de Lanzarote aux "
        "infractions sexuelles commises contre des enfants facilitées par l'utilisation des TIC "
        "(12 mai 2017), le Comité a appelé les Parties à garantir des enquêtes et des poursuites "
        "effectives."
    ],
    "IV": [
        "En raison de leur composante en ligne, les infractions liées aux CSGSIV ont un aspect "
        "intrinsèquement international. Le rapport analyse les règles de compétence en vigueur "
        "dans les Parties."
    ],
    "V": [
        "Le rapport de mise en œuvre analyse également les pratiques de coopération et des "
        "exemples de réponses internationales coordonnées."
    ],
    "VI": [
        "Ce chapitre présente une étude comparative des mécanismes et mesures nationaux "
        "d'assistance aux enfants victimes d'exploitation et d'abus sexuels."
    ],
}
HEADINGS = {
    "On the “sexual extortion of children”:": "Sur « l'extorsion sexuelle d'enfants » :",
    "On the specialisation and training of authorities:": (
        "Sur la spécialisation et la formation des autorités :"
    ),
    "On measures to ensure the effective investigation and prosecution of offenders:": (
        "Sur les mesures visant à garantir l'efficacité des enquêtes et des poursuites :"
    ),
}
HEADING_STARTS = {
    "Jurisdiction in cases of child sexual exploitation and abuse facilitated by ICTs committed "
    "on": "Compétence dans les affaires d'exploitation et d'abus sexuels d'enfants facilités par "
    "les TIC commis sur le territoire d'une Partie : le principe de territorialité "
    "(article 25(1) (a-c))",
    "Jurisdiction based on nationality": (
        "Compétence fondée sur la nationalité et la résidence (article 25(1)(d), (e))"
    ),
    "Jurisdiction not subordinated to the condition that prosecution": (
        "Compétence non subordonnée à la condition que les poursuites ne puissent être engagées "
        "que sur plainte de la victime ou dénonciation de l'État du lieu de l'infraction "
        "(article 25(6))"
    ),
    "Jurisdiction not subordinated to the condition that the acts": (
        "Compétence non subordonnée à la condition que les actes soient incriminés au lieu où "
        "ils ont été commis : le principe de la double incrimination (article 25(4))"
    ),
    "Jurisdiction in cases of child sexual exploitation and abuse facilitated by ICTs committed "
    "against": "Compétence dans les affaires commises contre des ressortissants ou des "
    "résidents habituels d'une Partie : le principe de la personnalité passive (art. 25(2))",
}
Replacement = str | Callable[[re.Match[str]], str]
# Sentence openings, most specific first: (English regex, French replacement).
OPENINGS: list[tuple[str, Replacement]] = [
    (
        r"^To improve the (effective )?implementation of the Lanzarote Convention, the Committee",
        "Afin d'améliorer la mise en œuvre de la Convention de Lanzarote, le Comité",
    ),
    (r"^On the legal framework, the Committee", "S'agissant du cadre juridique, le Comité"),
    (
        r"^On international cooperation, the Committee",
        "S'agissant de la coopération internationale, le Comité",
    ),
    (
        r"^When dealing with sexual extortion cases involving children, the Committee",
        "Dans les affaires d'extorsion sexuelle impliquant des enfants, le Comité",
    ),
    (
        r"^In addition, mindful of the different contexts in the Parties as recalled in para 235 "
        r"of the Explanatory Report, the Lanzarote Committee",
        "En outre, conscient des différents contextes des Parties rappelés au paragraphe 235 du "
        "Rapport explicatif, le Comité de Lanzarote",
    ),
    (
        r"^On a more negative note, the Committee observed",
        "Plus négativement, le Comité a observé que",
    ),
    (r"^However, the Committee also observes", "Cependant, le Comité observe également"),
    (r"^However, the Committee", "Cependant, le Comité"),
    (r"^Additionally, Albania", "En outre, l'Albanie"),
    (r"^Albania did not provide information", "L'Albanie n'a pas fourni d'informations"),
    (r"^Albania reported to the Committee that", "L'Albanie a indiqué au Comité que"),
    (
        r"^(Hence|Therefore),? the Committee",
        lambda m: ("Par conséquent" if m.group(1) == "Therefore" else "Dès lors") + ", le Comité",
    ),
    (r"^It also", "Il"),
    (r"^The Lanzarote Committee", "Le Comité de Lanzarote"),
    (r"^The Committee", "Le Comité"),
    (r"^and to take into account", "et à prendre en compte"),
    (r"^[Tt]o ", "à "),
    (r"^requires", "exige"),
    (r"^requests", "demande"),
]
VERBS: list[tuple[str, Replacement]] = [
    (r"\b(also )?requires\b", lambda m: "exige" + (" également" if m.group(1) else "")),
    (r"\b(also )?requests\b", lambda m: "demande" + (" également" if m.group(1) else "")),
    (r"\b(also )?invites\b", lambda m: "invite" + (" également" if m.group(1) else "")),
    (r"\bobserves that\b", "observe que"),
    (r"\bobserved that\b", "a observé que"),
    (r"\bnotes that\b", "note que"),
    (r"\bobserves\b", "observe"),
]
AFTER_VERB = [
    (r"^ all Parties, including Albania", " toutes les Parties, y compris l'Albanie"),
    (
        r"^ Parties that are not already doing so, including Albania",
        " aux Parties qui ne le font pas encore, y compris l'Albanie,",
    ),
    (r"^ those Parties that are not already doing so", " aux Parties qui ne le font pas encore"),
    (r"^ that Albania", " que l'Albanie"),
    (r"^ Albania", " l'Albanie"),
]


def opening(text: str) -> str:
    """``text`` with its opening and its first verb (with the words after it) in French."""
    for pattern, french in OPENINGS:
        new = re.sub(pattern, french, text, count=1)
        if new != text:
            text = new
            break
    for pattern, french in VERBS:
        m = re.search(pattern, text[:200])
        if m:
            verb = re.sub(pattern, french, m.group(0))
            rest = text[m.end() :]
            for after, fr in AFTER_VERB:
                rest = re.sub(after, fr, rest, count=1)
            text = text[: m.start()] + verb + rest
            break
    text = re.sub(r"\bAlbania\b", "l'Albanie", text[:120]) + text[120:]
    text = re.sub(r"\bexige (l'Albanie|toutes)", r"exige de \1", text)
    text = re.sub(r"\bdemande (l'Albanie|toutes)", r"demande à \1", text)
    return re.sub(r"\s+:$", "\u00a0:", re.sub(r"(\S):$", "\\1\u00a0:", text))


def section_title(title: str, chapter: str) -> str:
    """A section's title in French."""
    topic = TOPICS.get(chapter, "")
    if title.startswith(("Observations and", "Main observations")):
        main = "Principales observations" if title.startswith("Main") else "Observations"
        return (
            f"{main} et recommandations du Comité de Lanzarote sur {topic} spécifiques à l'Albanie"
        )
    if title.startswith("Generic recommendations"):
        return f"Recommandations génériques du Comité de Lanzarote sur {topic}"
    if title.startswith("Promising practice"):
        return "Pratiques prometteuses" if title.endswith("s") else "Pratique prometteuse"
    if title.startswith("Difficulties"):
        return "Difficultés de mise en œuvre de la Convention"
    return title


def heading(text: str) -> str:
    """A sub-heading in French."""
    if text in HEADINGS:
        return HEADINGS[text]
    for start, french in HEADING_STARTS.items():
        if text.startswith(start):
            return french
    return text


def french_factsheet(fs: ParsedFactsheet) -> ParsedFactsheet:
    """Chapters I–VI of ``fs`` with their structure words in French."""
    fr = copy_factsheet(fs)
    fr.chapters = [c for c in fr.chapters if c.number in CHAPTERS]
    fr.title = "PROCÉDURE DE CONFORMITÉ – ALBANIE"
    for ch in fr.chapters:
        ch.title = CHAPTERS[ch.number]
        for sec in ch.sections:
            if sec.kind == "text":
                sec.items = [ParsedNote(t) for t in INTRODUCTIONS[ch.number]]
                continue
            sec.title = section_title(sec.title, ch.number)
            for item in sec.items:
                if isinstance(item, ParsedNote) and item.kind == "heading":
                    item.text = heading(item.text)
                elif isinstance(item, ParsedNote) and item.kind == "text":
                    item.text = opening(item.text)
                elif isinstance(item, ParsedRecommendation | ParsedObservation):
                    paras = item.text.split("\n\n")
                    item.text = "\n\n".join([opening(paras[0]), *paras[1:]])
    return fr


def french_preamble(fr: ParsedFactsheet) -> list[Element]:
    """The first page in French."""
    out = [
        Element("title", plain(fr.title)),
        Element("subtitle", plain("2e cycle de suivi du Comité de Lanzarote sur :")),
        Element(
            "lead",
            plain(
                "« La protection des enfants contre l'exploitation et les abus sexuels facilités "
                "par les technologies de l'information et de la communication (TIC) : répondre "
                "aux défis posés par les images et/ou vidéos sexuelles autoproduites par des "
                "enfants (CSGSIV) »",
                bold=True,
            ),
        ),
        Element("para", plain("Cette fiche a été préparée par le Secrétariat en mars 2023.")),
        Element(
            "para",
            plain(
                "Elle a été mise à jour avec les informations soumises par le Gouvernement de "
                "l'Albanie en mars 2025, présentées dans des encadrés orange et bleus."
            ),
        ),
        Element("heading", plain("Table des matières"), level=0),
    ]
    pages = {"I": "3", "II": "4", "III": "7", "IV": "12", "V": "14", "VI": "16"}
    for ch in fr.chapters:
        out.append(Element("toc", toc=(f"{ch.number}.", ch.title, pages[ch.number])))
    return out


def french_content(fs: ParsedFactsheet) -> Content:
    """The French factsheet as elements."""
    fr = french_factsheet(fs)
    return Content(FRENCH, french_preamble(fr) + chapter_elements(fr, FRENCH))
