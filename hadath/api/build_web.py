"""Build the dashboard's front-end libraries: ``python -m hadath.api.build_web``.

Installs the npm packages pinned in ``web/package.json``/``web/package-lock.json`` (``npm ci``, from
the npm registry) and copies the few files the pages load into ``hadath/api/static/vendor/``
(git-ignored), with the packages' licences and a ``manifest.json`` of versions.  Nothing is fetched
when the dashboard runs.

>>> sorted(VENDOR_FILES)[:2]
['countries-110m.json', 'd3.min.js']
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

__all__ = ["VENDOR_DIR", "VENDOR_FILES", "WEB_DIR", "build", "missing_vendor_files"]

WEB_DIR = Path(__file__).resolve().parents[2] / "web"
VENDOR_DIR = Path(__file__).resolve().parent / "static" / "vendor"
# file in vendor/ -> (npm package, path inside the package)
VENDOR_FILES: dict[str, tuple[str, str]] = {
    "d3.min.js": ("d3", "dist/d3.min.js"),
    "topojson-client.min.js": ("topojson-client", "dist/topojson-client.min.js"),
    "countries-110m.json": ("world-atlas", "countries-110m.json"),
}


def missing_vendor_files(vendor_dir: Path = VENDOR_DIR) -> list[str]:
    """Names of the vendor files not built yet (empty when the dashboard has all it needs)."""
    return [name for name in VENDOR_FILES if not (vendor_dir / name).is_file()]


def _npm_install(web_dir: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "npm not found: install Node.js 18+ with npm (Debian: apt-get install nodejs npm), then run "
            "`python -m hadath.api.build_web` again"
        )
    command = [npm, "ci" if (web_dir / "package-lock.json").is_file() else "install", "--no-audit",
               "--no-fund", "--loglevel=error"]  # fmt: skip
    done = subprocess.run(command, cwd=web_dir, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"`{' '.join(command[1:])}` in {web_dir} failed:\n{done.stderr.strip()}")


def build(web_dir: Path = WEB_DIR, vendor_dir: Path = VENDOR_DIR, install: bool = True) -> list[Path]:
    """Install the npm packages (unless ``install`` is False) and copy the vendor files;
    returns the files written."""
    if not (web_dir / "package.json").is_file():
        raise RuntimeError(f"no {web_dir / 'package.json'}: run this from a source checkout of Hadath")
    if install or not (web_dir / "node_modules").is_dir():
        _npm_install(web_dir)
    vendor_dir.mkdir(parents=True, exist_ok=True)
    (vendor_dir / "licenses").mkdir(exist_ok=True)
    written, manifest = [], {}
    for name, (package, inner) in VENDOR_FILES.items():
        root = web_dir / "node_modules" / package
        source = root / inner
        if not source.is_file():
            raise RuntimeError(f"{source} is missing after npm install; delete {web_dir / 'node_modules'} "
                               "and run the build again")  # fmt: skip
        written.append(Path(shutil.copyfile(source, vendor_dir / name)))
        meta = json.loads((root / "package.json").read_text(encoding="utf-8"))
        manifest[name] = {"package": package, "version": meta.get("version"), "license": meta.get("license")}
        for licence in root.glob("LICEN[CS]E*"):
            shutil.copyfile(licence, vendor_dir / "licenses" / f"{package}-{licence.name}")
    (vendor_dir / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m hadath.api.build_web", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--no-install", action="store_true",
                        help="copy from an existing web/node_modules without running npm")  # fmt: skip
    args = parser.parse_args(argv)
    try:
        files = build(install=not args.no_install)
    except RuntimeError as exc:
        print(f"build_web: {exc}", file=sys.stderr)
        return 1
    print(f"build_web: {len(files)} files in {VENDOR_DIR}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
