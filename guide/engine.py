"""The post-build step's engine: the pinned Pyodide runtime and the calculators package.

Pyodide comes from ``node_modules`` (installed by ``npm ci`` from the lock file);
the build stops if it is missing or is not the version ``package.json`` pins.
The public build also ships a memory snapshot of the started engine, made by
``engine-build.mjs`` with Node, so that readers skip Python's start-up.
"""

from __future__ import annotations

import ast
import base64
import gzip
import hashlib
import io
import json
import os
import shutil
import struct
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

try:
    import fcntl
except ImportError:  # Windows: builds there do not wait for each other
    fcntl = None  # type: ignore[assignment]

from guide import catalogs
from guide.site import PublishError, Site

PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
"""Copied as they are; the standard library and the lock are built (``build_engine``)."""
PACKAGE = "calculators"
BROWSER_ENTRY = ("__init__", "web")
"""What the browser imports; the zip holds these and what they import, nothing else."""
SNAPSHOT = "calculators.snapshot.gz"
BUILD_SCRIPT = Path(__file__).with_name("engine-build.mjs")
RUNTIME_COPY = "pyodide.asm.wasm.br"
BUILT = ("python_stdlib.zip", "python_stdlib.zip.br", "pyodide-lock.json", RUNTIME_COPY)
"""Built into assets/pyodide/ beside the runtime; the package's Brotli copy and the
snapshot go to assets/, beside the package."""
PACKED_PACKAGE = "calculators.zip.br"
SNAPSHOT_MAGIC = b"SPRS"
SNAPSHOT_PAGE = 65_536
IFRAME_WORKER = "iframe-worker-shim.js"


def pinned_pyodide(project: Path) -> str:
    return str(json.loads((project / "package.json").read_text())["dependencies"]["pyodide"])


def pinned_runtime(project: Path) -> Path:
    """The installed Pyodide's folder, refusing anything but the pinned version."""
    source = project / "node_modules" / "pyodide"
    wanted = pinned_pyodide(project)
    manifest = source / "package.json"
    if not manifest.is_file():
        raise PublishError(
            f"Pyodide {wanted} is not installed in {source}: run `npm ci` (make does)"
        )
    found = json.loads(manifest.read_text())["version"]
    if found != wanted:
        raise PublishError(
            f"{source} holds Pyodide {found}, but package.json pins {wanted}: run `npm ci`"
        )
    return source


BROTLI_DECODER = ("brotli_dec_wasm.js", "brotli_dec_wasm_bg.wasm")
"""The pinned Brotli decoder (npm brotli-dec-wasm) the worker unpacks the runtime with."""


def vendor_pyodide(project: Path, dest: Path) -> None:
    """Copy the pinned runtime's files that stdlib-only code needs, and the decoder."""
    source = pinned_runtime(project)
    dest.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        if not (source / name).is_file():
            raise PublishError(f"{source} has no {name}; the engine needs it")
        shutil.copy2(source / name, dest / name)
    decoder = project / "node_modules" / "brotli-dec-wasm" / "pkg"
    for name in BROTLI_DECODER:
        if not (decoder / name).is_file():
            raise PublishError(f"{decoder} has no {name}; run npm ci (make does)")
        shutil.copy2(decoder / name, dest / name)


def pack_calculators(project: Path, dest: Path | BinaryIO) -> None:
    """Zip the package's sources for the browser to unpack into Pyodide.

    The same sources always give the same bytes (no file times), so the snapshot
    made from them can be recognised, and cached, by their digest. Stored, not
    deflated: readers download its Brotli copy, which compresses across files.
    """
    if isinstance(dest, Path):
        dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w") as archive:
        for module in browser_modules(project / PACKAGE):
            _add(archive, module.name, module.read_bytes())
        for relative, data in catalogs.compiled(project / PACKAGE / "locale").items():
            _add(archive, relative, data)


