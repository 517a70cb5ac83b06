"""The front-end build step: web/package.json pins the npm packages, build_web copies their files
(and licences) into the vendor folder; missing pieces give messages that say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.api import build_web
from hadath.api.build_web import VENDOR_FILES, build, missing_vendor_files

WEB = Path(__file__).resolve().parents[1] / "web"


def fake_web(folder: Path) -> Path:
    """A web/ folder whose node_modules holds stand-ins for the packages' files."""
    web = folder / "web"
    for package, inner in VENDOR_FILES.values():
        root = web / "node_modules" / package
        (root / inner).parent.mkdir(parents=True, exist_ok=True)
        (root / inner).write_text(f"/* {package} */", encoding="utf-8")
        meta = {"version": "1.2.3", "license": "ISC"}
        (root / "package.json").write_text(json.dumps(meta), encoding="utf-8")
        (root / "LICENSE").write_text("ISC licence text", encoding="utf-8")
    (web / "package.json").write_text("{}", encoding="utf-8")
    return web


def test_package_json_and_lock_pin_every_vendor_package():
    wanted = {package for package, _ in VENDOR_FILES.values()}
    assert wanted <= set(json.loads((WEB / "package.json").read_text(encoding="utf-8"))["dependencies"])
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    assert {f"node_modules/{p}" for p in wanted} <= set(lock["packages"])


def test_build_copies_files_licences_and_a_manifest(tmp_path):
    vendor = tmp_path / "vendor"
    assert missing_vendor_files(vendor) == list(VENDOR_FILES)
    written = build(fake_web(tmp_path), vendor, install=False)
    assert sorted(p.name for p in written) == sorted(VENDOR_FILES)
    assert missing_vendor_files(vendor) == []
    assert (vendor / "d3.min.js").read_text(encoding="utf-8") == "/* d3 */"
    assert (vendor / "licenses" / "world-atlas-LICENSE").is_file()
    manifest = json.loads((vendor / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["countries-110m.json"] == {"package": "world-atlas", "version": "1.2.3", "license": "ISC"}


def test_a_missing_package_file_says_how_to_recover(tmp_path):
    web = fake_web(tmp_path)
    (web / "node_modules" / "d3" / "dist" / "d3.min.js").unlink()
    with pytest.raises(RuntimeError, match="delete .*node_modules"):
        build(web, tmp_path / "vendor", install=False)


def test_without_npm_the_build_says_what_to_install(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(build_web.shutil, "which", lambda name: None)
    web = fake_web(tmp_path)
    with pytest.raises(RuntimeError, match="apt-get install nodejs npm"):
        build(web, tmp_path / "vendor", install=True)
    nowhere = tmp_path / "nowhere"
    monkeypatch.setattr(build_web, "build", lambda install: build(nowhere, tmp_path / "v", install))
    assert build_web.main(["--no-install"]) == 1
    assert "package.json" in capsys.readouterr().err
