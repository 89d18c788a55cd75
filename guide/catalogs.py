"""The translation catalogs: find every text the package words, keep the .po files in
step with it, and compile them for gettext. Build-only: the browser gets compiled .mo
files, never this module.

    python -m guide.catalogs update    # after changing texts: refresh every .po
    python -m guide.catalogs compile   # what the build and `make` run
    python -m guide.catalogs check     # exit 1 if a catalog lacks a translation
    python -m guide.catalogs corpus    # rewrite tests/golden/<lang>.txt to review
"""

from __future__ import annotations

import ast
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from calculators.mo import Entry, Message, mo_bytes, read_po
from calculators.words import CATALOGS, DOMAIN, LOCALES

PACKAGE = LOCALES.parent
"""The calculators package, whose catalogs these are."""
SOURCES = (PACKAGE, Path(__file__).parent)
"""Where the texts to translate are: the calculators and the guide's own pages."""
MARKERS = {"N_": 1, "_": 1, "ngettext": 2, "pgettext": 2, "NC_": 2}


def extract(folders: tuple[Path, ...] = SOURCES) -> dict[tuple[str, str], Message]:
    """Every literal text passed to N_, _, ngettext or pgettext in the packages' modules."""
    found: dict[tuple[str, str], Message] = {}
    for module in sorted(path for folder in folders for path in folder.glob("*.py")):
        for message in _messages(module):
            found.setdefault(message.key, message)
    return found


def _messages(module: Path) -> Iterator[Message]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        count = MARKERS.get(node.func.id)
        texts = [
            arg.value
            for arg in node.args[: count or 0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
        ]
        if count is None or len(texts) != count:
            continue
        where = f"{module.name}:{node.lineno}"
        if node.func.id == "ngettext":
            yield Message(texts[0], plural=texts[1], where=where)
        elif node.func.id in ("pgettext", "NC_"):
            yield Message(texts[1], context=texts[0], where=where)
        else:
            yield Message(texts[0], where=where)


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def write_po(path: Path, header: str, entries: list[Entry]) -> None:
    lines = [f'msgid ""\nmsgstr {_quote(header)}\n']
    for entry in entries:
        message = entry.message
        block = [f"#: {message.where}"] if message.where else []
        if message.context:
            block.append(f"msgctxt {_quote(message.context)}")
        block.append(f"msgid {_quote(message.msgid)}")
        if message.plural:
            block.append(f"msgid_plural {_quote(message.plural)}")
            block += [f"msgstr[{i}] {_quote(t)}" for i, t in enumerate(entry.translations)]
        else:
            block.append(f"msgstr {_quote(entry.translations[0] if entry.translations else '')}")
        lines.append("\n".join(block) + "\n")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines), encoding="utf-8")


def update(language: str, folder: str, plural_forms: str) -> Path:
    """Bring one catalog in step with the package: new texts added empty, old ones dropped."""
    path = LOCALES / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    old = read_po(path) if path.is_file() else {}
    forms = 2
    entries = []
    for key, message in sorted(extract().items(), key=lambda item: item[1].where):
        kept = old.get(key)
        empty = [""] * (forms if message.plural else 1)
        entries.append(Entry(message, kept.translations if kept else empty))
    header = (
        f"Project-Id-Version: {DOMAIN}\nLanguage: {language}\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n"
        f"Content-Transfer-Encoding: 8bit\nPlural-Forms: {plural_forms}\n"
    )
    write_po(path, header, entries)
    return path


def missing(folder: str) -> list[str]:
    """The package's texts that the catalog does not translate."""
    path = LOCALES / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
    entries = read_po(path) if path.is_file() else {}
    return [
        message.msgid
        for key, message in extract().items()
        if key not in entries or not all(entries[key].translations) or not entries[key].translations
    ]


def compiled(locales: Path = LOCALES) -> dict[str, bytes]:
    """Every catalog compiled, by its path inside the package (for the browser's zip)."""
    return {
        f"locale/{folder}/LC_MESSAGES/{DOMAIN}.mo": mo_bytes(
            locales / folder / "LC_MESSAGES" / f"{DOMAIN}.po"
        )
        for folder in CATALOGS.values()
    }


def compile_all() -> None:
    """Write every .mo beside its .po; each one whole, so a build running meanwhile never
    reads half a file."""
    for relative, data in compiled().items():
        target = PACKAGE / relative
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, target)


PLURAL_FORMS = {
    "es": "nplurals=2; plural=(n != 1);",
    "pt_BR": "nplurals=2; plural=(n != 1);",  # "0 dias", as Brazilian readers say it
    "fr": "nplurals=2; plural=(n > 1);",
}


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        for language, folder in CATALOGS.items():
            print(update(language, folder, PLURAL_FORMS[folder]))
        return 0
    if command == "compile":
        compile_all()
        return 0
    if command == "corpus":
        from guide import corpus  # renders every calculator: the build's other commands need none

        for path in corpus.write_all():
            print(path)
        return 0
    if command == "check":
        gaps = {folder: missing(folder) for folder in CATALOGS.values()}
        for folder, texts in gaps.items():
            for text in texts:
                print(f"{folder}: not translated: {text[:70]!r}")
        return 1 if any(gaps.values()) else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
