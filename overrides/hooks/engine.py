"""MkDocs glue: put the pinned Pyodide runtime and the calculators package into the site.

Pyodide comes from ``node_modules`` (installed by ``npm ci`` from the lock file);
the build stops if it is missing or is not the version ``package.json`` pins.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

PYODIDE_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
PACKAGE = "calculators"


def pinned_pyodide(project: Path) -> str:
    return json.loads((project / "package.json").read_text())["dependencies"]["pyodide"]


def vendor_pyodide(project: Path, dest: Path) -> None:
    """Copy the runtime files, refusing anything but the pinned version."""
    source = project / "node_modules" / "pyodide"
    wanted = pinned_pyodide(project)
    manifest = source / "package.json"
    if not manifest.is_file():
        raise PluginError(
            f"Pyodide {wanted} is not installed in {source}: run `npm ci` (make does)"
        )
    found = json.loads(manifest.read_text())["version"]
    if found != wanted:
        raise PluginError(
            f"{source} holds Pyodide {found}, but package.json pins {wanted}: run `npm ci`"
        )
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        if not (source / name).is_file():
            raise PluginError(f"Pyodide {found} has no {name}; the engine needs it")
        shutil.copy2(source / name, dest / name)


def pack_calculators(project: Path, dest: Path) -> None:
    """Zip the package's sources for the browser to unpack into Pyodide."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for module in sorted((project / PACKAGE).glob("*.py")):
            archive.write(module, f"{PACKAGE}/{module.name}")


def on_post_build(config: MkDocsConfig) -> None:
    project = Path(config.config_file_path).parent
    assets = Path(config.site_dir) / "assets"
    vendor_pyodide(project, assets / "pyodide")
    pack_calculators(project, assets / "calculators.zip")
