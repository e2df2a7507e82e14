"""Reading an assessor-json file back: size-checked, parsed, version-checked, validated.

Pure reading: nothing is written. Every problem is an ``ImportRejected`` with one sentence
naming the file and, for the structure, where in it ("factsheets[0].chapters[2]…").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from assessor.exporters.json_export import FORMAT, VERSION
from assessor.i18n import _
from assessor.importers.common import ImportRejected, check_size

#: An export of 10,000 recommendations is about 40 MB; this leaves room for far more.
MAX_JSON_BYTES = 400 * 1024 * 1024
#: JSON nested deeper than this is not an export (it is about 8 levels deep).
MAX_DEPTH = 40

_FORMAT_NAME, _sep, _MAJOR = FORMAT.partition("/")
_SECTION_ITEMS = {
    "observation",
    "recommendation",
    "promising_practice",
    "text",
    "heading",
    "footnote",
    "unplaced",
}
JSON = dict[str, Any]


@dataclass(frozen=True)
class ParsedAssessment:
    """A validated assessor-json document and the version it was written in."""

    data: JSON
    #: (major, minor) of the file; 1.0 for files written before the version field.
    version: tuple[int, int]
    name: str


def read_json_file(path: str | Path) -> ParsedAssessment:
    """Read and validate an assessor-json file."""
    p = Path(path)
    check_size(p, MAX_JSON_BYTES, "for an assessment export")
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise ImportRejected(
            _("{name}: the file cannot be read ({reason}).").format(name=p.name, reason=e.strerror)
        ) from e
    return parse_json_bytes(raw, p.name)


def parse_json_bytes(raw: bytes, name: str) -> ParsedAssessment:
    """Parse and validate assessor-json text (from a file or a package)."""
    if len(raw) > MAX_JSON_BYTES:
        raise ImportRejected(
            _("{name}: the export is too large (at most 400 MB).").format(name=name)
        )
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        raise ImportRejected(
            _("{name}: this is not a text file (not UTF-8 JSON).").format(name=name)
        ) from e
    except RecursionError as e:
        raise ImportRejected(
            _("{name}: the JSON is nested too deeply to be an export.").format(name=name)
        ) from e
    except json.JSONDecodeError as e:
        raise ImportRejected(
            _(
                "{name}: the file is damaged or not JSON (line {lineno}, column {colno}: "
                "{message})."
            ).format(name=name, lineno=e.lineno, colno=e.colno, message=e.msg.lower())
        ) from e
    if not isinstance(data, dict):
        raise ImportRejected(
            _("{name}: this is not an Assessor export (no top-level object).").format(name=name)
        )
    version = check_version(data, name)
    _Validator(name).document(data)
    return ParsedAssessment(data=data, version=version, name=name)


def check_version(data: JSON, name: str) -> tuple[int, int]:
    """The file's (major, minor) version; refuses another format and a newer major version."""
    declared = data.get("format")
    if not isinstance(declared, str) or not declared.startswith(_FORMAT_NAME + "/"):
        raise ImportRejected(
            _(
                "{name}: this is not an Assessor export (its format is {declared}, not {expected})."
            ).format(name=name, declared=repr(declared), expected=repr(FORMAT))
        )
    major_text = declared.partition("/")[2]
    if not major_text.isdigit():
        raise ImportRejected(
            _("{name}: the format {declared} has no version number.").format(
                name=name, declared=repr(declared)
            )
        )
    major = int(major_text)
    minor = 0
    given = data.get("version")
    if given is not None:
        parts = str(given).split(".")
        if len(parts) != 2 or not all(p.isdigit() for p in parts) or int(parts[0]) != major:
            raise ImportRejected(
                _("{name}: the version {given} does not agree with the format {declared}.").format(
                    name=name, given=repr(given), declared=repr(declared)
                )
            )
        minor = int(parts[1])
    if major > int(_MAJOR):
        raise ImportRejected(
            _(
                "{name} was written by a newer Assessor ({declared}); update Assessor to import it."
            ).format(name=name, declared=declared)
        )
    if major < 1:
        raise ImportRejected(
            _("{name}: the format {declared} is not one Assessor ever wrote.").format(
                name=name, declared=repr(declared)
            )
        )
    # A newer minor version only adds fields: they are read past.
    return major, minor


