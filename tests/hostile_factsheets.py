"""A corpus of hostile factsheet files: what a mail gateway, a converter, a careless copy or an
attacker could hand to ``assessor import``, each written into a folder from the real example
factsheet and the generated test factsheets (``tests/data/factsheets/``).

``write_corpus`` returns one ``Case`` per file with what the import must do: refuse it (exit 2,
one line naming the file) or import it (exit 0), and, for an import, whether the recommendations
must be exactly the clean file's (codes and verbs) and which words a warning must hold.
``tests/test_hostile_factsheets.py`` runs every case through the command line and
``bench/hostile_imports.py`` times each one.
"""

from __future__ import annotations

import io
import random
import re
import shutil
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path

from assessor.importers.common import MAX_TEXT_BYTES
from assessor.importers.readers import MAX_DOCUMENT_BYTES

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "resources" / "examples" / "factsheet-albania-2nd-round.md"
DATA = ROOT / "tests" / "data" / "factsheets"
REFUSED, IMPORTED = "refused", "imported"
#: What the command's exit status is for each outcome (README: "Exit status").
EXIT = {IMPORTED: 0, REFUSED: 2}
#: Where a line is put into the factsheet: the end of chapter I, before chapter II's heading.
INSERT_BEFORE = "## II. Legal framework"
#: The invisible characters put into codes and verbs, one after another.
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad")
#: Words of the example with letters outside ASCII, which every encoding must bring back.
ACCENTED = ("Korçë", "Shkodër", "Tiranë")
#: The control characters put into the text after its first 8 KB (NUL and DEL included).
CONTROLS = "\x00\x01\x02\x07\x08\x0b\x0c\x0e\x1b\x1f\x7f\x85\x9b"


@dataclass(frozen=True)
class Case:
    """One hostile file and what importing it must do."""

    name: str
    path: Path
    expect: str
    #: Words the refusal's one line (or, for an import, the report) must hold.
    message: str = ""
    #: The recommendations (codes and verbs, in order) must be the clean factsheet's.
    same_as_clean: bool = False
    #: Characters that must not be in ``export json`` after the import.
    absent: str = ""
    #: What happens when a database already holds the example, where it differs (a
    #: questionnaire can only be imported into the database it came from).
    expect_with_db: str | None = None
    message_with_db: str = ""
    #: Words the exported database must hold after the import (accents read right).
    words: tuple[str, ...] = ()
    #: The refusal names the database rather than the file (a questionnaire, no database).
    names_database: bool = False
    #: The time the bench allows the import (parse, or the whole command).
    bound_s: float = 2.0

    def outcome(self, with_db: bool) -> tuple[str, str]:
        """What the import must do, and the words it must say, with or without a database."""
        if with_db and self.expect_with_db is not None:
            return self.expect_with_db, self.message_with_db
        return self.expect, self.message


def seed_text() -> str:
    """The example factsheet's Markdown."""
    return SEED.read_text(encoding="utf-8")


def inserted(text: str, addition: str, before: str = INSERT_BEFORE) -> str:
    """The factsheet with ``addition`` as paragraphs of its own at the end of chapter I."""
    at = text.index(before)
    return text[:at] + addition + "\n\n" + text[at:]


def prose(size: int, seed: int = 1) -> str:
    """About ``size`` characters of plausible paragraphs (sentences of common words)."""
    words = (
        "the committee parties children protection authorities measures national report "
        "information legal framework cooperation victims training research data policy "
        "implementation convention sexual exploitation abuse support services"
    ).split()
    rnd = random.Random(seed)
    sentences = []
    for _ in range(200):
        n = rnd.randint(8, 24)
        sentences.append(" ".join(rnd.choice(words) for _ in range(n)).capitalize() + ".")
    paragraphs = [" ".join(rnd.choice(sentences) for _ in range(8)) for _ in range(50)]
    out: list[str] = []
    total = 0
    while total < size:
        p = paragraphs[len(out) % len(paragraphs)]
        out.append(p)
        total += len(p) + 2
    return "\n\n".join(out)[:size]


