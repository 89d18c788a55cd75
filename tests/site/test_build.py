"""The site builds strictly, vendors the pinned Pyodide, and fails on mistakes."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from guide import catalogs as calculators_catalogs
from guide import engine, publish
from guide.site import PublishError
from tests.conftest import PROJECT
from tests.site.engine_files import brotli, unpack_snapshot


def test_calculator_page_and_sources_page_are_built(built_site: Path) -> None:
    page = (built_site / "calculators" / "dispute-window" / "index.html").read_text()
    assert 'data-calculator="dispute-window"' in page
    assert "39 days after shipment" in page  # the carrier table, rendered at build time
    assert 'id="source-002"' in (built_site / "sources" / "index.html").read_text()


def test_site_vendors_exactly_the_pinned_pyodide(built_site: Path) -> None:
    pinned = json.loads((PROJECT / "package.json").read_text())["dependencies"]["pyodide"]
    locked = json.loads((PROJECT / "package-lock.json").read_text())["packages"][
        "node_modules/pyodide"
    ]
    assert locked["version"] == pinned and locked["integrity"].startswith("sha512-")
    for name in engine.PYODIDE_FILES:
        built = built_site / "assets" / "pyodide" / name
        vendored = (PROJECT / "node_modules" / "pyodide" / name).read_bytes()
        assert built.read_bytes() == publish.MAP_COMMENT.sub(b"", vendored)  # no source map


@pytest.mark.parametrize(
    "packed", ["pyodide/pyodide.asm.wasm.br", "pyodide/python_stdlib.zip.br", "calculators.zip.br"]
)
def test_each_brotli_copy_unpacks_to_the_file_beside_it(built_site: Path, packed: str) -> None:
    copy = built_site / "assets" / packed
    plain = copy.with_suffix("").read_bytes()
    assert brotli(copy.read_bytes(), unpack=True) == plain
    assert copy.stat().st_size < len(plain) / 3


def test_the_brotli_decoder_is_the_pinned_one(built_site: Path) -> None:
    folder = built_site / "assets" / "pyodide"
    pinned_decoder = json.loads((PROJECT / "package.json").read_text())["dependencies"]
    installed = PROJECT / "node_modules" / "brotli-dec-wasm" / "package.json"
    assert json.loads(installed.read_text())["version"] == pinned_decoder["brotli-dec-wasm"]
    for name in engine.BROTLI_DECODER:
        vendored = PROJECT / "node_modules" / "brotli-dec-wasm" / "pkg" / name
        assert (folder / name).read_bytes() == vendored.read_bytes()


def test_site_ships_the_same_calculators_package(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / "assets" / "calculators.zip") as archive:
        shipped = {name: archive.read(name) for name in archive.namelist()}
    local = {
        f"calculators/{p.name}": p.read_bytes()
        for p in engine.browser_modules(PROJECT / "calculators")
    }
    catalogs = {f"calculators/{name}" for name in calculators_catalogs.compiled()}
    assert {name: data for name, data in shipped.items() if name not in catalogs} == local
    assert catalogs <= set(shipped) and len(catalogs) == 3
    assert "calculators/web.py" in shipped and "calculators/cli.py" not in shipped
    assert "calculators/mo.py" not in shipped  # the browser gets compiled catalogs


LOADS = re.compile(
    r"""<(?:script|img|iframe|source|audio|video)\b[^>]*\bsrc=["']([^"']+)|<link\b([^>]*)>"""
)


