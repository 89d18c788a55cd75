"""The built site on a loopback port, plainly or the way GitHub Pages serves it.

Beside the site, the server answers the stock Pyodide page the calculators are compared
with and the published Pyodide it loads, the throttling check's probe page, and
``/__bytes/<n>``: n incompressible bytes.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import io
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import formatdate
from pathlib import Path
from typing import BinaryIO

from tests.server import QuietHandler, QuietServer

ADDRESS = ("127.0.0.1", 8765)
BASE = f"http://{ADDRESS[0]}:{ADDRESS[1]}/"

STOCK = "__stock.html"
STOCK_RESULT = "#out:not(:empty)"
# Pyodide as published (the pinned package's own files), not the site's assets/pyodide/,
# which the build may trim: the stock page must stay stock.
STOCK_PYODIDE = "/__stock/pyodide/"
# The same computation as the calculator's last day for China Post, on a stock page.
STOCK_PAGE = f"""<!doctype html>
<meta charset="utf-8"><title>Stock Pyodide</title>
<p id="out"></p>
<script type="module">
import {{ loadPyodide }} from "{STOCK_PYODIDE}pyodide.mjs";
const pyodide = await loadPyodide({{ indexURL: "{STOCK_PYODIDE}" }});
document.getElementById("out").textContent = pyodide.runPython(
  "import datetime; (datetime.date(2026, 3, 2) + datetime.timedelta(days=39)).isoformat()"
);
</script>
""".encode()

PROBE = "__probe.html"
# The same busy loop and download on the page's main thread (spin, get) and in a worker (ask).
PROBE_PAGE = b"""<!doctype html>
<meta charset="utf-8"><title>Throttling probe</title><p>Throttling probe</p>
<script>
const work = `
const spin = n => { const t = performance.now(); let x = 0;
  for (let i = 0; i < n; i++) x = (x + i * i) % 1000003; return performance.now() - t; };
const download = async url => { const t = performance.now();
  const size = (await (await fetch(url, {cache: "no-store"})).arrayBuffer()).byteLength;
  const c = navigator.connection;
  return [performance.now() - t, size, c ? [c.effectiveType, c.rtt, c.downlink] : null]; };
onmessage = async ({data}) => postMessage(data.spin ? spin(data.spin) : await download(data.url));`;
const [tools] = work.split("onmessage");
window.spin = new Function("data", tools + "return spin(data.spin);");
window.get = new Function("data", tools + "return download(data.url);");
const worker = new Worker(URL.createObjectURL(new Blob([work], {type: "text/javascript"})));
window.ask = message => new Promise(resolve => {
  worker.onmessage = ({data}) => resolve(data);
  worker.postMessage(message);
});
</script>
"""
EXTRA_PAGES = {"/" + STOCK: STOCK_PAGE, "/" + PROBE: PROBE_PAGE}


class PlainHandler(QuietHandler):
    """The tests' static server (no compression, no caching headers), plus the bench's pages."""

    pyodide = Path("node_modules/pyodide")  # served at STOCK_PYODIDE; serve() sets it

    def translate_path(self, path: str) -> str:
        if path.startswith(STOCK_PYODIDE):
            return str(self.pyodide / Path(path.split("?")[0]).name)
        return super().translate_path(path)

    def send_head(self) -> BinaryIO | None:
        page = EXTRA_PAGES.get(self.path.split("?")[0])
        if page:
            return self.send_body(page, "text/html")
        if self.path.startswith("/__bytes/"):
            size = int(self.path.rsplit("/", 1)[1])
            return self.send_body(os.urandom(size), "application/octet-stream")
        return super().send_head()

    def send_body(self, body: bytes, kind: str, headers: dict[str, str] | None = None) -> BinaryIO:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


# What GitHub Pages compresses on the fly; .zip and .gz files are sent as they are.
COMPRESSED = ("text/", "application/javascript", "application/json", "application/wasm")


class PagesHandler(PlainHandler):
    """Serves like GitHub Pages: gzip, ``Cache-Control: max-age=600``, ETags and 304s.

    No throttling here: CDP throttles the page and its workers on one shared link, which
    the throttling check measures on every run.
    """

    protocol_version = "HTTP/1.1"  # Chromium revalidates with If-None-Match over 1.1 only
    gzipped: dict[Path, bytes] = {}

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            return super().send_head()  # the bench's pages, a redirect, or a 404
        body, kind = path.read_bytes(), self.guess_type(str(path))
        headers = {
            "Cache-Control": "max-age=600",
            "Vary": "Accept-Encoding",
            "Last-Modified": formatdate(path.stat().st_mtime, usegmt=True),
        }
        if kind.startswith(COMPRESSED) and "gzip" in self.headers.get("Accept-Encoding", ""):
            if path not in self.gzipped:
                self.gzipped[path] = gzip.compress(body, 6, mtime=0)
            body, headers["Content-Encoding"] = self.gzipped[path], "gzip"
        headers["ETag"] = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
        asked = self.headers.get("If-None-Match") or self.headers.get("If-Modified-Since")
        if asked in (headers["ETag"], headers["Last-Modified"]):
            self.send_response(304)
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            return None
        return self.send_body(body, kind, headers)


@contextmanager
def serve(folder: Path, handler: type[PlainHandler], pyodide: Path) -> Iterator[None]:
    """The built site in ``folder``, and the published Pyodide in ``pyodide``."""
    bound = type(handler.__name__, (handler,), {"pyodide": pyodide})
    server = QuietServer(ADDRESS, functools.partial(bound, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield
    finally:
        server.shutdown()
        server.server_close()
