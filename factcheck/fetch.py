"""Fetch a news page and store it as an article of a story (``factcheck add``).

:func:`add_article` turns a URL into ``<story_dir>/<slug>.md``: a YAML front matter block
that :mod:`factcheck.ingest` reads back as the article's metadata, then the page's main
text, one paragraph per block::

    ---
    outlet: City Herald
    title: Council approves Harbor Bridge rebuild
    url: https://example.org/news/bridge
    published: '2026-03-10'
    fetched: '2026-03-11T08:15:02Z'
    ---

    The city council voted 7-2 on Tuesday to rebuild the Harbor Bridge.

    Work starts in May.

Why it is built this way:

- The page is fetched with the standard library (:mod:`urllib`), not trafilatura's own
  downloader, so that every failure can be told apart and named in one line: unreachable
  host, refused connection, timeout, HTTP status, not HTML, too large, no article text.
  Redirects are followed (http and https only) and ``url`` records where they ended, or
  the canonical address the page declares on its own site (``<link rel="canonical">``).
- Text is decoded the way a browser does: a byte-order mark, else the charset of the
  ``Content-Type`` header, else the page's ``<meta charset>``, else UTF-8, else detection.
  ``iso-8859-1`` and ``ascii`` labels are read as Windows-1252, as the WHATWG Encoding
  standard says, because that is what pages labelled so really hold (curly quotes).
- Main text and metadata come from trafilatura, the same extractor ingest uses for
  ``.html`` files, so that a fetched article and a saved page of it read alike. The
  metadata goes to front matter rather than ``story.toml`` so that the file stands alone
  and can be moved to another story.
- The file is stored as Markdown because trafilatura marks list items with ``-``, which
  the cleaner reads as list items in a ``.md`` file; paragraphs are separated by blank
  lines, so a paragraph that trafilatura wraps stays one block.
- A file is never overwritten (``-2``, ``-3`` ... are added to the name, and the name is
  reserved with an exclusive create before the atomic write), and a URL already stored
  in the story is refused, so that running the same ``add`` twice cannot weigh one
  source twice in the report. URLs are compared without tracking parameters
  (:data:`TRACKING_PARAMS`: ``?utm_source=tw``), fragment, default port or trailing
  slash, and the page's canonical address counts too: a link shared with ``?fbclid=...``
  is the article already stored.
"""

from __future__ import annotations

import codecs
import http.client
import itertools
import logging
import math
import re
import socket
import ssl
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.message import Message
from http import HTTPStatus
from pathlib import Path, PurePosixPath
from typing import IO, Any

import yaml

from factcheck import __version__
from factcheck.encoding import META_CHARSET, sniff_bom
from factcheck.errors import ConfigError, CorpusError, FetchError
from factcheck.ingest import iso_date, read_story
from factcheck.settings import DEFAULT_MAX_FILE_BYTES

__all__ = [
    "DEFAULT_MAX_PAGE_BYTES",
    "DEFAULT_TIMEOUT",
    "MAX_SLUG_LENGTH",
    "MIN_ARTICLE_WORDS",
    "TRACKING_PARAMS",
    "USER_AGENT",
    "FetchedArticle",
    "Page",
    "add_article",
    "check_url",
    "extract_article",
    "fetch_page",
    "render_article",
    "slugify",
]

log = logging.getLogger(__name__)

#: Seconds to wait for the server: connecting and each read wait at most this long, and
#: reading stops once this much time has passed since the request, so a server that
#: trickles bytes cannot hold the fetch for long.
DEFAULT_TIMEOUT = 20.0
#: Pages larger than this are refused. News pages with inline scripts reach 2-3 MB.
DEFAULT_MAX_PAGE_BYTES = 10 * 1024 * 1024
#: Longest file-name stem made from a title; cut at a word boundary when possible.
MAX_SLUG_LENGTH = 60
#: Fewer words than this is no article: what trafilatura keeps of a page without one is
#: chrome ("Home News Sport") or a paywall line ("Subscribe to read the full story").
MIN_ARTICLE_WORDS = 20
#: Sent with every request. Many news sites refuse urllib's default ("Python-urllib/3.11");
#: the "Mozilla/5.0 (compatible; ...)" form is accepted while still naming the tool.
USER_AGENT = f"Mozilla/5.0 (compatible; factcheck/{__version__})"

