"""``make serve``: every language served together, live reload for the one being edited.

MkDocs serves one site, and the guide is four: English at the root, each other language
under it, sharing the root's engine. So every language is built once into build/serve/,
and the one being edited (``make serve LANG=fr``) is rebuilt on each change and synced
in, under MkDocs' own live-reload server for the whole folder: the language selector
never leads to a 404. Pages built here allow the reload script (see csp.py); they are
never published.

    python hooks/serve.py --lang fr --dev-addr 127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import filecmp
import logging
import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

PROJECT = Path(__file__).resolve().parent.parent
SERVED = Path(os.environ.get("GUIDE_SERVE_DIR") or PROJECT / "build" / "serve")
WATCHED = ("calculators", "guide", "browser", "overrides", "hooks", "docs/assets")
log = logging.getLogger("mkdocs")


def languages() -> dict[str, Path]:
    """Each language's folder under the site ("" for English) and its configuration."""
    found = {"": PROJECT / "mkdocs.yml"}
    for config in sorted(PROJECT.glob("mkdocs-*.yml")):
        code = config.stem.removeprefix("mkdocs-")
        if code != "offline":
            found[code] = config
    return found


def build_into(code: str, config_file: Path, base_url: str) -> None:
    """Build one language in a scratch folder, then bring only what changed into SERVED."""
    os.environ["GUIDE_SERVING"] = "1"
    url = f"{base_url}{code}/" if code else base_url
    with tempfile.TemporaryDirectory(prefix="guide-serve-") as scratch:
        config = load_config(str(config_file), site_dir=scratch, site_url=url, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        keep = set() if code else {other for other in languages() if other}
        sync(Path(scratch), SERVED / code, keep)


def sync(source: Path, target: Path, keep: set[str]) -> None:
    """Make ``target`` hold what ``source`` holds, leaving the folders in ``keep`` alone;
    unchanged files are not touched, so the server reloads only for what changed."""
    target.mkdir(parents=True, exist_ok=True)
    for stale in target.iterdir():
        if stale.name in keep or (source / stale.name).exists():
            continue
        shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
    for item in source.iterdir():
        there = target / item.name
        if item.is_dir():
            if there.is_file():
                there.unlink()
            sync(item, there, set())
        elif not (there.is_file() and filecmp.cmp(item, there, shallow=False)):
            shutil.copy2(item, there)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="en", help="the language to rebuild on each change")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000")
    args = parser.parse_args()
    known = languages()
    edited = "" if args.lang in ("", "en") else args.lang
    if edited not in known:
        parser.error(
            f"no such language: {args.lang} (known: en, {', '.join(c for c in known if c)})"
        )
    host, port = args.dev_addr.rsplit(":", 1)
    base_url = f"http://{host}:{port}/"
    logging.basicConfig(level=logging.INFO, format="%(levelname)-7s -  %(message)s")
    for code, config_file in known.items():  # English first: the others share its engine
        log.info("Building %s", code or "en")
        build_into(code, config_file, base_url)

    def rebuild() -> None:
        build_into(edited, known[edited], base_url)

    server = LiveReloadServer(builder=rebuild, host=host, port=int(port), root=str(SERVED))
    for path in (f"docs/{edited}" if edited else "docs", *WATCHED, known[edited].name):
        server.watch(str(PROJECT / path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("Shutting down...")
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()