def browser_modules(package: Path) -> list[Path]:
    """The package's modules the browser needs: ``calculators.web`` and what it imports,
    followed through each module's own imports, so the command line's stay out (and
    what a module imports only when called, such as compiling a catalog)."""
    wanted: set[str] = set()
    queue = list(BROWSER_ENTRY)
    while queue:
        name = queue.pop()
        path = package / f"{name}.py"
        if name in wanted or not path.is_file():
            continue
        wanted.add(name)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # at import, not lazily
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found = [node.module] if node.module else [a.name for a in node.names]
                queue.extend(module.split(".")[0] for module in found)
    return sorted(package / f"{name}.py" for name in wanted)


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    entry = zipfile.ZipInfo(f"{PACKAGE}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
    entry.external_attr = 0o644 << 16
    archive.writestr(entry, data)


def deflated(archive: bytes) -> bytes:
    """``archive`` with every file deflated, for the offline build, which has no Brotli."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(archive)) as stored, zipfile.ZipFile(out, "w") as packed:
        for entry in stored.infolist():
            packed.writestr(entry, stored.read(entry), zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def build_engine(project: Path, bundle: Path) -> Path:
    """The folder holding the engine files built from ``bundle`` (``BUILT``).

    ``engine-build.mjs`` cuts the standard library to what the engine imports, checks
    every calculator runs on the cut, and snapshots the started engine. That takes
    seconds, so the result is kept in ``node_modules/.cache`` under a key of everything
    it is made from, and ``mkdocs serve`` remakes it only when those change. The
    runtime's Brotli copy, the slowest part, depends on Pyodide alone: it is kept apart,
    beside the installed Pyodide it is made from, once per Pyodide, not once per change
    to the calculators.
    """
    runtime = pinned_runtime(project)
    cache = project / "node_modules" / ".cache"
    installed = runtime.resolve().parent / ".cache" / "pyodide-runtime"
    packed_runtime = _cached(installed, runtime / "pyodide.asm.wasm") / RUNTIME_COPY
    built = _cached(cache / "calculators-engine", bundle, runtime / "package.json")
    if not (built / SNAPSHOT).is_file():
        with _one_build_at_a_time(installed):
            if not (built / SNAPSHOT).is_file():  # unless the build it waited for made it
                _build(runtime, bundle, packed_runtime, built)
    return built


@contextmanager
def _one_build_at_a_time(cache: Path) -> Iterator[None]:
    """Builds started together (test workers, ``make serve`` beside a test run) wait for
    the first one, then find its files, instead of each making the same ones."""
    cache.mkdir(parents=True, exist_ok=True)
    with (cache / ".lock").open("w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build(runtime: Path, bundle: Path, packed_runtime: Path, built: Path) -> None:
    node = shutil.which("node")
    if node is None:
        raise PublishError("Node.js (20 or newer) is needed to build the engine")
    with tempfile.TemporaryDirectory() as scratch:
        # The script names its program neutrally, so no path (the checkout's, this
        # folder's) is recorded in the snapshot; publish.py fails a build that leaks one.
        done = subprocess.run(
            [node, str(BUILD_SCRIPT), str(runtime), str(bundle), scratch, str(packed_runtime)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            raise PublishError(f"{BUILD_SCRIPT.name} could not build the engine:\n{done.stderr}")
        memory = Path(scratch) / "memory"
        (Path(scratch) / SNAPSHOT).write_bytes(pack_snapshot(memory.read_bytes()))
        memory.unlink()
        shutil.copy2(packed_runtime, Path(scratch) / RUNTIME_COPY)
        _keep_only(built.parent, scratch, built)
    _drop_all_but(packed_runtime.parent)


def _cached(cache: Path, *made_from: Path) -> Path:
    """Where ``cache`` keeps what is built from ``made_from`` by this build's code."""
    key = hashlib.sha256()
    for part in (*made_from, BUILD_SCRIPT, Path(__file__)):
        key.update(hashlib.sha256(part.read_bytes()).digest())
    return cache / key.hexdigest()[:32]


def _keep_only(cache: Path, made: str, built: Path) -> None:
    """Put the new build in the cache and drop older ones; a build made at the same
    moment by another process (with another Pyodide folder) wins without harm."""
    staging = cache / f".{built.name}.{os.getpid()}"
    shutil.copytree(made, staging)
    _drop_all_but(built)
    try:
        staging.rename(built)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)


