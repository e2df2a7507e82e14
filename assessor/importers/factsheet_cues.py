"""What the structural reader reads off a block or a footnote, in the document's language.

A footnote names recommendation codes ("Recommendations II-16 and II-18"), cites report
paragraphs ("Paras. 78, 82"), or explains; a recommendation's verb is its bold word
("**requests**", "**exige**") or the verb after "Committee" / "Comité".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assessor.importers.common import find_codes
from assessor.importers.document import Block
from assessor.importers.vocabulary import VOCABULARIES, Vocabulary


@dataclass
class Footnote:
    """A footnote definition: recommendation codes, report paragraphs, or an explanation."""

    number: int
    text: str
    codes: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)

    @property
    def explanatory(self) -> bool:
        """True when the footnote is neither a code nor a paragraph reference."""
        return not self.codes and not self.paragraphs


def parse_footnote(number: int, text: str, words: Vocabulary) -> Footnote:
    """Classify a footnote's text by what it names."""
    codes = find_codes(text) if words.recommendation_re.search(text) else []
    paragraphs: list[str] = []
    for m in words.paragraph_re.finditer(text):
        for part in words.conjunction_re.split(m.group(1)):
            part = "".join(part.split()).replace("–", "-")
            if part and part not in paragraphs:
                paragraphs.append(part)
    return Footnote(number, text, codes, paragraphs)


def bold_verb(blocks: list[Block], words: Vocabulary) -> tuple[str | None, str | None]:
    """(verb key, the bold word) of the first bold single word that reads as a verb.

    The second value is an unknown bold word standing where a verb stands ("The Committee
    **urges** …"), so that the caller can say it did not recognise it.
    """
    unknown = None
    for block in blocks:
        for fragment in block.strong:
            word = fragment.strip(" “”\"'’:,.")
            if " " in word or not word:
                continue
            key = _verb_in_any_language(word, words)
            if key:
                return key, None
            if unknown is None and word in block.text and _after_committee(block, word, words):
                unknown = word
    return None, unknown


def _verb_in_any_language(word: str, words: Vocabulary) -> str | None:
    """The verb's key in the document's language, else in another (a verb left untranslated)."""
    for vocabulary in (words, *(v for v in VOCABULARIES.values() if v is not words)):
        if vocabulary.verb_word_re.match(word):
            return vocabulary.verb_key(word)
    return None


def _after_committee(block: Block, word: str, words: Vocabulary) -> bool:
    """True when ``word`` follows the speaker ("The Committee also urges …", "It urges …")."""
    before = block.text[: max(0, block.text.find(word))][-40:]
    return bool(re.search(rf"(?:{words.committee}|\bIt|\bIl)\b[\w\s]*$", before))


def verb_of(blocks: list[Block], words: Vocabulary) -> str | None:
    """The recommendation verb of a run of blocks (require / request / invite), if any."""
    key, _ = bold_verb(blocks, words)
    if key:
        return key
    text = " ".join(b.text for b in blocks).strip()
    for pattern in (words.verb_after_committee_re, words.verb_lead_re):
        m = pattern.search(text)
        if m:
            return words.verb_key(m.group(1))
    return None


def has_bold_verb(block: Block, words: Vocabulary) -> bool:
    """True when the block holds a bold recommendation verb (the Committee speaks)."""
    return bold_verb([block], words)[0] is not None
