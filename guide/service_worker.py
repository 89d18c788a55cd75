"""The post-build step's service worker, web app manifests and icons.

After each language's build, ``sw.js`` is written at the site's root (so its scope covers
every language) from ``guide/sw.js``, with the deploy's version and list of files in
front: each file's size and a digest of its bytes, by which the worker refuses to keep
a file of another deploy, and what "Save the whole guide" fetches per language. The
version is a digest of every published file, so any change makes a new deploy. Each
language gets its ``manifest.webmanifest``; the icons are drawn here, once, at the root.
Nothing of this is written for the offline build (opened from disk) or ``make serve``,
whose pages leave out what would load it (``extra.offline``, ``extra.serving``).
"""

from __future__ import annotations

import hashlib
import json
import math
import struct
import zlib
from collections.abc import Iterable
from pathlib import Path

from guide import browser, pages
from guide.site import Site

TEMPLATE = Path(__file__).with_name("sw.js")
SCRIPT = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS = "assets/icons"
THEME = (0xB7, 0x41, 0x0E)
"""The guide's primary colour (--md-primary-fg-color in calculators.css)."""
BACKGROUND = "#ffffff"
SKIPPED = ("sitemap.xml", "sitemap.xml.gz", SCRIPT)
"""Written anew by every build (the sitemap's dates) or the worker itself."""
ENGINE = (
    browser.WORKER,
    "assets/javascripts/calculators-bridge.js",
    "assets/pyodide/pyodide.mjs",
    "assets/pyodide/pyodide.asm.mjs",
    "assets/pyodide/pyodide-lock.json",
    "assets/pyodide/pyodide.asm.wasm.br",
    "assets/pyodide/python_stdlib.zip.br",
    "assets/pyodide/brotli_dec_wasm.js",
    "assets/pyodide/brotli_dec_wasm_bg.wasm",
    "assets/calculators.zip.br",
    "assets/calculators.snapshot.gz",
)
"""What the engine's worker downloads: kept from the browser's cache once a page has
started the engine, and fetched by "Save the whole guide"."""
FALLBACKS = ("assets/pyodide/pyodide.asm.wasm", "assets/pyodide/python_stdlib.zip")
"""The plain copies the worker falls back to: kept when they pass through the worker,
never asked for otherwise."""
SHARED = ("assets/javascripts/", "assets/stylesheets/calculators.css", f"{ICONS}/")
"""The root's files every language's pages load (extra.language_root)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def site_files(root: Path) -> list[tuple[str, int, str]]:
    """(path from the root, size, digest) of every file the worker may keep."""
    found = []
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.is_file() and relative not in SKIPPED and not relative.endswith("/sitemap.xml.gz"):
            if relative.split("/")[-1] in SKIPPED:
                continue
            data = path.read_bytes()
            found.append((relative, len(data), digest(data)))
    return found


def languages(root: Path) -> list[str]:
    """Each language's folder under the root, "" for the root's own: a folder with a
    manifest of its own."""
    return [""] + sorted(
        f"{path.parent.name}/" for path in root.glob(f"*/{MANIFEST}") if path.parent.is_dir()
    )


def saved(path: str, prefix: str, others: Iterable[str]) -> bool:
    """Whether "Save the whole guide" in the language at ``prefix`` fetches ``path``."""
    if path in ENGINE or path.startswith(SHARED):
        return True
    if not path.startswith(prefix) or any(path.startswith(o) for o in others if o != prefix):
        return False
    inside = path.removeprefix(prefix)
    return not inside.startswith(("embed/", "assets/pyodide/")) and inside not in (
        *FALLBACKS,
        "assets/calculators.zip",
    )


def write_worker(root: Path) -> str:
    """Write ``root``/sw.js for what ``root`` holds now; return the deploy's version."""
    files = site_files(root)
    version = digest("\n".join(f"{p} {d}" for p, _, d in files).encode())
    prefixes = languages(root)
    index = {path: number for number, (path, _, _) in enumerate(files)}
    saves = {
        prefix: [index[p] for p, _, _ in files if saved(p, prefix, prefixes)] for prefix in prefixes
    }
    keep = [index[p] for p in ENGINE if p in index]
    data = {"version": version, "files": files, "saves": saves, "engine": keep}
    head = f"const DEPLOY = {json.dumps(data, separators=(',', ':'))};\n"
    (root / SCRIPT).write_text(head + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return version


def manifest(site: Site) -> str:
    lang = site.lang
    icons = f"{site.language_root}{ICONS}"
    return json.dumps(
        {
            "id": "./",
            "name": site.name,
            "short_name": pages.short_name(lang),
            "description": site.description,
            "lang": lang,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "theme_color": "#{:02x}{:02x}{:02x}".format(*THEME),
            "background_color": BACKGROUND,
            "icons": [
                {"src": f"{icons}/icon-192.png", "sizes": "192x192", "type": "image/png"},
                {"src": f"{icons}/icon-512.png", "sizes": "512x512", "type": "image/png"},
                {
                    "src": f"{icons}/icon-maskable-512.png",
                    "sizes": "512x512",
                    "type": "image/png",
                    "purpose": "maskable",
                },
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def png(size: int, maskable: bool) -> bytes:
    """The guide's icon: a white return arrow, an open ring ending in an arrowhead, on
    the guide's colour; a disc on transparency, or (maskable) the whole square, the
    arrow inside the safe zone."""
    rows = []
    centre = (size - 1) / 2
    scale = size / 2
    ring, width = (0.42, 0.11) if maskable else (0.5, 0.13)
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            dx, dy = (x - centre) / scale, (y - centre) / scale
            distance = math.hypot(dx, dy)
            if not maskable and distance > 0.96:
                row += b"\0\0\0\0"
                continue
            angle = math.degrees(math.atan2(dy, dx)) % 360
            white = abs(distance - ring) < width / 2 and not 250 < angle < 330
            # The arrowhead at the ring's open end (the top, pointing right).
            tip_x, tip_y = ring * math.cos(math.radians(250)), ring * math.sin(math.radians(250))
            ax, ay = dx - tip_x, dy - tip_y
            if -width * 1.6 < ay < width * 1.6 and 0 <= ax < width * 1.6 - abs(ay):
                white = True
            row += bytes([255, 255, 255, 255]) if white else bytes([*THEME, 255])
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"".join(
        [
            b"\x89PNG\r\n\x1a\n",
            chunk(b"IHDR", header),
            chunk(b"IDAT", zlib.compress(b"".join(rows), 9)),
            chunk(b"IEND", b""),
        ]
    )


def write_icons(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in (
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-512.png", 512, True),
    ):
        (folder / name).write_bytes(png(size, maskable))


def publish(site: Site) -> None:
    if site.offline or site.serving:
        return
    root = site.root
    if not site.shares_engine:
        write_icons(root / ICONS)
    elif not (root / SCRIPT).is_file():
        return  # a language built alone, without the root's site beside it
    (site.folder / MANIFEST).write_text(manifest(site), encoding="utf-8")
    write_worker(root)
