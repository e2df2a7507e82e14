"""An assessment package (``.assessor``): one file to hand an assessment to a colleague.

A zip holding ``manifest.json`` (who, when, from which database, the app and format versions,
the SHA-256 of the assessment) and ``assessment.json`` (the JSON export, of one Party if asked).
With a passphrase the assessment is sealed with AES-256-GCM (``cryptography``) under a key
derived by scrypt from the passphrase and a random salt kept in the manifest; the member is then
``assessment.json.enc``. Reading it back: ``assessor.importers.package_file``.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import secrets
import zipfile
from base64 import b64encode
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import select

from assessor import __version__
from assessor.db.engine import Database
from assessor.db.models import Party, utcnow
from assessor.exporters.json_export import FORMAT, VERSION, dumps, export_json, iso
from assessor.fileio import atomic_write_bytes
from assessor.services.cancel import Cancel, check
from assessor.services.errors import ServiceError
from assessor.services.package_rules import MIN_PASSPHRASE as MIN_PASSPHRASE
from assessor.services.package_rules import passphrase_too_short
from assessor.settings import assessor_name

PACKAGE_FORMAT = "assessor-package/1"
MANIFEST = "manifest.json"
ASSESSMENT = "assessment.json"
SEALED = "assessment.json.enc"
#: scrypt's cost: OWASP's recommended minimum (128 MB, a fraction of a second).
SCRYPT = {"n": 2**17, "r": 8, "p": 1}


def derive_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    """A 256-bit key from the passphrase (scrypt)."""
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def sealed_context(manifest: dict[str, Any]) -> bytes:
    """The manifest fields bound to the sealed assessment (all but the encryption block)."""
    # The manifest's own fields are bound to the sealed data: changing either fails to open.
    return json.dumps(
        {k: v for k, v in manifest.items() if k != "encryption"}, sort_keys=True
    ).encode("utf-8")


def build_package(
    data: dict[str, Any],
    *,
    by: str,
    database: dict[str, Any],
    passphrase: str | None = None,
) -> bytes:
    """The bytes of a package holding the export ``data``."""
    body = dumps(data)
    manifest: dict[str, Any] = {
        "format": PACKAGE_FORMAT,
        "by": by,
        "written_at": iso(utcnow()),
        "database": database,
        "app_version": __version__,
        "assessment_format": FORMAT,
        "assessment_version": VERSION,
        "parties": sorted({s["party"] for s in data["factsheets"]}),
        "rounds": sorted({s["round"] for s in data["factsheets"]}),
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    member, stored = ASSESSMENT, body
    if passphrase is not None:
        if not passphrase:
            raise ValueError("an empty passphrase protects nothing")
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        key = derive_key(passphrase, salt, **SCRYPT)
        stored = AESGCM(key).encrypt(nonce, body, sealed_context(manifest))
        member = SEALED
        manifest["encryption"] = {
            "cipher": "AES-256-GCM",
            "kdf": "scrypt",
            **SCRYPT,
            "salt": b64encode(salt).decode("ascii"),
            "nonce": b64encode(nonce).decode("ascii"),
            "sha256_sealed": hashlib.sha256(stored).hexdigest(),
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        z.writestr(member, stored)
    return buffer.getvalue()


def database_origin(db: Database) -> dict[str, Any]:
    """Which database a package comes from: its file name (and no stable id: none exists yet)."""
    path = db.path
    return {"file": path.name if path is not None else db.location, "id": None}


def party_name(db: Database, name: str) -> str:
    """The Party called ``name`` in the database, in any case; refused in a sentence."""
    with db.reading() as s:
        names = s.scalars(select(Party.name).order_by(Party.name)).all()
    found = [n for n in names if n.casefold() == name.strip().casefold()]
    if not found:
        raise ServiceError(f"There is no Party called “{name}” in this database.")
    return found[0]


def write_package(
    db: Database,
    path: str | os.PathLike[str],
    party: str | None = None,
    passphrase: str | None = None,
    by: str | None = None,
    cancel: Cancel | None = None,
) -> dict[str, Any]:
    """Write an assessment package to ``path`` atomically; return its manifest.

    ``party`` keeps one Party's factsheets; ``passphrase`` (at least ``MIN_PASSPHRASE``
    characters) seals the assessment; ``by`` is the name written as its author (the
    assessor's name from the settings by default).
    ``cancel`` is checked per factsheet and before writing; a cancelled package leaves no file.
    """
    if passphrase is not None:
        refused = passphrase_too_short(passphrase)
        if refused:
            raise ServiceError(refused)
    if party is not None:
        party = party_name(db, party)
    data = export_json(db, party=party, cancel=cancel)
    package = build_package(
        data,
        by=assessor_name() if by is None else by,
        database=database_origin(db),
        passphrase=passphrase,
    )
    check(cancel)
    atomic_write_bytes(Path(path), package, shared=True)
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        manifest: dict[str, Any] = json.loads(z.read(MANIFEST))
    return manifest
