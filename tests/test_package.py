"""Assessment packages: written, read back, sealed with a passphrase, refused when changed."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from assessor.exporters.package import ASSESSMENT, MANIFEST, SEALED, write_package
from assessor.importers.common import ImportRejected
from assessor.importers.package_file import PassphraseNeeded, read_package
from assessor.services import assessments as svc
from assessor.services.errors import ServiceError
from tests.conftest import build_factsheet
from tests.questionnaire_helpers import dump


def members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def rewrite(path: Path, changed: dict[str, bytes]) -> None:
    items = {**members(path), **changed}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


def test_a_package_holds_the_export_and_a_manifest(seeded: Any, tmp_path: Path) -> None:
    svc.rate(seeded.db, seeded.recs["II-6"], "partly", by="Ann")
    out = tmp_path / "ann.assessor"
    manifest = write_package(seeded.db, out, by="Ann")
    stored = members(out)
    assert set(stored) == {MANIFEST, ASSESSMENT}
    assert manifest == json.loads(stored[MANIFEST])
    assert manifest["by"] == "Ann" and manifest["database"]["file"] == (
        "t.sqlite" if seeded.db.path is not None else seeded.db.location
    )
    assert manifest["assessment_format"] == "assessor-json/1"
    assert manifest["sha256"] == hashlib.sha256(stored[ASSESSMENT]).hexdigest()
    assert manifest["parties"] == ["Albania"]
    package = read_package(out)
    expected = dump(seeded.db)
    got = dict(package.assessment.data)
    got.pop("exported_at")
    assert got == expected
    assert package.by == "Ann" and package.written_at is not None and not package.encrypted


def test_the_author_is_the_assessor_name_of_the_settings(seeded: Any, tmp_path: Path) -> None:
    from assessor.settings import Settings, save_settings

    save_settings(Settings(assessor_name="Ann Example"))
    assert write_package(seeded.db, tmp_path / "a.assessor")["by"] == "Ann Example"


def test_one_party(seeded: Any, tmp_path: Path) -> None:
    build_factsheet(seeded.db, party="Andorra")
    out = tmp_path / "andorra.assessor"
    write_package(seeded.db, out, party="andorra")
    data = read_package(out).assessment.data
    assert [s["party"] for s in data["factsheets"]] == ["Andorra"]
    rec_ids = {
        i["id"]
        for c in data["factsheets"][0]["chapters"]
        for s in c["sections"]
        for i in s["items"]
        if i["type"] == "recommendation"
    }
    assert all(
        h["entity_id"] in rec_ids for h in data["history"] if h["entity"] == "recommendation"
    )
    with pytest.raises(ServiceError, match="no Party called"):
        write_package(seeded.db, out, party="Narnia")


def test_sealed_with_a_passphrase(seeded: Any, tmp_path: Path) -> None:
    out = tmp_path / "sealed.assessor"
    manifest = write_package(seeded.db, out, passphrase="correct horse")
    stored = members(out)
    assert set(stored) == {MANIFEST, SEALED}
    assert b"Albania" not in stored[SEALED]
    assert manifest["encryption"]["cipher"] == "AES-256-GCM"
    assert manifest["encryption"]["kdf"] == "scrypt" and manifest["encryption"]["salt"]
    with pytest.raises(PassphraseNeeded, match="protected by a passphrase"):
        read_package(out)
    with pytest.raises(ImportRejected) as wrong:
        read_package(out, passphrase="wrong horse")
    assert str(wrong.value) == (
        "The passphrase does not open sealed.assessor; check it with the colleague who sent it."
    )
    package = read_package(out, passphrase="correct horse")
    assert package.encrypted and package.assessment.data["factsheets"][0]["party"] == "Albania"


def tampered_message(name: str) -> str:
    return f"{name} has been changed since it was written (checksum mismatch); ask for it again."


def test_a_tampered_package_is_refused(seeded: Any, tmp_path: Path) -> None:
    out = tmp_path / "t.assessor"
    write_package(seeded.db, out)
    body = members(out)[ASSESSMENT].replace(b"Albania", b"Albanja")
    rewrite(out, {ASSESSMENT: body})
    with pytest.raises(ImportRejected) as e:
        read_package(out)
    assert str(e.value) == tampered_message("t.assessor")


def test_a_tampered_sealed_package_is_refused(seeded: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.assessor"
    write_package(seeded.db, out, passphrase="long enough")
    sealed = bytearray(members(out)[SEALED])
    sealed[40] ^= 1
    rewrite(out, {SEALED: bytes(sealed)})
    with pytest.raises(ImportRejected) as e:
        read_package(out, passphrase="long enough")
    assert str(e.value) == tampered_message("s.assessor")


def test_a_changed_manifest_of_a_sealed_package_does_not_open(seeded: Any, tmp_path: Path) -> None:
    out = tmp_path / "s.assessor"
    write_package(seeded.db, out, passphrase="long enough", by="Ann")
    manifest = json.loads(members(out)[MANIFEST])
    manifest["by"] = "Mallory"
    rewrite(out, {MANIFEST: json.dumps(manifest).encode()})
    with pytest.raises(ImportRejected, match="does not open"):
        read_package(out, passphrase="long enough")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a zip at all", "not a zip file"),
        (None, "no manifest"),
        ("extra", "other files"),
    ],
)
def test_what_is_not_a_package_is_refused(
    tmp_path: Path, seeded: Any, content: Any, message: str
) -> None:
    out = tmp_path / "x.assessor"
    if isinstance(content, bytes):
        out.write_bytes(content)
    else:
        write_package(seeded.db, out)
        items = members(out)
        if content is None:
            items.pop(MANIFEST)
        else:
            items["run-me.sh"] = b"echo hi"
        with zipfile.ZipFile(out, "w") as z:
            for name, data in items.items():
                z.writestr(name, data)
    with pytest.raises(ImportRejected, match=message):
        read_package(out)
