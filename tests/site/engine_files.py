"""The packed engine files read back, as the browser reads them."""

from __future__ import annotations

import gzip
import struct
import subprocess


def unpack_snapshot(packed: bytes) -> bytes:
    """The engine's memory from ``engine.pack_snapshot``, read as calculators-worker.js does."""
    body = gzip.decompress(packed)
    assert body[:4] == b"SPRS", "not a packed snapshot"
    size, page, count = struct.unpack_from("<3I", body, 4)
    kept = struct.unpack_from(f"<{count}I", body, 16)
    memory = bytearray(size)
    start = 16 + 4 * count
    for index in kept:
        length = min(page, size - index * page)
        memory[index * page : index * page + length] = body[start : start + length]
        start += length
    assert start == len(body), "pages missing or left over"
    return bytes(memory)


def brotli(data: bytes, *, unpack: bool = False) -> bytes:
    """``data`` packed in Brotli (or unpacked), by Node's zlib: Python's has no Brotli."""
    method = "createBrotliDecompress" if unpack else "createBrotliCompress"
    script = f"process.stdin.pipe(require('node:zlib').{method}()).pipe(process.stdout)"
    return subprocess.run(
        ["node", "-e", script], input=data, capture_output=True, check=True
    ).stdout
