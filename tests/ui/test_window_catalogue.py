"""The window's catalogues are complete: every message of assessor/ui translated, and finished.

A fresh ``lupdate`` over ``assessor/ui`` (into a temporary file) must find no message that the
committed ``resources/i18n/assessor_fr.ts`` lacks: a new ``self.tr("…")`` fails here until its
French is written (``make i18n-window``, then translate; docs/translating.md).
"""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.ui.translations import I18N, tool

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{\w*\}")


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name") or "", message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _keys(ts: Path) -> set[tuple[str, str]]:
    return {(ctx, m.findtext("source") or "") for ctx, m in _messages(ts)}


def _fresh(tmp_path: Path, *options: str) -> Path:
    out = tmp_path / "fresh.ts"
    command = [tool("pyside6-lupdate"), "-silent", "-extensions", "py", *options, "assessor/ui"]
    subprocess.run(
        [*command, "-ts", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return out


def _texts(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in translation.iter("numerusform")]
    return [translation.text or ""]


@pytest.mark.parametrize("name", ["assessor_fr.ts", "assessor_en.ts"])
def test_every_message_has_a_finished_translation(name: str) -> None:
    problems = []
    for context, message in _messages(I18N / name):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("obsolete", "vanished"):
            problems.append(f"[{context}] {source!r}: {kind} (run make i18n-window)")
            continue
        texts = _texts(message)
        if kind == "unfinished" or not all(t.strip() for t in texts):
            problems.append(f"[{context}] {source!r}: not translated")
            continue
        wanted = set(PLACEHOLDER.findall(source))
        for text in texts:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"[{context}] {source!r}: placeholders differ in {text!r}")
        if message.get("numerus") == "yes" and len(texts) < 2:
            problems.append(f"[{context}] {source!r}: one plural form only")
    assert problems == []


def test_a_fresh_extraction_finds_nothing_the_catalogue_lacks(tmp_path: Path) -> None:
    fresh = _keys(_fresh(tmp_path, "-target-language", "fr"))
    assert len(fresh) > 400
    missing = sorted(fresh - _keys(I18N / "assessor_fr.ts"))
    assert missing == [], "run make i18n-window and translate these"


def test_every_plural_has_its_english_forms(tmp_path: Path) -> None:
    fresh = _keys(_fresh(tmp_path, "-pluralonly", "-target-language", "en"))
    assert fresh, "the window has counted messages (%n)"
    assert sorted(fresh - _keys(I18N / "assessor_en.ts")) == []


def test_the_french_catalogue_compiles_without_unfinished_entries(tmp_path: Path) -> None:
    out = subprocess.run(
        [tool("pyside6-lrelease"), str(I18N / "assessor_fr.ts"), "-qm", str(tmp_path / "fr.qm")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "0 unfinished" in out and "Ignored" not in out


def test_every_counted_message_is_asked_through_self_tr() -> None:
    """lupdate reads a plural (%n) only from ``self.tr``: one given to ``translate`` is never
    extracted, so it would stay English in the French window."""
    import ast

    hidden = []
    for path in sorted((ROOT / "assessor" / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            by_tr = isinstance(func, ast.Attribute) and func.attr == "tr"
            counted = any(
                isinstance(a, ast.Constant) and isinstance(a.value, str) and "%n" in a.value
                for a in node.args
            )
            if counted and not by_tr:
                hidden.append(f"{path.name}:{node.lineno}")
    assert hidden == []
