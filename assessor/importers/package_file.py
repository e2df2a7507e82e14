"""Reading an assessment package (``.assessor``) back: zip, manifest, checksum, passphrase.

Pure reading: nothing is written. Every refusal is one sentence (``ImportRejected``);
``PassphraseNeeded`` asks the caller for the passphrase of a sealed package.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from base64 import b64decode
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from assessor.exporters.package import (
    ASSESSMENT,
    MANIFEST,
    PACKAGE_FORMAT,
    SEALED,
    derive_key,
    sealed_context,
)
from assessor.i18n import _
from assessor.importers.common import ImportRejected, check_size
from assessor.importers.json_file import MAX_JSON_BYTES, ParsedAssessment, parse_json_bytes

#: A package is a compressed export; 10,000 recommendations make a few MB.
MAX_PACKAGE_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
#: scrypt costs above these are not ones Assessor writes (and would take minutes or GBs).
MAX_SCRYPT_N, MAX_SCRYPT_R, MAX_SCRYPT_P = 2**20, 16, 4


class PassphraseNeeded(ImportRejected):
    """The package is sealed and no passphrase was given."""


class WrongPassphrase(ImportRejected):
    """The passphrase given does not open the sealed package (the window asks again)."""


@dataclass(frozen=True)
class ParsedPackage:
    """A package that opened, passed its checksum and holds a valid export."""

    manifest: dict[str, Any]
    assessment: ParsedAssessment
    name: str

    @property
    def by(self) -> str:
        """Who wrote the package (the assessor's name in their settings)."""
        return str(self.manifest.get("by") or "")

    @property
    def written_at(self) -> datetime | None:
        """When the package was written."""
        value = self.manifest.get("written_at")
        try:
            return datetime.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            return None

    @property
    def encrypted(self) -> bool:
        """Whether the assessment was sealed with a passphrase."""
        return "encryption" in self.manifest


def _changed(name: str) -> ImportRejected:
    return ImportRejected(
        _(
            "{name} has been changed since it was written (checksum mismatch); ask for it again."
        ).format(name=name)
    )


#: The file name ending of a package, as ``export package`` writes it.
PACKAGE_SUFFIX = ".assessor"


def starts_as_zip(path: str | os.PathLike[str]) -> bool:
    """Whether the file begins as a zip archive does (whole or not)."""
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read_package(path: str | Path, passphrase: str | None = None) -> ParsedPackage:
    """Open, check and (with ``passphrase``) unseal an assessment package."""
    p = Path(path)
    check_size(p, MAX_PACKAGE_BYTES, "for an assessment package")
    name = p.name
    try:
        archive = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError) as e:
        if starts_as_zip(p):  # a zip's beginning without its end: cut short on the way
            raise ImportRejected(
                _(
                    "{name}: the package is damaged or incomplete (cut short while it was "
                    "copied or downloaded?); ask for it again."
                ).format(name=name)
            ) from e
        raise ImportRejected(
            _("{name}: this is not an assessment package (not a zip file).").format(name=name)
        ) from e
    with archive:
        members = {info.filename: info for info in archive.infolist()}
        if MANIFEST not in members:
            raise ImportRejected(
                _("{name}: this is not an assessment package (no manifest).").format(name=name)
            )
        payloads = [m for m in (ASSESSMENT, SEALED) if m in members]
        unknown = set(members) - {MANIFEST, ASSESSMENT, SEALED}
        if len(payloads) != 1 or unknown:
            raise ImportRejected(
                _(
                    "{name}: the package holds other files than an assessment and its manifest; "
                    "it is refused."
                ).format(name=name)
            )
        member = payloads[0]
        if members[MANIFEST].file_size > MAX_MANIFEST_BYTES:
            raise ImportRejected(
                _("{name}: the package's manifest is too large; it is refused.").format(name=name)
            )
        if members[member].file_size > MAX_JSON_BYTES:
            raise ImportRejected(
                _("{name}: the assessment in the package is too large (a zip bomb?).").format(
                    name=name
                )
            )
        try:
            manifest_raw = archive.read(MANIFEST)
            stored = archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError) as e:
            raise _changed(name) from e  # a CRC error: the bytes are not those written
    manifest = _manifest(manifest_raw, name)
    body = _unseal(manifest, stored, name, passphrase) if member == SEALED else stored
    if "encryption" in manifest and member != SEALED:
        raise _changed(name)
    if hashlib.sha256(body).hexdigest() != manifest.get("sha256"):
        raise _changed(name)
    return ParsedPackage(manifest, parse_json_bytes(body, f"{name} ({ASSESSMENT})"), name)


def _manifest(raw: bytes, name: str) -> dict[str, Any]:
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise _changed(name) from e
    if not isinstance(manifest, dict):
        raise _changed(name)
    declared = manifest.get("format")
    if not isinstance(declared, str) or not declared.startswith("assessor-package/"):
        raise ImportRejected(
            _("{name}: this is not an assessment package (format {declared}).").format(
                name=name, declared=repr(declared)
            )
        )
    if declared != PACKAGE_FORMAT:
        raise ImportRejected(
            _(
                "{name} was written by a newer Assessor ({declared}); update Assessor to open it."
            ).format(name=name, declared=declared)
        )
    return manifest


def _unseal(manifest: dict[str, Any], sealed: bytes, name: str, passphrase: str | None) -> bytes:
    spec = manifest.get("encryption")
    if not isinstance(spec, dict) or "encryption" not in manifest:
        raise _changed(name)
    if hashlib.sha256(sealed).hexdigest() != spec.get("sha256_sealed"):
        raise _changed(name)
    if passphrase is None:
        raise PassphraseNeeded(
            _("{name} is protected by a passphrase; give it to open the package.").format(name=name)
        )
    try:
        n, r, p = int(spec["n"]), int(spec["r"]), int(spec["p"])
        salt, nonce = b64decode(spec["salt"]), b64decode(spec["nonce"])
    except (KeyError, TypeError, ValueError) as e:
        raise _changed(name) from e
    if spec.get("cipher") != "AES-256-GCM" or spec.get("kdf") != "scrypt":
        raise ImportRejected(
            _("{name} is sealed in a way this Assessor does not know; update it.").format(name=name)
        )
    if not (1 < n <= MAX_SCRYPT_N and 0 < r <= MAX_SCRYPT_R and 0 < p <= MAX_SCRYPT_P):
        raise _changed(name)
    if n & (n - 1) or len(nonce) != 12 or len(salt) < 16:
        raise _changed(name)
    key = derive_key(passphrase, salt, n, r, p)
    try:
        return AESGCM(key).decrypt(nonce, sealed, sealed_context(manifest))
    except InvalidTag as e:
        # The sealed bytes match the manifest's checksum, so the passphrase is what differs
        # (or the manifest's other fields were changed: they are bound to the seal too).
        raise WrongPassphrase(
            _(
                "The passphrase does not open {name}; check it with the colleague who sent it."
            ).format(name=name)
        ) from e