def padded(text: str, size: int) -> bytes:
    """The factsheet in UTF-8, made exactly ``size`` bytes by an annex of prose in chapter I."""
    head = inserted(text, "\x00").encode("utf-8")
    room = size - len(head) + 1
    annex = prose(room).encode("ascii")[:room]
    data = head.replace(b"\x00", annex, 1)
    assert len(data) == size, (len(data), size)
    return data


def _write(path: Path, data: bytes | str) -> Path:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ---- text files ------------------------------------------------------------------------------


def with_duplicate_bullet(text: str) -> str:
    """The II-6 bullet (footnote 7) written twice, one after the other."""
    line = next(
        ln for ln in text.splitlines() if ln.startswith("- ") and ln.endswith("<sup>7</sup>")
    )
    return text.replace(line, line + "\n\n" + line, 1)


def with_zero_width(text: str) -> str:
    """An invisible character inside every code of the footnotes and every bold verb."""
    chars = iter(ZERO_WIDTH * 1000)

    def code(m: re.Match[str]) -> str:
        return f"{m.group(1)}{next(chars)}-{m.group(2)}"

    def verb(m: re.Match[str]) -> str:
        word = m.group(1)
        return f"**{word[:2]}{next(chars)}{word[2:]}**"

    text = re.sub(r"(?<=Recommendation )([IVXL]+)-(\d+)", code, text)
    text = re.sub(r"(?<=Recommendations )([IVXL]+)-(\d+)", code, text)
    text = re.sub(r"(?<=, )([IVXL]+)-(\d+)", code, text)
    return re.sub(r"\*\*(requires|requests|invites|require|request|invite)\*\*", verb, text)


def with_controls(text: str) -> str:
    """Control characters inside recommendations, follow-ups and footnotes past the first 8 KB."""
    start = len(text[:8192].encode("utf-8"))  # characters, but past 8,192 bytes either way
    head, tail = text[:start], text[start:]
    marks = iter(CONTROLS * 1000)

    def spoil(m: re.Match[str]) -> str:
        return f"{m.group(0)}{next(marks)}"

    # After the first word of every line: in bullets, follow-up paragraphs and footnotes alike.
    tail = re.sub(r"(?m)^(?:- |<sup>\d+</sup> )?\w+", spoil, tail)
    assert "\x01" in tail and "\x00" in tail
    return head + tail


def pathological_lines() -> dict[str, str]:
    """Lines made to make a regular expression or a recursive reader work without end."""
    nested_lists = "\n".join("  " * i + f"- item {i}" for i in range(2000))
    return {
        "a heading '# a' + 6,000 spaces + 'b'": "# a" + " " * 6000 + "b",
        "200,000 '['": "[" * 200_000,
        "200,000 '*'": "*" * 200_000,
        "50,000 '<sup>'": "<sup>" * 50_000,
        "10,000 nested '>'": "> " * 10_000 + "quoted",
        "2,000 nested list levels": nested_lists,
        "a 1 MB single line": prose(1_000_000, seed=2).replace("\n\n", " "),
    }


