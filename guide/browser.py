"""The calculators' scripts, each joined from its modules: the page's from ``browser/``,
the engine's worker from ``browser/worker/``.

The modules are ES modules, one job each, so that ESLint and ``node --test`` read them as
they are. Each script is one file: the page's is a classic script, which also runs from
disk (where browsers refuse modules), and the worker's downloads start without waiting
for an import to arrive first. Each module's imports are dropped, its exports become
plain declarations, and the whole is wrapped in one function. A module that imports what
no module exports, a name declared twice, a module nobody imports or a circle of imports
fails the build.
"""

from __future__ import annotations

import re
from pathlib import Path

from guide.site import PublishError, Site

MODULES = Path(__file__).resolve().parent.parent / "browser"
ENTRY = "main.js"
PAGE_SCRIPT = "assets/javascripts/calculators.js"
WORKER = "assets/javascripts/calculators-worker.js"
SCRIPTS = {PAGE_SCRIPT: Path(), WORKER: Path("worker")}
"""Each published script, and its modules' folder in ``browser/``."""

_IMPORT = re.compile(r'^import \{([^}]*)\} from "\./([\w-]+\.js)";\n', re.M)
_EXPORT = re.compile(r"^export (?=(?:async function|function|const|class) )", re.M)
_DECLARED = re.compile(r"^(?:export )?(?:async function|function|const|let|class) (\w+)", re.M)
_EXPORTED = re.compile(r"^export (?:async function|function|const|class) (\w+)", re.M)


class JoinError(ValueError):
    """The modules cannot be joined into one script; the message says which and why."""


def join(folder: Path = MODULES) -> str:
    """One script: every module in ``folder`` from ``main.js`` down, each after its imports."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.js"))}
    ordered: list[str] = []

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if name in trail:
            raise JoinError(f"{' → '.join((*trail, name))}: modules import each other in a circle")
        if name in ordered:
            return
        if name not in texts:
            raise JoinError(f"{trail[-1]} imports {name}, which is not in {folder.name}/")
        for names, source in _IMPORT.findall(texts[name]):
            missing = {n.strip() for n in names.split(",")} - set(
                _EXPORTED.findall(texts.get(source, ""))
            )
            if source in texts and missing:
                listed = ", ".join(sorted(missing))
                raise JoinError(f"{name} imports {listed} from {source}, which does not export it")
            visit(source, (*trail, name))
        ordered.append(name)

    visit(ENTRY, ())
    unused = sorted(set(texts) - set(ordered))
    if unused:
        raise JoinError(f"{', '.join(unused)}: not imported by any module")
    declared: dict[str, str] = {}
    parts = []
    for name in ordered:
        for symbol in _DECLARED.findall(texts[name]):
            if symbol in declared:
                raise JoinError(f"{symbol} is declared in both {declared[symbol]} and {name}")
            declared[symbol] = name
        body = _EXPORT.sub("", _IMPORT.sub("", texts[name]))
        if re.search(r"^(?:import|export)\b", body, re.M):
            raise JoinError(f"{name}: only named imports and exported declarations can be joined")
        parts.append(body.strip())
    return '(() => {\n"use strict";\n\n' + "\n\n".join(parts) + "\n})();\n"


def publish(site: Site) -> None:
    """Write the joined scripts into the English site, whose scripts every language loads."""
    if site.shares_engine:
        return
    for output, folder in SCRIPTS.items():
        try:
            script = join(site.project / MODULES.name / folder)
        except (JoinError, OSError) as problem:
            raise PublishError(f"{Path(output).name}: {problem}") from problem
        (site.folder / output).parent.mkdir(parents=True, exist_ok=True)
        (site.folder / output).write_text(script, encoding="utf-8")
