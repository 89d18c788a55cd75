"""Reading a translation catalog (.po) and compiling it to gettext's .mo in memory: what
the command line needs in a checkout where nothing was compiled yet (``words``), and
what the build compiles for the browser (``guide.catalogs``)."""

from __future__ import annotations

import ast
import struct
from dataclasses import dataclass
from pathlib import Path


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


@dataclass
class Entry:
    message: Message
    translations: list[str]


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
