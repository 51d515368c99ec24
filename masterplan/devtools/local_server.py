"""A local web server for the built site that compresses like a real host (gzip), for the browser tests
and the benchmark: what a reader downloads is measured as it would be served, on 127.0.0.1 only.

Every request is recorded (path and bytes sent), so a caller can count requests and transferred bytes.
"""

from __future__ import annotations

import gzip
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

# What a web host compresses; fonts (woff2) and images are compressed already.
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map")


@dataclass
class Served:
    """The running server: its ``url`` (ending in "/") and ``requests``, one ``(path, bytes)`` per
    response in the order served."""

    url: str
    requests: list[tuple[str, int]] = field(default_factory=list)


class _Handler(http.server.SimpleHTTPRequestHandler):
    served: Served
    not_found: Path | None = None

    def log_message(self, *args) -> None:  # quiet: the tests read `served.requests`
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if self.not_found is not None and not path.exists():
            return self._not_found()
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.served.requests.append((self.path, len(body)))
        return None

    def _not_found(self):
        # Like GitHub Pages: the site's own 404.html, status 404, at the address asked for.
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.served.requests.append((self.path, len(body)))
        return None

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        outputfile.write(data)
        self.served.requests.append((self.path, len(data)))


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection mid-response (a page navigated away, a test ending) is no
        # server fault: the default prints a BrokenPipeError traceback into the test output.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(site: Path, not_found: Path | None = None) -> Iterator[Served]:
    """Serve the folder ``site`` on 127.0.0.1 (a free port) in a background thread while the ``with``
    block runs; yields :class:`Served`. Directory URLs serve their index.html. With ``not_found`` (a
    404 page, e.g. ``site/404.html``) a missing address gets that page with status 404, as GitHub Pages
    does."""
    served = Served("")
    handler = type("Handler", (_Handler,), {"served": served, "not_found": not_found})
    server = _Server(("127.0.0.1", 0), partial(handler, directory=str(site)))
    served.url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        server.shutdown()
        server.server_close()
