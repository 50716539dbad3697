"""Fetch: one http(s) URL → its body, with the guards a crawler of other people's servers needs.

Takes a URL and `FetchSettings`; gives a `Page` (final URL, status, headers, bytes) or raises a
`FetchError` whose message names the URL and the reason. Guards: http and https only; every
host is resolved and refused when an address is loopback, private, link-local, multicast,
reserved or unspecified (the SSRF guard, unless `allow_private`), and the connection goes to the
address that was checked, so a second DNS answer cannot swap it; redirects are followed here, at
most `max_redirects`, each one checked again; connect and read time-outs and a total deadline;
the body is streamed and reading stops past `max_bytes`; only web pages and feeds are accepted.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

import httpx

from dyad import __version__
from dyad.errors import InputError

USER_AGENT = f"dyad/{__version__} (news event coder; reads pages and feeds it is given)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
              "application/feed+json")
TEXT_TYPES = ("text/plain",)
REDIRECTS = (301, 302, 303, 307, 308)


class FetchError(InputError):
    """A URL that could not be fetched: refused by a guard, unreachable, too slow, too big or the wrong type."""


@dataclass(frozen=True, slots=True)
class FetchSettings:
    """How a URL is fetched. Sizes in bytes, times in seconds."""

    allow_private: bool = False
    allow_addresses: frozenset[str] = frozenset()  # trusted despite the guard (a known local server)
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    accept: tuple[str, ...] = HTML_TYPES + FEED_TYPES + TEXT_TYPES
    user_agent: str = USER_AGENT
    ssl_context: ssl.SSLContext | None = None  # certificates to trust; None: the system's (certifi's)


@dataclass(frozen=True, slots=True)
class Page:
    """What a server answered: the URL after redirects, its status, headers (lower-case keys) and body."""

    url: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip('"')
        return None


def check_address(address: str, url: str) -> None:
    """Refuse an address no public web server has (loopback, private, link-local, multicast, reserved)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            article = "an" if kind[0] in "aeiou" else "a"
            raise FetchError(f"{url}: refused: its host resolves to {ip}, {article} {kind.replace('_', '-')} address "
                             "(pass --allow-private to fetch from your own network)")


def resolve(url: httpx.URL, settings: FetchSettings) -> str:
    """The address to connect to for a URL's host, after the SSRF guard has passed every address it has."""
    host = url.host
    try:
        infos = socket.getaddrinfo(host, url.port or (443 if url.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"{url}: host {host!r} not found ({exc})") from None
    addresses = [info[4][0] for info in infos]
    if not settings.allow_private:
        for address in addresses:
            if address not in settings.allow_addresses:
                check_address(address, str(url))
    return next((a for a in addresses if ":" not in a), addresses[0])


def fetch(url: str, settings: FetchSettings = FetchSettings(), *, client: httpx.Client | None = None,
          headers: dict[str, str] | None = None) -> Page:
    """GET a URL, following redirects by hand so that each hop passes the guards.

    Args:
        url: an http or https URL.
        settings: guards and limits.
        client: an open client to reuse (one is made and closed otherwise).
        headers: extra request headers (If-None-Match, If-Modified-Since).

    Returns:
        The final `Page`; a 304 answer is returned with an empty body.

    Raises:
        FetchError: naming the URL and the reason.
    """
    own = client is None
    client = client or make_client(settings)
    try:
        return _fetch(url, settings, client, headers or {})
    finally:
        if own:
            client.close()


def make_client(settings: FetchSettings) -> httpx.Client:
    timeout = httpx.Timeout(settings.read_timeout, connect=settings.connect_timeout)
    return httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False, verify=settings.ssl_context or True,
                        headers={"User-Agent": settings.user_agent, "Accept-Encoding": "gzip, deflate"})


def _fetch(url: str, settings: FetchSettings, client: httpx.Client, headers: dict[str, str]) -> Page:
    started = time.monotonic()
    current = url
    for hop in range(settings.max_redirects + 1):
        page = _get(current, settings, client, headers, started)
        if page.status in REDIRECTS:
            location = page.headers.get("location")
            if not location:
                raise FetchError(f"{current}: redirect {page.status} without a Location header")
            current = urljoin(current, location)
            continue
        if page.status == 304:
            return page
        if page.status >= 400:
            raise FetchError(f"{current}: HTTP {page.status}" + (f" (redirected from {url})" if current != url else ""))
        return page
    raise FetchError(f"{url}: more than {settings.max_redirects} redirects (last to {current})")


def _get(url: str, settings: FetchSettings, client: httpx.Client, headers: dict[str, str], started: float) -> Page:
    try:
        target = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"{url}: not a valid URL ({exc})") from None
    if target.scheme not in ("http", "https"):
        raise FetchError(f"{url}: refused: only http and https URLs are fetched, not {target.scheme or 'a bare path'}")
    if not target.host:
        raise FetchError(f"{url}: not a valid URL (no host)")
    address = resolve(target, settings)
    # Connect to the address the guard checked; the name still goes in Host and in TLS SNI.
    pinned = target.copy_with(host=address)
    request_headers = {"Host": target.netloc.decode("ascii"), **headers}
    extensions = {}
    if target.scheme == "https":
        # The pool is keyed by address: a TLS connection verified for one name must not carry another's request.
        extensions = {"sni_hostname": target.host}
        request_headers["Connection"] = "close"
    request = client.build_request("GET", pinned, headers=request_headers, extensions=extensions)
    try:
        response = client.send(request, stream=True)
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url}: timed out ({_timeout_kind(exc, settings)})") from None
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: cannot be fetched ({type(exc).__name__}: {exc})") from None
    try:
        head = {k.lower(): v for k, v in response.headers.items()}
        if response.status_code in REDIRECTS or response.status_code == 304 or response.status_code >= 400:
            return Page(url, response.status_code, head)
        page = Page(url, response.status_code, head)
        if page.content_type and not page.content_type.startswith(settings.accept):
            raise FetchError(f"{url}: content type {page.content_type!r} is not a web page or feed")
        declared = head.get("content-length", "")
        if declared.isdigit() and int(declared) > settings.max_bytes:
            raise FetchError(f"{url}: body of {int(declared):,} bytes is over the limit of {settings.max_bytes:,}")
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > settings.max_bytes:
                    raise FetchError(f"{url}: body over the limit of {settings.max_bytes:,} bytes; stopped reading")
                if time.monotonic() - started > settings.total_timeout:
                    raise FetchError(f"{url}: timed out (more than {settings.total_timeout:g} s in all)")
                chunks.append(chunk)
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: timed out ({_timeout_kind(exc, settings)})") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"{url}: body cannot be read ({type(exc).__name__}: {exc})") from None
        return Page(url, response.status_code, head, b"".join(chunks))
    finally:
        response.close()


def _timeout_kind(exc: httpx.TimeoutException, settings: FetchSettings) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return f"no connection within {settings.connect_timeout:g} s"
    return f"no data for {settings.read_timeout:g} s"
