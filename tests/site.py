"""A real HTTP server on 127.0.0.1 (a free port, in a thread) serving news pages, feeds and bad answers.

Tests point dyad at it with --allow-private. `Site.items` is how many entries the feed has now;
tests raise it between watch rounds. `Site.hits` counts requests per path.
"""

from __future__ import annotations

import hashlib
import ssl
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CITIES = ["Lima", "Nairobi", "Khartoum", "Minsk", "Sanaa", "Harare", "Kabul", "Caracas", "Dhaka", "Bamako"]
START = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)


def story(i: int) -> str:
    city = CITIES[i % len(CITIES)]
    return (f"Police detained {i + 3} protesters in {city} on Monday after a march against rising prices, "
            f"officials said. The demonstrators had gathered outside the city hall of {city} early in the morning "
            f"and marched for several hours. Report number {i} of the day. Witnesses said the crowd was peaceful "
            "until police moved in with batons and tear gas.")


def page(i: int) -> bytes:
    day = (START + timedelta(days=i)).date().isoformat()
    return (f"<!doctype html><html><head><title>Protest {i} in {CITIES[i % len(CITIES)]}</title>"
            f'<meta property="og:title" content="Protest {i} in {CITIES[i % len(CITIES)]}">'
            f'<meta property="og:site_name" content="Test Wire">'
            f'<meta property="article:published_time" content="{day}">'
            f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Protest {i}</h1>"
            f"<p>{story(i)}</p><p>The interior ministry did not comment on the arrests by evening.</p></article>"
            "<footer>Copyright Test Wire</footer></body></html>").encode()


class Site:
    def __init__(self, items: int = 50, tls: tuple[str, str] | None = None, name: str = "127.0.0.1"):
        self.items = items
        self.name = name
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.scheme = "https" if tls else "http"
        if tls:  # (certificate file, key file)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"{self.scheme}://{self.name}:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> Site:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def rss(self) -> bytes:
        entries = "".join(
            f"<item><title>Protest {i}</title><link>{self.base}/a/{i}.html</link><guid>{self.base}/a/{i}.html</guid>"
            f"<pubDate>{format_datetime(START + timedelta(days=i))}</pubDate>"
            f"<description>{story(i)}</description></item>" for i in range(self.items))
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test Wire</title>'
                f"<link>{self.base}/</link><description>news</description>{entries}</channel></rss>").encode()

    def answer(self, path: str, request_headers) -> tuple[int, dict, bytes | None]:
        """(status, headers, body) for a path; a body of None means the handler streams it itself."""
        if path.startswith("/a/") and path.endswith(".html"):
            return 200, {"Content-Type": "text/html; charset=utf-8"}, page(int(path[3:-5]))
        if path == "/feed.xml":
            body = self.rss()
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if request_headers.get("If-None-Match") == etag:
                return 304, {"ETag": etag}, b""
            return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body
        if path == "/broken.xml":
            return 200, {"Content-Type": "application/rss+xml"}, b"Sorry, we are down for maintenance"
        if path == "/empty.html":
            return 200, {"Content-Type": "text/html"}, b"<html><head><script>var x = 1;</script></head><body><div></div></body></html>"
        if path == "/loop":
            return 302, {"Location": "/loop"}, b""
        if path == "/to-metadata":
            return 302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b""
        if path == "/to-home":
            return 301, {"Location": "/a/7.html"}, b""
        if path == "/image.png":
            return 200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
        if path in ("/huge.html", "/slow.html"):
            return 200, {"Content-Type": "text/html"}, None
        return 404, {"Content-Type": "text/plain"}, b"not found"


def _handler(site: Site):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            site.hits[path] += 1
            site.agents.add(self.headers.get("User-Agent", ""))
            status, headers, body = site.answer(path, self.headers)
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if body is not None:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                if body is not None:
                    self.wfile.write(body)
                elif path == "/huge.html":  # no Content-Length: the client must count as it reads
                    self.wfile.write(b"<html><body><p>")
                    for _ in range(200):
                        self.wfile.write(b"news " * 20_000)
                elif path == "/slow.html":
                    self.wfile.write(b"<html>")
                    self.wfile.flush()
                    time.sleep(3)
                    self.wfile.write(b"<body><p>too late</p></body></html>")
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    return Handler
