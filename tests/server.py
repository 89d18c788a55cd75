"""A quiet static server for the tests, and one that serves the built site to every
test worker for as long as the test run lasts.

    python -m tests.server FOLDER --while PID

prints the port it listens on, then serves FOLDER until the process PID (the test run)
has ended, however it ended.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import threading
import time


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    # Every worker's browser opens connections at once; socketserver's backlog of 5 would
    # drop some, and a dropped connection is retried after 1, 3, 7... seconds.
    request_queue_size = 128

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser closing a connection mid-download is not a test failure."""


def serving(folder: str) -> QuietServer:
    """A server for ``folder`` on a free loopback port, not yet started."""
    return QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--while", dest="pid", type=int, required=True)
    args = parser.parse_args()
    server = serving(args.folder)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    while alive(args.pid):
        time.sleep(1)


if __name__ == "__main__":
    main()