def _drop_all_but(kept: Path) -> None:
    """Drop the builds ``kept`` replaces in its cache (not those still being made)."""
    for stale in kept.parent.iterdir():
        if not stale.name.startswith(".") and stale != kept:
            shutil.rmtree(stale, ignore_errors=True)


def pack_snapshot(memory: bytes) -> bytes:
    """The snapshot as the browser downloads it: gzip of its non-zero pages.

    About half of the engine's memory is zero pages; leaving them out halves what the
    browser inflates. Layout (little-endian): ``SPRS``, the memory's size, the page
    size, the page count, each kept page's index, then the kept pages in that order
    (the last one may be short). browser/worker/snapshot.js reads it back.
    """
    page = SNAPSHOT_PAGE
    kept = [
        index
        for index in range((len(memory) + page - 1) // page)
        if memory[index * page : (index + 1) * page].strip(b"\0")
    ]
    header = SNAPSHOT_MAGIC + struct.pack(f"<3I{len(kept)}I", len(memory), page, len(kept), *kept)
    pages = b"".join(memory[index * page : (index + 1) * page] for index in kept)
    return gzip.compress(header + pages, compresslevel=9, mtime=0)


def classic_module(source: str) -> str:
    """pyodide.asm.mjs rewritten as a classic script, which file:// pages may load.

    Fails loudly if a Pyodide upgrade changed the parts this relies on.
    """
    exported = "export default _createPyodideModule"
    if source.count(exported) != 1 or source.count("import.meta.url") != 3:
        raise PublishError(
            "pyodide.asm.mjs no longer has the shape the offline build rewrites "
            "(one default export of _createPyodideModule, three uses of import.meta.url): "
            "check calculators-offline.js against the new Pyodide before upgrading"
        )
    body = source.replace("import.meta.url", "asmURL").replace(
        exported, "window.calculatorsCreatePyodideModule = _createPyodideModule"
    )
    return f"(() => {{\nconst asmURL = document.currentScript.src;\n{body}\n}})();\n"


def write_offline_engine(project: Path, dest: Path) -> None:
    """The engine as classic scripts with base64 payloads, for the build opened from disk."""
    source = pinned_runtime(project)
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / "pyodide.js", dest / "pyodide.js")
    copy_search_shim(project, dest)
    (dest / "pyodide-asm.js").write_text(
        classic_module((source / "pyodide.asm.mjs").read_text(encoding="utf-8")), encoding="utf-8"
    )
    with tempfile.TemporaryDirectory() as scratch:
        bundle = Path(scratch) / "calculators.zip"
        pack_calculators(project, bundle)
        built = build_engine(project, bundle)
        files = {
            "wasm": _base64((source / "pyodide.asm.wasm").read_bytes()),
            "stdlib": _base64(deflated((built / "python_stdlib.zip").read_bytes())),
            "calculators": _base64(deflated(bundle.read_bytes())),
            "lock": json.loads((built / "pyodide-lock.json").read_text()),
        }
    (dest / "engine-files.js").write_text(
        f"window.calculatorsEngineFiles = {json.dumps(files)};\n", encoding="utf-8"
    )


def copy_search_shim(project: Path, dest: Path) -> None:
    """The theme's search runs its worker through this shim from disk; ours, not a CDN's."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(
        project / "node_modules" / "iframe-worker" / "shim" / "index.js", dest / IFRAME_WORKER
    )


def _base64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def publish(site: Site) -> None:
    """Put the engine into the English site; the other languages' sites share it."""
    project, assets = site.project, site.folder / "assets"
    if site.shares_engine:
        if site.offline:
            copy_search_shim(project, assets / "offline")
        return
    if site.offline:
        write_offline_engine(project, assets / "offline")
        return
    vendor_pyodide(project, assets / "pyodide")
    pack_calculators(project, assets / "calculators.zip")
    built = build_engine(project, assets / "calculators.zip")
    for name in BUILT:
        shutil.copy2(built / name, assets / "pyodide" / name)
    for name in (PACKED_PACKAGE, SNAPSHOT):
        shutil.copy2(built / name, assets / name)