class _Validator:
    """Walks the document checking what the importer relies on; the first problem is raised."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.uids: set[str] = set()

    def fail(self, where: str, problem: str) -> NoReturn:
        raise ImportRejected(
            _("{name}: {where}: {problem}; the file is damaged or not an export.").format(
                name=self.name, where=where, problem=problem
            )
        )

    def obj(self, value: Any, where: str) -> JSON:
        if not isinstance(value, dict):
            self.fail(where, _("should be an object"))
        return value

    def items(self, node: JSON, key: str, where: str, required: bool = True) -> list[Any]:
        value = node.get(key, None if required else [])
        if not isinstance(value, list):
            self.fail(f"{where}.{key}", _("should be a list") if key in node else _("is missing"))
        return value

    def text(self, node: JSON, key: str, where: str, *, null: bool = False) -> None:
        value = node.get(key)
        if value is None and null:
            return
        if not isinstance(value, str):
            self.fail(f"{where}.{key}", _("should be text") if key in node else _("is missing"))

    def integer(self, node: JSON, key: str, where: str, *, required: bool = False) -> None:
        value = node.get(key)
        if value is None and not required:
            return
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(f"{where}.{key}", _("should be a whole number"))

    def strings(self, node: JSON, key: str, where: str) -> None:
        value = node.get(key, [])
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{where}.{key}", _("should be a list of texts"))

    def document(self, data: JSON) -> None:
        for n, sheet in enumerate(self.items(data, "factsheets", "the file")):
            self.factsheet(self.obj(sheet, f"factsheets[{n}]"), f"factsheets[{n}]")
        for n, change in enumerate(self.items(data, "history", "the file", required=False)):
            where = f"history[{n}]"
            c = self.obj(change, where)
            for key in ("entity", "field", "at"):
                self.text(c, key, where)
            self.integer(c, "entity_id", where, required=True)
            for key in ("old", "new", "by"):
                self.text(c, key, where, null=True)

    def factsheet(self, sheet: JSON, where: str) -> None:
        for key in ("party", "title", "round"):
            self.text(sheet, key, where)
        if not sheet["party"].strip() or not sheet["round"].strip():
            self.fail(where, _("the Party or the round has no name"))
        self.text(sheet, "language", where, null=True)
        levels = self.items(sheet, "rating_scale", where)
        for n, level in enumerate(levels):
            self.text(self.obj(level, f"{where}.rating_scale[{n}]"), "key", where)
            self.text(level, "label", f"{where}.rating_scale[{n}]")
            self.text(level, "label_fr", f"{where}.rating_scale[{n}]", null=True)
        keys = [lv["key"] for lv in levels]
        if len(set(keys)) != len(keys):
            self.fail(f"{where}.rating_scale", _("two levels have the same key"))
        seen_codes: set[str] = set()
        for c, chapter in enumerate(self.items(sheet, "chapters", where)):
            cw = f"{where}.chapters[{c}]"
            self.obj(chapter, cw)
            self.text(chapter, "number", cw)
            self.text(chapter, "title", cw)
            for s, section in enumerate(self.items(chapter, "sections", cw)):
                sw = f"{cw}.sections[{s}]"
                self.obj(section, sw)
                self.text(section, "kind", sw)
                self.text(section, "title", sw)
                for i, item in enumerate(self.items(section, "items", sw)):
                    self.item(self.obj(item, f"{sw}.items[{i}]"), f"{sw}.items[{i}]", seen_codes)
        for key in ("unplaced_recommendations", "retired_recommendations"):
            for i, rec in enumerate(self.items(sheet, key, where, required=False)):
                iw = f"{where}.{key}[{i}]"
                self.recommendation(self.obj(rec, iw), iw, seen_codes)
        for t, theme in enumerate(self.items(sheet, "assessor_recommendations", where)):
            tw = f"{where}.assessor_recommendations[{t}]"
            self.text(self.obj(theme, tw), "theme", tw)
            for i, item in enumerate(self.items(theme, "items", tw)):
                iw = f"{tw}.items[{i}]"
                self.text(self.obj(item, iw), "text", iw)
                self.strings(item, "links", iw)

    def item(self, item: JSON, where: str, seen_codes: set[str]) -> None:
        kind = item.get("type")
        if kind not in _SECTION_ITEMS:
            self.fail(
                f"{where}.type", _("{kind} is not a kind of section item").format(kind=repr(kind))
            )
        if kind == "recommendation":
            self.recommendation(item, where, seen_codes)
            return
        self.text(item, "text", where)
        if kind == "observation":
            self.strings(item, "paragraphs", where)
        if kind == "footnote":
            self.text(item, "number", where, null=True)

    def recommendation(self, rec: JSON, where: str, seen_codes: set[str]) -> None:
        for key in ("verb", "scope", "chapter", "text"):
            self.text(rec, key, where)
        self.strings(rec, "codes", where)
        self.strings(rec, "paragraphs", where)
        codes = rec.get("codes") or []
        if not codes:
            self.fail(f"{where}.codes", _("a recommendation needs at least one code"))
        repeated = seen_codes.intersection(codes)
        if repeated:
            self.fail(
                f"{where}.codes",
                _("{codes} is given twice").format(codes=", ".join(sorted(repeated))),
            )
        seen_codes.update(codes)
        self.text(rec, "uid", where, null=True)
        uid = rec.get("uid")
        if uid is not None:
            if uid in self.uids:
                self.fail(
                    f"{where}.uid", _("{uid} is given to two recommendations").format(uid=uid)
                )
            self.uids.add(uid)
        self.integer(rec, "position", where)
        for key in ("follow_up", "follow_up_source", "follow_up_received_at", "retired_at"):
            self.text(rec, key, where, null=True)
        for n, version in enumerate(self.items(rec, "follow_up_history", where, required=False)):
            vw = f"{where}.follow_up_history[{n}]"
            self.text(self.obj(version, vw), "text", vw)
            for key in ("source", "received_at", "superseded_at", "recorded_at"):
                self.text(version, key, vw, null=True)
        assessment = rec.get("assessment")
        if assessment is not None:
            aw = f"{where}.assessment"
            self.obj(assessment, aw)
            for key in ("rating", "comment", "status", "updated_at", "updated_by"):
                self.text(assessment, key, aw, null=True)


__all__ = ["MAX_JSON_BYTES", "VERSION", "ParsedAssessment", "parse_json_bytes", "read_json_file"]