_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
    "Accept-Language": "en;q=0.9,*;q=0.5",
}
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_WEB_SCHEMES = frozenset({"http", "https"})
_CHUNK = 64 * 1024
_MB = 1024 * 1024
_LOOKS_LIKE_HTML = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
#: Labels that browsers decode as Windows-1252 (WHATWG Encoding standard), as codec names.
_READ_AS_CP1252 = frozenset({"iso8859-1", "ascii", "latin-1"})
_PAGE_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".php", ".asp", ".aspx", ".jsp"})
#: Query parameters that say where a reader came from, never which page: two URLs that differ
#: only in them are one article. Matched case-insensitively; any ``utm_*`` counts too.
TRACKING_PARAMS = frozenset({"fbclid", "gclid", "mc_cid", "mc_eid", "ref", "ocid"})
_DEFAULT_PORTS = {"http": 80, "https": 443}
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
_ATTR = re.compile(r"""([a-z:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched HTML page, decoded.

    ``url`` is where the redirects ended, ``requested`` what was asked for; ``encoding`` is
    the codec the bytes were decoded with.
    """

    requested: str
    url: str
    html: str
    encoding: str


@dataclass(frozen=True, slots=True)
class FetchedArticle:
    """The main text and metadata of a page, ready to store.

    ``paragraphs`` are single-line strings without blank ones; ``published`` is an ISO date
    (or date-time) or None when the page does not give one; ``outlet`` is None when the
    page names no site and its host is a machine, not a site (``127.0.0.1``).
    """

    url: str
    outlet: str | None
    title: str | None
    published: str | None
    paragraphs: tuple[str, ...]


# --------------------------------------------------------------------------- fetching


def _check_limits(timeout: float, max_bytes: int) -> None:
    """Refuse a timeout or size limit that is not a positive number, before any work.

    A zero timeout would make the socket non-blocking ("operation now in progress") and a
    negative one is taken by urllib for something else; neither is what the caller meant.

    Raises:
        ConfigError: naming the bad value.
    """
    if not (math.isfinite(timeout) and timeout > 0):
        raise ConfigError(f"timeout must be a positive number of seconds, got {timeout:g}")
    if max_bytes <= 0:
        raise ConfigError(f"maximum page size must be a positive number of bytes, got {max_bytes}")


def check_url(url: str) -> None:
    """Refuse anything but an absolute http(s) URL with a host, before any network or disk
    work (the CLI calls it first, to report a bad URL as a usage error).

    Raises:
        FetchError: naming the URL and what is wrong with it.
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in _WEB_SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        raise FetchError(
            url, f"{url}: not a web address ({shown}); give an http:// or https:// URL"
        )
    if not parts.hostname:
        raise FetchError(url, f"{url}: no host name in the URL")


def _ascii_url(url: str) -> str:
    """The URL as it goes on the wire: an IDNA host name, a percent-encoded path and query.

    People paste what the address bar shows (``https://example.org/news/zürich bridge``);
    urllib sends only ASCII and would fail on it.
    """
    if url.isascii() and " " not in url:
        return url
    parts = urllib.parse.urlsplit(url.strip())
    host = parts.hostname or ""
    netloc = host.encode("idna").decode("ascii") if not host.isascii() else host
    if ":" in netloc:  # an IPv6 literal
        netloc = f"[{netloc}]"
    if parts.port is not None:
        netloc = f"{netloc}:{parts.port}"
    if parts.username is not None:
        userinfo = urllib.parse.quote(parts.username, safe="")
        if parts.password is not None:
            userinfo += ":" + urllib.parse.quote(parts.password, safe="")
        netloc = f"{userinfo}@{netloc}"
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe="/%:@!$&'()*+,;=~"),
            urllib.parse.quote(parts.query, safe="/?%:@!$&'()*+,;=~"),
            "",
        )
    )


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only (urllib would also follow one to ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        scheme = urllib.parse.urlsplit(newurl).scheme.lower()
        if scheme not in _WEB_SCHEMES:
            raise FetchError(
                req.full_url, f"{req.full_url}: redirects to a non-web address: {newurl}"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _status(code: int, reason: object) -> str:
    """``404 Not Found``: the standard phrase when there is one, else the server's."""
    try:
        return f"{code} {HTTPStatus(code).phrase}"
    except ValueError:
        text = " ".join(str(reason or "").split())
        return f"{code} {text}".rstrip()


def _why_unreachable(reason: object, timeout: float) -> str:
    """A short, plain reason for a failed connection (the urllib reason is often an errno)."""
    if isinstance(reason, TimeoutError):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, socket.gaierror):
        return f"host not found ({reason.strerror or reason})"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not accepted: {reason.verify_message or reason}"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, http.client.RemoteDisconnected):
        return "the server closed the connection without a response"
    if isinstance(reason, http.client.IncompleteRead):
        return "the connection broke off before the page was complete"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror[:1].lower() + reason.strerror[1:]
    return " ".join(str(reason).split()) or type(reason).__name__


def _too_large(url: str, what: str, max_bytes: int) -> FetchError:
    return FetchError(
        url,
        f"{url}: page too large: {what} the limit of {max_bytes:,} bytes "
        f"({max_bytes / _MB:.1f} MB)",
    )


def _read_body(response: Any, url: str, deadline: float, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` before ``deadline``.

    ``read1`` returns what one socket read brings, so a server that trickles bytes cannot
    keep the fetch past its deadline (``read(n)`` would wait for all ``n`` bytes).
    """
    declared = response.headers.get("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > max_bytes:
        raise _too_large(url, f"{int(declared):,} bytes, over", max_bytes)
    read = getattr(response, "read1", response.read)
    chunks: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() > deadline:
            raise TimeoutError("deadline passed while reading")
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(url, "over", max_bytes)
        chunks.append(chunk)


def _decompress(raw: bytes, coding: str, url: str, max_bytes: int) -> bytes:
    """Undo a gzip or deflate Content-Encoding that a server sent although none was asked."""
    coding = coding.strip().lower()
    if coding in ("", "identity"):
        return raw
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"{url}: the page is sent compressed as '{coding}', not readable")
    # wbits 32+: gzip or zlib header, detected; a bare deflate stream (old IIS) needs -15.
    for wbits in (zlib.MAX_WBITS | 32, -zlib.MAX_WBITS):
        inflater = zlib.decompressobj(wbits)
        try:
            out = inflater.decompress(raw, max_bytes + 1)
        except zlib.error:
            continue
        if len(out) > max_bytes:
            raise _too_large(url, "uncompressed, over", max_bytes)
        return out
    raise FetchError(url, f"{url}: the page says it is {coding}-compressed but is not")


def _content_type(headers: Message) -> str | None:
    """The media type of the Content-Type header, lower-cased; None when there is none."""
    return headers.get_content_type() if headers.get("Content-Type") else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        log.debug("unknown charset label %r", label)
        return None
    return "cp1252" if name in _READ_AS_CP1252 else name


def _decode(raw: bytes, header_charset: str | None) -> tuple[str, str]:
    """Decode page bytes as a browser would; returns the text and the codec used.

    A declared charset is trusted even if a few bytes do not fit it (they become U+FFFD):
    one bad byte should not throw the whole page to a guessed encoding.
    """
    if (bom := sniff_bom(raw)) is not None:  # the codec drops the mark itself
        return raw.decode(bom, errors="replace").removeprefix("\ufeff"), bom
    meta = META_CHARSET.search(raw[: 16 * 1024])
    for label in (header_charset, meta.group(1).decode("ascii", "replace") if meta else None):
        declared = _codec(label)
        if declared is not None:
            return raw.decode(declared, errors="replace"), declared
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only for the rare page with no charset

    best = from_bytes(raw).best()
    if best is not None:
        return str(best), str(best.encoding)
    return raw.decode("cp1252", errors="replace"), "cp1252"


def fetch_page(
    url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> Page:
    """Download an HTML page and decode it.

    Args:
        url: an http or https URL. Redirects are followed (to http and https only).
        timeout: seconds to wait: for the connection, for each read, and for the whole
            body (checked between reads, so a fetch ends within about twice this).
        max_bytes: pages larger than this are refused, before the body is read when the
            server sends a Content-Length, else as soon as the limit is passed.

    Raises:
        ConfigError: ``timeout`` or ``max_bytes`` is not a positive number.
        FetchError: with a one-line message, for a URL that is not http(s), an unreachable
            host, a refused connection, a timeout, an HTTP error status, a body that is not
            HTML (``<url>: not an HTML page (application/pdf)``) or is too large.
    """
    _check_limits(timeout, max_bytes)
    check_url(url)
    try:
        request = urllib.request.Request(_ascii_url(url), headers=_HEADERS)
    except (UnicodeError, ValueError) as err:
        raise FetchError(url, f"{url}: not a valid URL ({err})") from err
    opener = urllib.request.build_opener(_WebRedirects)
    deadline = time.monotonic() + timeout
    try:
        with opener.open(request, timeout=timeout) as response:
            final_url = str(response.geturl())
            headers: Message = response.headers
            media_type = _content_type(headers)
            if media_type is not None and media_type not in _HTML_TYPES:
                raise FetchError(url, f"{url}: not an HTML page ({media_type})")
            raw = _read_body(response, url, deadline, max_bytes)
            raw = _decompress(raw, headers.get("Content-Encoding", ""), url, max_bytes)
            charset = headers.get_content_charset() if media_type else None
    except urllib.error.HTTPError as err:
        err.close()
        if 300 <= err.code < 400:
            raise FetchError(url, f"{url}: too many redirects (HTTP {err.code})") from err
        where = f" (at {err.url})" if err.url and err.url != url else ""
        raise FetchError(url, f"{url}: HTTP {_status(err.code, err.reason)}{where}") from err
    except urllib.error.URLError as err:
        reason = _why_unreachable(err.reason, timeout)
        raise FetchError(url, f"cannot reach {url}: {reason}") from err
    except (OSError, http.client.HTTPException) as err:  # timeouts and resets while reading
        raise FetchError(url, f"cannot reach {url}: {_why_unreachable(err, timeout)}") from err
    except ValueError as err:  # http.client.InvalidURL: control characters and the like
        raise FetchError(url, f"{url}: not a valid URL ({err})") from err
    if media_type is None and not _LOOKS_LIKE_HTML.match(raw[:4096]):
        raise FetchError(url, f"{url}: not an HTML page (no Content-Type, and not HTML)")
    html, encoding = _decode(raw, charset)
    log.info("fetched %s: %s bytes, %s", final_url, f"{len(raw):,}", encoding)
    return Page(requested=url, url=final_url, html=html, encoding=encoding)


# --------------------------------------------------------------------------- extraction


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _is_machine_host(host: str) -> bool:
    """Whether ``host`` names a machine rather than a site: an IP address, ``localhost``,
    or a name without a dot (an intranet host). Such a name is no outlet."""
    import ipaddress

    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host.lower() == "localhost" or "." not in host
    return True


def _outlet(doc: Any, url: str) -> str | None:
    """The site name the page gives (og:site_name and the like), else its host name, else
    None when the host is a machine (:func:`_is_machine_host`: ``127.0.0.1``,
    ``localhost``), which would pass for an outlet in citation detection.

    trafilatura falls back to the URL's ``host:port`` for the site name; the port is no
    part of an outlet's name, so that fallback is replaced by the bare host name.
    """
    parts = urllib.parse.urlsplit(url)
    host = (parts.hostname or url).removeprefix("www.")
    name = getattr(doc, "sitename", None)
    if (
        not isinstance(name, str)
        or not name.strip()
        or name.strip().lower() in {parts.netloc.lower(), (parts.hostname or "").lower()}
    ):
        return None if _is_machine_host(host) else host
    return _one_line(name).removeprefix("www.")


def extract_article(page: Page) -> FetchedArticle:
    """The main text and metadata of a page, with trafilatura.

    Navigation, footers, share bars and comments are left out by trafilatura; what chrome
    remains is for :mod:`factcheck.clean`, which runs on every article anyway.

    Raises:
        FetchError: ``<url>: no article text found on the page``, when trafilatura finds
            none or fewer than :data:`MIN_ARTICLE_WORDS` words.
    """
    import trafilatura  # heavy (lxml, htmldate, ...): only when a page is added

    doc = trafilatura.bare_extraction(
        page.html,
        url=page.url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = getattr(doc, "text", None) if doc is not None else None
    paragraphs = tuple(line for line in map(_one_line, (text or "").splitlines()) if line)
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise FetchError(
            page.requested,
            f"{page.requested}: no article text found on the page; it may need JavaScript "
            "or a login, or not be an article",
        )
    title = getattr(doc, "title", None)
    date = getattr(doc, "date", None)
    return FetchedArticle(
        url=page.url,
        outlet=_outlet(doc, page.url),
        title=_one_line(title) if isinstance(title, str) and title.strip() else None,
        published=iso_date(date) if isinstance(date, str) else None,
        paragraphs=paragraphs,
    )


def render_article(article: FetchedArticle, *, fetched: datetime) -> str:
    """The file text: YAML front matter, a blank line, paragraphs separated by blank lines.

    Front matter values are written by PyYAML, which quotes what needs quoting (a title
    with ``: `` or ``#``, a date kept as a string), so ingest reads back exactly these
    values. ``fetched`` is UTC, to the second.
    """
    meta = {
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "fetched": fetched.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }
    front = yaml.safe_dump(
        {k: v for k, v in meta.items() if v is not None},
        sort_keys=False,
        allow_unicode=True,
        width=4096,
    )
    return f"---\n{front}---\n\n" + "\n\n".join(article.paragraphs) + "\n"


# --------------------------------------------------------------------------- storing


def slugify(text: str, *, max_length: int = MAX_SLUG_LENGTH) -> str:
    """A file-name stem: ASCII, lower case, words joined by hyphens, at most ``max_length``.

    Accents are dropped rather than the letter ("Zürich" -> "zurich") and apostrophes join
    the word ("Meta's" -> "metas"). A long text is cut at a hyphen when there is one.

    Example:
        >>> slugify("Meta's Zuckerberg: Not All AI Will Be Open-Sourced")
        'metas-zuckerberg-not-all-ai-will-be-open-sourced'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"['`]", "", ascii_text.lower())).strip("-")
    if len(slug) <= max_length:
        return slug
    head = slug[: max_length + 1]
    cut = head.rsplit("-", 1)[0] if "-" in head else slug[:max_length]
    return cut.strip("-")


def _url_stem(url: str) -> str:
    """A stem from the last path segment ("/2025/07/bridge-vote.html" -> "bridge-vote")."""
    parts = urllib.parse.urlsplit(url)
    for segment in reversed(PurePosixPath(urllib.parse.unquote(parts.path)).parts):
        if segment == "/":
            break
        seg = PurePosixPath(segment)
        stem = slugify(seg.stem if seg.suffix.lower() in _PAGE_SUFFIXES else segment)
        if stem and stem not in ("index", "default"):
            return stem
    return slugify(parts.hostname or "") or "article"


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name.startswith("utm_") or name in TRACKING_PARAMS


def _url_key(url: str) -> str:
    """A URL for comparison: what tells two addresses of one article apart is dropped.

    Scheme and host are lower-cased; the default port, the fragment, tracking parameters
    (:data:`TRACKING_PARAMS`, ``utm_*``) and a trailing slash are dropped; the other
    parameters keep their order.

    Example:
        >>> _url_key("HTTP://Example.org:80/news/bridge/?utm_source=tw&id=7#top")
        'http://example.org/news/bridge?id=7'
    """
    parts = urllib.parse.urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    netloc = f"[{host}]" if ":" in host else host
    try:
        port = parts.port
    except ValueError:  # a port that is no number: compare the address as written
        port, netloc = None, parts.netloc.lower()
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{netloc}:{port}"
    if parts.username is not None:
        netloc = f"{parts.netloc.rsplit('@', 1)[0]}@{netloc}"
    query = [
        (k, v)
        for k, v in urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(k)
    ]
    path = parts.path.rstrip("/") or "/"
    return urllib.parse.urlunsplit((scheme, netloc, path, urllib.parse.urlencode(query), ""))


def _canonical_url(page: Page) -> str | None:
    """The canonical address the page declares for itself (``<link rel="canonical">``),
    made absolute; None when it declares none, or one on another site.

    A syndicated copy often names the original publisher's page as canonical; that is
    another outlet's article, not this page's own address, so it is not used.
    """
    for tag in _LINK_TAG.finditer(page.html):
        attrs = {
            m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
            for m in _ATTR.finditer(tag.group(0))
        }
        if "canonical" not in attrs.get("rel", "").lower().split() or not attrs.get("href"):
            continue
        canonical = urllib.parse.urljoin(page.url, attrs["href"].strip())
        here = urllib.parse.urlsplit(page.url)
        there = urllib.parse.urlsplit(canonical)
        same_site = (there.hostname or "").removeprefix("www.") == (
            here.hostname or ""
        ).removeprefix("www.")
        return canonical if there.scheme in _WEB_SCHEMES and same_site else None
    return None


def _stored_urls(story_dir: Path) -> dict[str, Path]:
    """The URLs of the story's articles (as ingest reads them) and the file of each."""
    if not story_dir.is_dir():
        return {}
    articles, _ = read_story(story_dir, max_file_bytes=DEFAULT_MAX_FILE_BYTES)
    return {_url_key(a.meta.url): a.path for a in articles if a.meta.url}


def _refuse_duplicate(url: str, stored: dict[str, Path], *, requested: str) -> None:
    if (path := stored.get(_url_key(url))) is not None:
        raise FetchError(
            requested,
            f"{requested}: already in the story as {path}; delete that file to fetch it again",
        )


def _store(story_dir: Path, stem: str, text: str) -> Path:
    """Write ``text`` to a new ``<stem>[-n].md`` in ``story_dir``; never replaces a file.

    The stem must be new among all files of the folder, whatever their suffix: ingest names
    a source by its stem, and ``x.md`` beside ``x.html`` would take the stem from
    ``x.html`` (``.md`` ranks first), renaming an existing source.
    The name is reserved with an exclusive create, then filled by an atomic rename, so two
    ``add`` runs at once cannot pick the same name.
    """
    from factcheck.atomic import write_atomic

    try:
        story_dir.mkdir(parents=True, exist_ok=True)
        taken = {p.stem.lower() for p in story_dir.iterdir()}
    except OSError as err:
        raise CorpusError(story_dir, f"cannot create or list folder: {err.strerror}") from err
    for n in itertools.count(1):
        candidate = stem if n == 1 else f"{stem}-{n}"
        if candidate.lower() in taken:
            continue
        path = story_dir / f"{candidate}.md"
        try:
            path.open("x").close()
        except FileExistsError:
            continue
        except OSError as err:
            raise CorpusError(path, f"cannot create file: {err.strerror}") from err
        try:
            write_atomic(path, text)
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return path
    raise AssertionError("unreachable")  # pragma: no cover


def add_article(
    url: str,
    *,
    story_dir: Path,
    timeout: float = DEFAULT_TIMEOUT,
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
) -> Path:
    """Fetch the article at ``url`` and store it in ``story_dir``; returns the new file.

    The file is ``<slug>.md`` (slug of the title, else of the URL's last path segment)
    with front matter ``outlet``, ``title``, ``url`` (after redirects, or the page's own
    canonical address), ``published``
    (when the page gives a date) and ``fetched`` (UTC), then the main text. The story
    folder is created if needed. Nothing is written when anything fails.

    Example:
        >>> add_article("https://example.org/news/bridge", story_dir=Path("corpora/bridge"))
        PosixPath('corpora/bridge/council-approves-harbor-bridge-rebuild.md')

    Raises:
        FetchError: the page cannot be fetched, is not HTML, is too large, has no article
            text, or its URL (asked for, reached after redirects, or declared canonical;
            compared by :func:`_url_key`) is already stored in the story (in any article's
            ``url``). The message is one line.
        CorpusError: ``story_dir`` is a file, or cannot be created or written.
        ConfigError: ``timeout`` or ``max_bytes`` is not a positive number, or the story's
            ``story.toml`` is invalid (read to find stored URLs).
    """
    _check_limits(timeout, max_bytes)
    check_url(url)
    if story_dir.exists() and not story_dir.is_dir():
        raise CorpusError(story_dir, "is a file; expected a story folder")
    stored = _stored_urls(story_dir)
    _refuse_duplicate(url, stored, requested=url)
    page = fetch_page(url, timeout=timeout, max_bytes=max_bytes)
    _refuse_duplicate(page.url, stored, requested=url)
    canonical = _canonical_url(page)
    if canonical is not None:
        _refuse_duplicate(canonical, stored, requested=url)
        page = replace(page, url=canonical)
    article = extract_article(page)
    stem = (slugify(article.title) if article.title else "") or _url_stem(page.url)
    path = _store(story_dir, stem, render_article(article, fetched=datetime.now(UTC)))
    log.info("stored %s as %s (%d paragraphs)", url, path, len(article.paragraphs))
    return path