def text_cases(out: Path) -> list[Case]:
    """The text files: encodings, sizes, repeats, pathological lines, controls, zero widths."""
    text = seed_text()
    latin1 = text.translate(str.maketrans("“”’–", '""\'-'))
    cases = [
        Case("the example (clean)", _write(out / "clean.md", text), IMPORTED, same_as_clean=True),
        Case("empty file", _write(out / "empty.md", b""), REFUSED, "the file is empty"),
        Case(
            "binary junk",
            _write(out / "junk.md", random.Random(3).randbytes(65536)),
            REFUSED,
            "this is not a text file",
        ),
        Case(
            "20 MB of text (exactly the limit)",
            _write(out / "limit.md", padded(text, MAX_TEXT_BYTES)),
            IMPORTED,
            same_as_clean=True,
            bound_s=20.0,
        ),
        Case(
            "20 MB of text and one byte",
            _write(out / "over.md", padded(text, MAX_TEXT_BYTES + 1)),
            REFUSED,
            "the file is too large (20 MB; at most 20 MB) for a text import",
        ),
        Case(
            "UTF-16 with a BOM",
            _write(out / "utf16.md", text.encode("utf-16")),
            IMPORTED,
            same_as_clean=True,
            words=ACCENTED,
        ),
        Case(
            "UTF-16 big-endian with a BOM",
            _write(out / "utf16be.md", b"\xfe\xff" + text.encode("utf-16-be")),
            IMPORTED,
            same_as_clean=True,
            words=ACCENTED,
        ),
        Case(
            "UTF-16 with a lone surrogate",
            _write(
                out / "surrogate.md",
                inserted(text, "A lone \ud800 surrogate.").encode("utf-16", "surrogatepass"),
            ),
            REFUSED,
            "surrogate.md",
        ),
        Case(
            "Windows-1252 (cp1252)",
            _write(out / "cp1252.md", text.encode("cp1252")),
            IMPORTED,
            same_as_clean=True,
            words=ACCENTED,
        ),
        Case(
            "Latin-1 (ISO-8859-1)",
            _write(out / "latin1.md", latin1.encode("latin-1")),
            IMPORTED,
            same_as_clean=True,
            words=ACCENTED,
        ),
        Case(
            "a recommendation bullet written twice",
            _write(out / "duplicate.md", with_duplicate_bullet(text)),
            IMPORTED,
            "II-6",
        ),
        Case(
            "the factsheet pasted twice",
            _write(out / "twice.md", text + "\n\n" + text),
            IMPORTED,
            "II-6",
        ),
        Case(
            "control bytes after the first 8 KB",
            _write(out / "controls.md", with_controls(text)),
            IMPORTED,
            same_as_clean=True,
            absent=CONTROLS,
        ),
        Case(
            "zero-width characters in codes and verbs",
            _write(out / "zero-width.md", with_zero_width(text)),
            IMPORTED,
            same_as_clean=True,
            absent="".join(ZERO_WIDTH),
        ),
    ]
    for n, (name, line) in enumerate(pathological_lines().items()):
        path = _write(out / f"pathological-{n}.md", inserted(text, line))
        cases.append(Case(name, path, IMPORTED, same_as_clean=True))
    # Near the end, where the rest of the file is not enough to tell a factsheet is missing.
    nested = "\n".join("  " * i + f"- item {i}" for i in range(10))
    path = _write(out / "nested-late.md", inserted(text, nested, before="## XI. Research"))
    cases.append(
        Case("a list nested 10 deep before chapter XI", path, IMPORTED, same_as_clean=True)
    )
    return cases


# ---- PDF files -------------------------------------------------------------------------------


