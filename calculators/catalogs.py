"""The translation catalogs: find every text the package words, keep the .po files in
step with it, and compile them for gettext. Build-only: the browser gets compiled .mo
files, never this module.

    python -m calculators.catalogs update    # after changing texts: refresh every .po
    python -m calculators.catalogs compile   # what the build and `make` run
    python -m calculators.catalogs check     # exit 1 if a catalog lacks a translation
    python -m calculators.catalogs corpus    # rewrite tests/golden/<lang>.txt to review
"""

from __future__ import annotations

import ast
import os
import struct
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .words import CATALOGS, DOMAIN, LOCALES

PACKAGE = Path(__file__).parent
MARKERS = {"N_": 1, "_": 1, "ngettext": 2, "pgettext": 2, "NC_": 2}


@dataclass(frozen=True)
class Message:
    """One text to translate: its id, its plural, its context, and where it stands."""

    msgid: str
    plural: str = ""
    context: str = ""
    where: str = ""

    @property
    def key(self) -> tuple[str, str]:
        return self.context, self.msgid


def extract(package: Path = PACKAGE) -> dict[tuple[str, str], Message]:
    """Every literal text passed to N_, _, ngettext or pgettext in the package's modules."""
    found: dict[tuple[str, str], Message] = {}
    for module in sorted(package.glob("*.py")):
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


@dataclass
class Entry:
    message: Message
    translations: list[str]


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [line + "\\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    return '""\n' + "\n".join(f'"{part}"' for part in parts)


def _unquote(text: str) -> str:
    return ast.literal_eval(text) if text else ""


def read_po(path: Path) -> dict[tuple[str, str], Entry]:
    """The entries of a .po file, by (context, msgid); the header has the empty msgid."""
    entries: dict[tuple[str, str], Entry] = {}
    fields: dict[str, str] = {}
    current = ""

    def flush() -> None:
        if "msgid" in fields:
            message = Message(
                fields["msgid"], fields.get("msgid_plural", ""), fields.get("msgctxt", "")
            )
            forms = sorted((k for k in fields if k.startswith("msgstr")), key=_form_index)
            entries[message.key] = Entry(message, [fields[k] for k in forms])
        fields.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith('"'):
            fields[current] += _unquote(line)
            continue
        keyword, _space, value = line.partition(" ")
        starts = keyword in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields)
        if not line or line.startswith("#") or starts:
            flush()
        if line and not line.startswith("#"):
            current = keyword
            fields[current] = _unquote(value)
    flush()
    return entries


def _form_index(keyword: str) -> int:
    return int(keyword.removeprefix("msgstr[").rstrip("]") or 0) if "[" in keyword else 0


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


def mo_bytes(po: Path) -> bytes:
    """A .po file compiled to GNU .mo, as msgfmt writes it (without the hash table)."""
    entries = read_po(po)
    pairs = []
    for (context, msgid), entry in entries.items():
        key = (f"{context}\x04" if context else "") + msgid
        if entry.message.plural:
            key += "\x00" + entry.message.plural
        value = "\x00".join(entry.translations)
        if msgid and not all(entry.translations):
            continue  # untranslated: gettext falls back to the English text
        pairs.append((key.encode(), value.encode()))
    pairs.sort()
    count = len(pairs)
    keys_at = 28
    values_at = keys_at + 8 * count
    data_at = values_at + 8 * count
    keys: list[tuple[int, int]] = []
    values: list[tuple[int, int]] = []
    blob = b""
    for original, _translated in pairs:
        keys.append((len(original), data_at + len(blob)))
        blob += original + b"\0"
    for _original, translated in pairs:
        values.append((len(translated), data_at + len(blob)))
        blob += translated + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, keys_at, values_at, 0, data_at)
    table = b"".join(struct.pack("<2I", *pair) for pair in keys + values)
    return header + table + blob


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
        from . import corpus  # renders every calculator: the build's other commands need none

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