def test_pages_load_nothing_from_other_origins(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        for match in LOADS.finditer(page.read_text()):
            src, link = match.groups()
            if link is not None:
                if re.search(r'rel="(canonical|alternate|prev|next)"', link):
                    continue
                src = re.search(r'href="([^"]+)"', link).group(1)
            assert not re.match(r"(https?:)?//", src), f"{page}: loads {src}"
    for asset in (built_site / "assets").rglob("*.css"):
        assert not re.search(r"url\((['\"]?)(https?:)?//", asset.read_text()), asset


def copy_project(tmp_path: Path) -> Path:
    for name in ("mkdocs.yml", "package.json"):
        shutil.copy(PROJECT / name, tmp_path / name)
    for name in ("docs", "overrides", "hooks", "calculators", "guide", "browser"):
        shutil.copytree(PROJECT / name, tmp_path / name)
    return tmp_path


def mkdocs_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml")],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_an_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    page = project / "docs" / "calculators" / "dispute-window.md"
    page.write_text(page.read_text() + "\nIt closes [[figure: dispute_closes.pigeon]].\n")
    done = mkdocs_build(project)
    assert done.returncode != 0
    assert (
        "calculators/dispute-window.md: unknown figure '[[figure: dispute_closes.pigeon]]'"
        in done.stderr
    )


def test_a_missing_pyodide_fails_the_build(tmp_path: Path) -> None:
    done = mkdocs_build(copy_project(tmp_path))
    assert done.returncode != 0
    assert "Pyodide 314.0.7 is not installed" in done.stderr and "npm ci" in done.stderr


def test_a_different_pyodide_version_is_refused(tmp_path: Path) -> None:
    shutil.copy(PROJECT / "package.json", tmp_path / "package.json")
    installed = tmp_path / "node_modules" / "pyodide"
    installed.mkdir(parents=True)
    (installed / "package.json").write_text(json.dumps({"version": "314.0.6"}))
    with pytest.raises(PublishError, match="holds Pyodide 314.0.6, but package.json pins 314.0.7"):
        engine.vendor_pyodide(tmp_path, tmp_path / "out")


def test_the_public_site_carries_none_of_the_offline_engine(built_site: Path) -> None:
    assert not (built_site / "assets" / "offline").exists()
    assert not (built_site / "assets" / "javascripts" / "calculators-offline.js").exists()
    for page in built_site.rglob("*.html"):
        assert "calculators-offline.js" not in page.read_text(encoding="utf-8")


def test_the_offline_rewrite_refuses_a_pyodide_it_does_not_know() -> None:
    source = (PROJECT / "node_modules" / "pyodide" / "pyodide.asm.mjs").read_text()
    rewritten = engine.classic_module(source)
    assert "import.meta" not in rewritten and "export default" not in rewritten
    assert "window.calculatorsCreatePyodideModule = _createPyodideModule" in rewritten
    for changed in (
        source.replace("export default _createPyodideModule", "export { _createPyodideModule }"),
        source + "\nconsole.log(import.meta.url);",
    ):
        with pytest.raises(
            PublishError, match="no longer has the shape the offline build rewrites"
        ):
            engine.classic_module(changed)


def test_the_same_sources_always_pack_to_the_same_bytes(tmp_path: Path) -> None:
    engine.pack_calculators(PROJECT, tmp_path / "a.zip")
    (tmp_path / "b.zip").write_bytes(b"")
    os.utime(PROJECT / "calculators" / "web.py")  # a checkout's new file times change nothing
    engine.pack_calculators(PROJECT, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


RESTORE = """
import { loadPyodide } from "%(pyodide)s/pyodide.mjs";
import { readFileSync } from "node:fs";
const snapshot = new Uint8Array(readFileSync("%(snapshot)s"));
const pyodide = await loadPyodide({ indexURL: "%(pyodide)s/", _loadSnapshot: snapshot });
console.log(pyodide.runPython(`
import json, sys
import calculators.web
answer = calculators.web.run(
    "dispute-window", {"shipped": "2026-03-02", "carrier": "China Post"}, "2026-03-10")
json.dumps({"digest": calculators_zip_sha256, "modules": sorted(sys.modules),
            "closes": answer["result"]["verdict"]["date"]})
`));
"""


def test_the_snapshot_holds_the_shipped_calculators_already_imported(
    built_site: Path, tmp_path: Path
) -> None:
    assets = built_site / "assets"
    memory = tmp_path / "memory"
    memory.write_bytes(unpack_snapshot((assets / engine.SNAPSHOT).read_bytes()))
    script = RESTORE % {"pyodide": assets / "pyodide", "snapshot": memory}
    done = subprocess.run(
        ["node", "--input-type=module", "-e", script], capture_output=True, text=True, check=True
    )
    inside = json.loads(done.stdout.strip().splitlines()[-1])
    assert inside["digest"] == hashlib.sha256((assets / "calculators.zip").read_bytes()).hexdigest()
    assert "calculators.web" in inside["modules"] and "calculators.planner" in inside["modules"]
    assert inside["closes"] == "2026-04-10"


def test_the_engine_is_built_once_per_package_and_pyodide_and_a_broken_package_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built_site: Path
) -> None:
    # The site's build made this package's engine and the runtime's Brotli copy (once per
    # Pyodide). Asked again for the same package, the build finds them: no Node runs.
    (runtime_copy,) = (PROJECT / "node_modules" / ".cache" / "pyodide-runtime").glob("*/*.br")
    made_once = runtime_copy.stat().st_mtime_ns
    bundle = tmp_path / "calculators.zip"
    engine.pack_calculators(PROJECT, bundle)
    monkeypatch.setattr(shutil, "which", lambda name: None)  # a build would now fail
    made = engine.build_engine(PROJECT, bundle)
    snapshot = (made / engine.SNAPSHOT).read_bytes()
    assert snapshot == (built_site / "assets" / engine.SNAPSHOT).read_bytes()
    assert unpack_snapshot(snapshot)[:4] != b"\0\0\0\0"  # Pyodide's own header comes first
    assert (made / engine.RUNTIME_COPY).read_bytes() == runtime_copy.read_bytes()

    # Another package needs a build of its own (Node), which fails on a module that
    # cannot be imported, names it, remakes no runtime copy and keeps the good build.
    shutil.copytree(PROJECT / "calculators", tmp_path / "calculators")
    (tmp_path / "calculators" / "web.py").write_text("import nothing_of_the_sort\n")
    broken = tmp_path / "broken.zip"
    engine.pack_calculators(tmp_path, broken)
    with pytest.raises(PublishError, match="Node.js .* is needed to build the engine"):
        engine.build_engine(PROJECT, broken)
    monkeypatch.undo()
    with pytest.raises(PublishError, match="could not build the engine(.|\n)*nothing_of_the_sort"):
        engine.build_engine(PROJECT, broken)
    assert runtime_copy.stat().st_mtime_ns == made_once
    assert made.is_dir() and engine.build_engine(PROJECT, bundle) == made


def test_the_standard_library_is_cut_to_what_the_engine_imports(built_site: Path) -> None:
    with zipfile.ZipFile(built_site / "assets" / "pyodide" / "python_stdlib.zip") as cut:
        names = set(cut.namelist())
    with zipfile.ZipFile(PROJECT / "node_modules" / "pyodide" / "python_stdlib.zip") as whole:
        everything = {name for name in whole.namelist() if name.endswith(".py")}
    assert names and all(name.endswith(".pyc") for name in names), "compiled, no sources"
    assert {"datetime.pyc", "gettext.pyc", "json/__init__.pyc", "calendar.pyc"} <= names
    assert {"tkinter/__init__.pyc", "sqlite3/__init__.pyc", "email/__init__.pyc"}.isdisjoint(names)
    assert len(names) < len(everything) / 3
    downloaded = (built_site / "assets" / "pyodide" / "python_stdlib.zip.br").stat().st_size
    assert (
        downloaded < (PROJECT / "node_modules" / "pyodide" / "python_stdlib.zip").stat().st_size / 4
    )


LATE_IMPORT = """
import js
runs = (getattr(js.globalThis, "calculatorsRuns", 0) or 0) + 1
js.globalThis.calculatorsRuns = runs
if runs > 1:
    import xml.dom.minidom  # only on the trimmed engine: the cut cannot have it
"""


def test_a_module_missing_from_the_cut_fails_the_build(tmp_path: Path) -> None:
    sneaky = tmp_path / "calculators.zip"
    with zipfile.ZipFile(sneaky, "w") as archive:
        with zipfile.ZipFile(io.BytesIO(_packed())) as real:
            for name in real.namelist():
                archive.writestr(name, real.read(name))
        archive.writestr("calculators/late.py", LATE_IMPORT)
        init = (PROJECT / "calculators" / "__init__.py").read_text() + "\nfrom . import late\n"
        archive.writestr("calculators/__init__.py", init)
    with pytest.raises(PublishError, match="could not build the engine(.|\n)*xml"):
        engine.build_engine(PROJECT, sneaky)


def _packed() -> bytes:
    out = io.BytesIO()
    engine.pack_calculators(PROJECT, out)
    return out.getvalue()


def test_a_packed_snapshot_keeps_every_byte_but_not_the_empty_pages() -> None:
    page = engine.SNAPSHOT_PAGE
    memory = b"head" + bytes(3 * page) + b"\x01" * page + bytes(page // 2) + b"tail"
    packed = engine.pack_snapshot(memory)
    assert unpack_snapshot(packed) == memory
    body = gzip.decompress(packed)  # five pages, of which the second and third are empty
    assert len(body) == 16 + 3 * 4 + len(memory) - 2 * page


def test_nothing_of_the_build_is_published(built_site: Path) -> None:
    published = [path.relative_to(built_site).as_posix() for path in built_site.rglob("*")]
    assert not [p for p in published if p.endswith((".map", ".py", ".mjs.map", "engine-build.mjs"))]
    assert not [p for p in published if p.startswith(("hooks/", "overrides/"))]
    for asset in (*built_site.rglob("*.js"), *built_site.rglob("*.css")):
        assert b"sourceMappingURL" not in asset.read_bytes(), asset
    assert publish.leaks(built_site, str(PROJECT)) == []


def test_a_leaked_build_path_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("made in /home/someone/checkout")
    (tmp_path / "memory.gz").write_bytes(
        gzip.compress(b"...sys.executable=/home/someone/checkout/.venv...")
    )
    assert sorted(publish.leaks(tmp_path, "/home/someone/checkout")) == ["memory.gz", "page.html"]


def test_source_maps_and_the_comments_that_name_them_are_dropped(tmp_path: Path) -> None:
    (tmp_path / "bundle.min.js").write_text("let a=1;\n//# sourceMappingURL=bundle.min.js.map\n")
    (tmp_path / "main.min.css").write_text("a{b:c}\n/*# sourceMappingURL=main.min.css.map*/")
    (tmp_path / "bundle.min.js.map").write_text("{}")
    publish.drop_source_maps(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle.min.js", "main.min.css"]
    assert (tmp_path / "bundle.min.js").read_text() == "let a=1;\n"
    assert (tmp_path / "main.min.css").read_text() == "a{b:c}"


def test_no_published_script_names_a_source_map(built_site: Path) -> None:
    """Pyodide's loader is a module (.mjs): its source-map comment is dropped too."""
    modules = list(built_site.rglob("*.mjs"))
    assert built_site / "assets" / "pyodide" / "pyodide.mjs" in modules
    for module in modules:
        assert b"sourceMappingURL" not in module.read_bytes(), module
    assert publish.source_map_comments(built_site) == []


def test_the_snapshot_holds_no_temporary_folder_of_the_build(built_site: Path) -> None:
    memory = unpack_snapshot((built_site / "assets" / engine.SNAPSHOT).read_bytes())
    assert b"_=./this.program\0" in memory  # the program's name, as a browser's start gives it
    assert not publish.TEMPORARY.search(memory)
    assert publish.leaks(built_site, publish.TEMPORARY) == []


def test_a_leaked_temporary_folder_or_source_map_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "loader.mjs").write_text("export {};\n//# sourceMappingURL=loader.mjs.map\n")
    publish.publish_nothing_of_the_build(
        site, tmp_path
    )  # the comment is dropped: nothing to refuse
    assert (site / "loader.mjs").read_text() == "export {};\n"

    (site / "old.js").write_text("run();\n//@ sourceMappingURL=old.js.map\n")  # not dropped
    with pytest.raises(PublishError, match="still name a source map: old.js"):
        publish.publish_nothing_of_the_build(site, tmp_path)
    (site / "old.js").unlink()

    scratch = f"{tempfile.gettempdir()}/tmpk2x9_a1q/engine-build.mjs"
    (site / "memory.gz").write_bytes(gzip.compress(f"sys.executable={scratch}".encode()))
    with pytest.raises(PublishError, match="a temporary folder.*memory.gz"):
        publish.publish_nothing_of_the_build(site, tmp_path)