def encrypted_pdf(source: Path, user_password: str, owner_password: str) -> bytes:
    """The PDF encrypted by pypdf (RC4, 128 bits: no optional dependency needed)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password, owner_password, algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_only_pdf(pages: int = 3) -> bytes:
    """A scan: pages that are only a picture of text, with no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("RGB", (620, 877), "white")
    draw = ImageDraw.Draw(image)
    for row in range(40):
        draw.text((40, 30 + row * 20), "The Committee requests that Albania ...", fill="black")
    png = io.BytesIO()
    image.save(png, format="PNG")
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for _ in range(pages):
        png.seek(0)
        pdf.drawImage(ImageReader(png), 0, 0, width=A4[0], height=A4[1])
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def big_image_pdf(source: Path, size: int) -> bytes:
    """The PDF with one more page showing an uncompressed picture of noise, ``size`` bytes."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        NumberObject,
    )

    writer = PdfWriter(clone_from=PdfReader(source))
    side = int((size / 3) ** 0.5) + 1
    image = DecodedStreamObject()
    image.set_data(random.Random(4).randbytes(side * side * 3))
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(side),
            NameObject("/Height"): NumberObject(side),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
        }
    )
    page = writer.add_blank_page(595, 842)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(image)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q 595 0 0 842 0 0 cm /Im0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(content)
    page[NameObject("/MediaBox")] = ArrayObject(
        [FloatObject(0), FloatObject(0), FloatObject(595), FloatObject(842)]
    )
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_cases(out: Path) -> list[Case]:
    """PDF files: truncated, encrypted, scanned, big, too big, and a PDF named .txt."""
    a4 = DATA / "albania-a4.pdf"
    whole = a4.read_bytes()
    oversized = out / "oversized.pdf"
    with oversized.open("wb") as f:  # sparse: the size is what is refused, never the bytes
        f.write(whole)
        f.truncate(MAX_DOCUMENT_BYTES + 1)
    return [
        Case("the A4 PDF (clean)", _write(out / "clean.pdf", whole), IMPORTED, same_as_clean=True),
        Case(
            "a PDF truncated at half",
            _write(out / "truncated.pdf", whole[: len(whole) // 2]),
            REFUSED,
            "truncated.pdf",
        ),
        Case(
            "a PDF encrypted with a user password",
            _write(out / "encrypted.pdf", encrypted_pdf(a4, "secret", "owner")),
            REFUSED,
            "password",
        ),
        Case(
            "a PDF encrypted with an owner password only (opens without one)",
            _write(out / "owner-only.pdf", encrypted_pdf(a4, "", "owner")),
            IMPORTED,
            same_as_clean=True,
        ),
        Case(
            "an image-only PDF (a scan, no text)",
            _write(out / "scan.pdf", image_only_pdf()),
            REFUSED,
            "scan.pdf",
        ),
        Case(
            "a 21 MB PDF (a big uncompressed picture)",
            _write(out / "big.pdf", big_image_pdf(a4, 21 * 1024 * 1024)),
            IMPORTED,
            same_as_clean=True,
            bound_s=20.0,
        ),
        Case(
            "a PDF over 50 MB",
            oversized,
            REFUSED,
            "the file is too large (50 MB; at most 50 MB)",
        ),
        Case("a PDF named .txt", _write(out / "pdf.txt", whole), IMPORTED, same_as_clean=True),
    ]


# ---- Word and other zip files ----------------------------------------------------------------


def other_zip() -> bytes:
    """A zip of something else (a CSV and a note), as a wrong attachment would be."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("readme.txt", "Minutes of the meeting.\n" * 50)
        z.writestr("data/table.csv", "code,verb\nII-6,request\n" * 100)
    return buffer.getvalue()


def ole_file() -> bytes:
    """The start of an OLE2 compound file (Word 97, or an Office file with a password)."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HH", 0x3E, 3)
    header += b"\xfe\xff" + struct.pack("<H", 9) + struct.pack("<H", 6)
    return header.ljust(512, b"\x00") + random.Random(5).randbytes(4096)


def word_cases(out: Path, questionnaire: Path | None) -> list[Case]:
    """Word files and files that pretend to be one; a workbook named .md."""
    docx = (DATA / "albania.docx").read_bytes()
    cases = [
        Case(
            "the Word file (clean)", _write(out / "clean.docx", docx), IMPORTED, same_as_clean=True
        ),
        Case(
            "a .docx that is a zip of something else",
            _write(out / "other-zip.docx", other_zip()),
            REFUSED,
            "zip archive",
        ),
        Case(
            "a .docx truncated at half",
            _write(out / "truncated.docx", docx[: len(docx) // 2]),
            REFUSED,
            "truncated.docx",
        ),
        Case(
            "an OLE file (Word 97 or password-protected) named .docx",
            _write(out / "ole.docx", ole_file()),
            REFUSED,
            "ole.docx",
        ),
        Case("a .docx named .pdf", _write(out / "docx.pdf", docx), IMPORTED, same_as_clean=True),
    ]
    if questionnaire is not None:
        md = out / "questionnaire.md"
        shutil.copyfile(questionnaire, md)
        cases.append(
            Case(
                "an Excel questionnaire named .md",
                md,
                REFUSED,
                "import a factsheet first",
                names_database=True,
                expect_with_db=IMPORTED,
                message_with_db="Albania",
            )
        )
    return cases


def write_corpus(out: Path, questionnaire: Path | None = None) -> list[Case]:
    """Write every case into ``out`` (a blank questionnaire of the example adds the workbook)."""
    out.mkdir(parents=True, exist_ok=True)
    cases = text_cases(out) + pdf_cases(out) + word_cases(out, questionnaire)
    names = [c.name for c in cases]
    assert len(names) == len(set(names)), names
    return cases
