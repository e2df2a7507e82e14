"""One resource lookup for a checkout, a pip installation and a frozen app (assessor.resources)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from assessor import resources
from assessor.resources import resource_path, resource_roots

ROOT = Path(__file__).resolve().parents[1]
CHECKOUT = ROOT / "resources"


def _put(folder: Path, *parts: str, text: str = "x") -> Path:
    path = folder.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def not_frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever ran this test (a frozen pytest is unlikely, but) looks like plain Python."""
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    monkeypatch.delattr(sys, "frozen", raising=False)


@pytest.mark.parametrize(
    "parts",
    [
        ("fonts", "DejaVuSans.ttf"),
        ("fonts", "DejaVuSans-Bold.ttf"),
        ("fonts", "LICENSE"),
        ("icons", "assessor.svg"),
        ("icons", "assessor.ico"),
        ("icons", "assessor.icns"),
        ("icons", "assessor-256.png"),
        ("examples", "factsheet-albania-2nd-round.md"),
        ("examples", "recommendations-albania.txt"),
    ],
)
def test_checkout_finds_every_bundled_resource(not_frozen: None, parts: tuple[str, ...]) -> None:
    assert resource_path(*parts) == CHECKOUT.joinpath(*parts)


def test_a_folder_can_be_looked_up(not_frozen: None) -> None:
    assert resource_path("examples") == CHECKOUT / "examples"


def test_missing_resource_names_it_and_every_place_looked_in(not_frozen: None) -> None:
    with pytest.raises(FileNotFoundError) as caught:
        resource_path("fonts", "nothing.ttf")
    message = str(caught.value)
    assert "fonts/nothing.ttf" in message
    assert all(str(root) in message for root in resource_roots())


def test_pyinstaller_bundle_comes_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    bundled = _put(tmp_path / "_internal" / "resources", "fonts", "DejaVuSans.ttf")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Assessor"))
    assert resource_path("fonts", "DejaVuSans.ttf") == bundled
    # What the bundle lacks is still found further down (here: the checkout).
    assert resource_path("fonts", "LICENSE") == CHECKOUT / "fonts" / "LICENSE"


def test_other_freezers_beside_the_executable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, not_frozen: None
) -> None:
    beside = _put(tmp_path / "app" / "resources", "icons", "only-frozen.png")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "app" / "Assessor"))
    assert resource_path("icons", "only-frozen.png") == beside


def test_macos_bundle_resources_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, not_frozen: None
) -> None:
    contents = tmp_path / "Assessor.app" / "Contents"
    found = _put(contents / "Resources" / "resources", "icons", "only-mac.icns")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(contents / "MacOS" / "Assessor"))
    assert resource_path("icons", "only-mac.icns") == found


def test_pip_installation_share_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, not_frozen: None
) -> None:
    installed = _put(tmp_path / "share" / "assessor" / "resources", "examples", "only-here.md")
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert resource_path("examples", "only-here.md") == installed
    # A checkout (or editable install) wins over an installed copy, so edits show at once.
    _put(tmp_path / "share" / "assessor" / "resources", "fonts", "LICENSE")
    assert resource_path("fonts", "LICENSE") == CHECKOUT / "fonts" / "LICENSE"


def test_user_installation_share_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, not_frozen: None
) -> None:
    installed = _put(tmp_path / "share" / "assessor" / "resources", "icons", "only-user.png")
    monkeypatch.setattr(resources.site, "USER_BASE", str(tmp_path))
    assert resource_path("icons", "only-user.png") == installed


def test_roots_are_listed_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(resources.site, "USER_BASE", sys.prefix)
    roots = resource_roots()
    assert len(roots) == len(set(roots))


def test_no_module_builds_its_own_resources_path() -> None:
    """Every reader goes through resource_path, or the frozen app would miss the file."""
    pattern = re.compile(r"""["']resources["']""")
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "assessor").rglob("*.py")
        if p.name != "resources.py" and pattern.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []
