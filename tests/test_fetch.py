"""``factcheck add``: fetching a page from a local HTTP server and storing it as an article.

Every test talks to a real ``http.server`` on 127.0.0.1 (a random port, in a thread), so
urllib's redirects, headers, charsets and errors are exercised for real; nothing leaves
the machine.
"""

from __future__ import annotations

import codecs
import gzip
import http.server
import re
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.errors import ConfigError, CorpusError, FactcheckError, FetchError
from factcheck.fetch import USER_AGENT, add_article, fetch_page, slugify
from factcheck.ingest import read_story

TITLE = "Council approves Harbor Bridge rebuild"
PARAGRAPHS = (
    "The city council voted 7-2 on Tuesday to rebuild the Harbor Bridge at a cost of "
    "$42 million, ending two years of debate over the ageing crossing.",
    "Work is due to start in May and finish by the end of 2028, the city’s transport "
    "department said in a statement.",
    "Mayor Ana Ortiz called the vote “a long overdue decision” and said the bridge would "
    "stay open to pedestrians and cyclists during the works.",
    "Two council members voted against the plan, arguing that repairing the café-lined "
    "crossing would cost less than half as much.",
)
CHROME = ("Subscribe", "Storm closes schools", "All rights reserved", "Cookie settings")


def _article_html(charset: str = "utf-8", *, title: bool = True) -> str:
    """A news page as sites serve it: metadata in the head, chrome around the article."""
    head = (
        f"<title>{TITLE} | City Herald</title>\n"
        f'<meta property="og:title" content="{TITLE}">\n'
        '<meta property="og:site_name" content="City Herald">\n'
        '<meta property="og:type" content="article">\n'
        '<meta property="article:published_time" content="2026-03-10T09:30:00Z">\n'
        '<meta name="author" content="Jane Doe">\n'
        if title
        else ""
    )
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    h1 = f"<h1>{TITLE}</h1>" if title else ""
    # Without a title trafilatura would take the sidebar's heading for one.
    aside = (
        '<aside><h2>Most read</h2><ul><li><a href="/a">Storm closes schools</a></li>\n'
        '<li><a href="/b">Derby ends in a draw</a></li></ul></aside>'
        if title
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="{charset}">
{head}</head>
<body>
<header>
  <a class="logo" href="/">City Herald</a>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe</a></li></ul></nav>
</header>
<main><article>
{h1}
<p class="byline">By Jane Doe</p>
{body}
</article></main>
{aside}
<footer><p>© 2026 City Herald. All rights reserved.</p>
<a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body>
</html>
"""


ARTICLE = _article_html().encode("utf-8")
# Windows-1252 bytes for “ ” ’ é: decoded as Latin-1 they would be C1 control characters.
CP1252_ARTICLE = _article_html("windows-1252").encode("cp1252")


@dataclass(frozen=True)
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


ROUTES = {
    "/news/bridge.html": Route(body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}),
    "/old/bridge": Route(301, headers={"Location": "/news/bridge.html"}),
    "/news/z%C3%BCrich%20bridge": Route(
        body=ARTICLE, headers={"Content-Type": "text/html; charset=utf-8"}
    ),
    "/latin1/bridge": Route(
        body=CP1252_ARTICLE, headers={"Content-Type": "text/html; charset=ISO-8859-1"}
    ),
    "/meta-charset/bridge": Route(body=CP1252_ARTICLE, headers={"Content-Type": "text/html"}),
    "/no-type/bridge": Route(body=ARTICLE),
    "/gzip/bridge": Route(
        body=gzip.compress(ARTICLE),
        headers={"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
    ),
    "/2026/03/harbor-vote.html": Route(
        body=_article_html(title=False).encode("utf-8"), headers={"Content-Type": "text/html"}
    ),
    "/report.pdf": Route(
        body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        headers={"Content-Type": "application/pdf"},
    ),
    "/empty.html": Route(
        body=b"<!DOCTYPE html><html><head><title></title></head><body></body></html>",
        headers={"Content-Type": "text/html; charset=utf-8"},
    ),
    "/chrome-only.html": Route(
        body=b"<!DOCTYPE html><html><head><title>City Herald</title></head><body>"
        b"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        b"<p>Subscribe to read the full story.</p>"
        b"<footer>&copy; 2026 City Herald. All rights reserved.</footer></body></html>",
        headers={"Content-Type": "text/html; charset=utf-8"},
    ),
    "/amp/bridge": Route(
        body=ARTICLE.replace(b"</head>", b'<link rel="canonical" href="/news/bridge.html"></head>'),
        headers={"Content-Type": "text/html; charset=utf-8"},
    ),
    "/wire/bridge": Route(
        body=ARTICLE.replace(
            b"</head>", b"<link href='https://herald.example/news/bridge' rel='canonical'></head>"
        ),
        headers={"Content-Type": "text/html; charset=utf-8"},
    ),
    "/loop": Route(302, headers={"Location": "/loop"}),
    "/to-ftp": Route(302, headers={"Location": "ftp://127.0.0.1/bridge.html"}),
}


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    user_agents: list[str] = []  # noqa: RUF012 - one log shared by the test server

    def do_GET(self) -> None:
        self.user_agents.append(self.headers.get("User-Agent", ""))
        route = ROUTES.get(self.path.partition("?")[0])
        if route is None:
            self.send_error(404)
            return
        self.send_response(route.status)
        for name, value in route.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(route.body)))
        self.end_headers()
        self.wfile.write(route.body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Base URL of a local server holding :data:`ROUTES` (port chosen by the OS)."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy in the environment would otherwise carry loopback requests off the machine."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("ALL_PROXY", raising=False)


def _front_matter(path: Path) -> tuple[dict[str, object], str]:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n\n", text, re.S)
    assert match, text[:200]
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data, text[match.end() :]


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


# --------------------------------------------------------------------------- storing


def test_fetch_stores_front_matter_fields(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/news/bridge.html", story_dir=tmp_path / "bridge")
    meta, _ = _front_matter(path)
    assert list(meta) == ["outlet", "title", "url", "published", "fetched"]
    assert meta["outlet"] == "City Herald"
    assert meta["title"] == TITLE
    assert meta["url"] == f"{server}/news/bridge.html"
    assert meta["published"] == "2026-03-10"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", str(meta["fetched"]))


def test_fetch_stores_the_main_text_without_chrome(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/news/bridge.html", story_dir=tmp_path / "bridge")
    _, body = _front_matter(path)
    blocks = body.rstrip("\n").split("\n\n")
    assert [b for b in blocks if b in PARAGRAPHS] == list(PARAGRAPHS)
    assert all("\n" not in b and b.strip() == b and b for b in blocks)
    for chrome in CHROME:
        assert chrome not in body


def test_fetch_names_the_file_after_the_title(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/news/bridge.html", story_dir=tmp_path / "bridge")
    assert path == tmp_path / "bridge" / "council-approves-harbor-bridge-rebuild.md"


def test_fetch_file_is_read_back_by_ingest_with_the_same_metadata(
    server: str, tmp_path: Path
) -> None:
    path = add_article(f"{server}/news/bridge.html", story_dir=tmp_path / "bridge")
    articles, failures = read_story(tmp_path / "bridge", max_file_bytes=10**7)
    assert failures == []
    (article,) = articles
    stored, _ = _front_matter(path)
    assert article.meta.outlet == stored["outlet"] == "City Herald"
    assert article.meta.title == stored["title"]
    assert article.meta.url == stored["url"]
    assert article.meta.published == stored["published"]
    assert PARAGRAPHS[2] in article.text[article.body_start :]


def test_fetch_follows_redirects_and_stores_the_final_url(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/old/bridge", story_dir=tmp_path / "bridge")
    meta, _ = _front_matter(path)
    assert meta["url"] == f"{server}/news/bridge.html"


def test_fetch_accepts_a_url_as_the_address_bar_shows_it(server: str) -> None:
    page = fetch_page(f"{server}/news/zürich bridge")
    assert page.url == f"{server}/news/z%C3%BCrich%20bridge"
    assert PARAGRAPHS[0] in page.html


def test_fetch_creates_the_story_folder(server: str, tmp_path: Path) -> None:
    story = tmp_path / "corpora" / "new-story"
    path = add_article(f"{server}/news/bridge.html", story_dir=story)
    assert path.parent == story and story.is_dir()


def test_fetch_never_overwrites_an_existing_file(server: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    story.mkdir()
    taken = story / "council-approves-harbor-bridge-rebuild.md"
    taken.write_text("An article someone wrote by hand.\n", encoding="utf-8")
    (story / "council-approves-harbor-bridge-rebuild-2.txt").write_text(
        "Another one, with the next stem.\n", encoding="utf-8"
    )
    path = add_article(f"{server}/news/bridge.html", story_dir=story)
    assert path.name == "council-approves-harbor-bridge-rebuild-3.md"
    assert taken.read_text(encoding="utf-8") == "An article someone wrote by hand.\n"


def test_fetch_refuses_a_url_already_in_the_story(server: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    first = add_article(f"{server}/news/bridge.html", story_dir=story)
    with pytest.raises(FetchError, match=r"already in the story as .*rebuild\.md") as info:
        add_article(f"{server}/news/bridge.html", story_dir=story)
    assert info.value.url == f"{server}/news/bridge.html"
    assert sorted(story.iterdir()) == [first]


def test_fetch_refuses_a_redirect_to_a_url_already_in_the_story(
    server: str, tmp_path: Path
) -> None:
    story = tmp_path / "bridge"
    add_article(f"{server}/news/bridge.html", story_dir=story)
    with pytest.raises(FetchError, match="already in the story"):
        add_article(f"{server}/old/bridge", story_dir=story)
    assert len(list(story.iterdir())) == 1


@pytest.mark.parametrize(
    "again",
    [
        "/news/bridge.html?utm_source=tw",
        "/news/bridge.html?fbclid=IwAR0x&utm_medium=social",
        "/news/bridge.html?ref=homepage#comments",
        "/news/bridge.html/",
    ],
)
def test_fetch_refuses_the_stored_url_with_tracking_parameters_or_a_slash(
    server: str, tmp_path: Path, again: str
) -> None:
    story = tmp_path / "bridge"
    add_article(f"{server}/news/bridge.html", story_dir=story)
    with pytest.raises(FetchError, match="already in the story"):
        add_article(f"{server}{again}", story_dir=story)
    assert len(list(story.iterdir())) == 1


def test_fetch_keeps_query_parameters_that_name_the_page() -> None:
    from factcheck.fetch import _url_key

    assert _url_key("https://x.example/story?id=7&utm_source=tw") != _url_key(
        "https://x.example/story?id=8"
    )


def test_fetch_refuses_a_page_whose_canonical_url_is_stored(server: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    add_article(f"{server}/news/bridge.html", story_dir=story)
    with pytest.raises(FetchError, match="already in the story") as info:
        add_article(f"{server}/amp/bridge", story_dir=story)
    assert info.value.url == f"{server}/amp/bridge"
    assert len(list(story.iterdir())) == 1


def test_fetch_stores_the_canonical_url_the_page_declares(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/amp/bridge?utm_source=tw", story_dir=tmp_path / "bridge")
    meta, _ = _front_matter(path)
    assert meta["url"] == f"{server}/news/bridge.html"
    with pytest.raises(FetchError, match="already in the story"):
        add_article(f"{server}/news/bridge.html", story_dir=tmp_path / "bridge")


def test_fetch_ignores_a_canonical_url_on_another_site(server: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge"
    add_article(f"{server}/news/bridge.html", story_dir=story)
    path = add_article(f"{server}/wire/bridge", story_dir=story)  # a syndicated copy
    meta, _ = _front_matter(path)
    assert meta["url"] == f"{server}/wire/bridge"


def test_fetch_names_an_untitled_page_after_its_url(server: str, tmp_path: Path) -> None:
    path = add_article(f"{server}/2026/03/harbor-vote.html", story_dir=tmp_path / "bridge")
    meta, _ = _front_matter(path)
    assert path.name == "harbor-vote.md"
    assert "title" not in meta
    assert "outlet" not in meta  # 127.0.0.1 is a machine, not an outlet


def test_fetch_sends_a_real_user_agent(server: str, tmp_path: Path) -> None:
    _Handler.user_agents.clear()
    fetch_page(f"{server}/news/bridge.html")
    assert _Handler.user_agents == [USER_AGENT]
    assert USER_AGENT.startswith("Mozilla/5.0") and "factcheck/" in USER_AGENT


# --------------------------------------------------------------------------- charsets


def test_fetch_honours_the_header_charset(server: str) -> None:
    page = fetch_page(f"{server}/latin1/bridge")
    # ISO-8859-1 is read as Windows-1252, as browsers do, so curly quotes survive.
    assert page.encoding == "cp1252"
    assert "“a long overdue decision”" in page.html and "café" in page.html


def test_fetch_honours_the_meta_charset(server: str) -> None:
    page = fetch_page(f"{server}/meta-charset/bridge")
    assert page.encoding == "cp1252"
    assert "city’s transport" in page.html


def test_fetch_decodes_utf8_without_any_declaration(server: str) -> None:
    page = fetch_page(f"{server}/no-type/bridge")
    assert page.encoding == "utf-8"
    assert "café-lined" in page.html


def test_fetch_reads_a_gzip_page_sent_unasked(server: str) -> None:
    page = fetch_page(f"{server}/gzip/bridge")
    assert PARAGRAPHS[0] in page.html


# --------------------------------------------------------------------------- errors


def test_fetch_http_404_is_a_one_line_error(server: str, tmp_path: Path) -> None:
    url = f"{server}/missing"
    with pytest.raises(FetchError) as info:
        add_article(url, story_dir=tmp_path / "bridge")
    assert str(info.value) == f"{url}: HTTP 404 Not Found"
    assert not (tmp_path / "bridge").exists()


def test_fetch_pdf_is_not_an_html_page(server: str, tmp_path: Path) -> None:
    url = f"{server}/report.pdf"
    with pytest.raises(FetchError) as info:
        add_article(url, story_dir=tmp_path / "bridge")
    assert str(info.value) == f"{url}: not an HTML page (application/pdf)"


@pytest.mark.parametrize("path", ["/empty.html", "/chrome-only.html"])
def test_fetch_page_without_article_text_is_an_error(
    server: str, tmp_path: Path, path: str
) -> None:
    url = f"{server}{path}"
    with pytest.raises(FetchError) as info:
        add_article(url, story_dir=tmp_path / "bridge")
    assert str(info.value).startswith(f"{url}: no article text found on the page")
    assert "\n" not in str(info.value)
    assert not (tmp_path / "bridge").exists()


def test_fetch_closed_port_cannot_be_reached(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/news/bridge.html"
    with pytest.raises(FetchError) as info:
        add_article(url, story_dir=tmp_path / "bridge")
    assert str(info.value) == f"cannot reach {url}: connection refused"


def test_fetch_silent_server_times_out(tmp_path: Path) -> None:
    with socket.socket() as listener:  # accepts connections (backlog), never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/"
        with pytest.raises(FetchError) as info:
            fetch_page(url, timeout=0.3)
    assert str(info.value) == f"cannot reach {url}: timed out after 0.3 s"


def test_fetch_page_over_the_size_limit_is_refused(server: str) -> None:
    url = f"{server}/news/bridge.html"
    with pytest.raises(FetchError, match=r"page too large: .* over the limit of 1,000 bytes"):
        fetch_page(url, max_bytes=1000)


def test_fetch_gzip_page_over_the_size_limit_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="uncompressed, over the limit"):
        fetch_page(f"{server}/gzip/bridge", max_bytes=len(ARTICLE) - 1)


def test_fetch_redirect_loop_is_an_error(server: str) -> None:
    with pytest.raises(FetchError, match=r"/loop: too many redirects \(HTTP 302\)"):
        fetch_page(f"{server}/loop")


def test_fetch_redirect_off_the_web_is_refused(server: str) -> None:
    with pytest.raises(FetchError, match="redirects to a non-web address: ftp://"):
        fetch_page(f"{server}/to-ftp")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "example.org/a"])
def test_fetch_only_http_and_https_urls(url: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match="give an http:// or https:// URL"):
        add_article(url, story_dir=tmp_path / "bridge")


def test_fetch_story_path_that_is_a_file_is_a_corpus_error(server: str, tmp_path: Path) -> None:
    story = tmp_path / "bridge.md"
    story.write_text("not a folder\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="is a file; expected a story folder"):
        add_article(f"{server}/news/bridge.html", story_dir=story)


@pytest.mark.parametrize(
    ("timeout", "max_bytes", "message"),
    [
        (0.0, 1024, "timeout must be a positive number"),
        (-1.0, 1024, "timeout must be a positive number"),
        (float("inf"), 1024, "timeout must be a positive number"),
        (5.0, 0, "maximum page size must be a positive number"),
    ],
)
def test_fetch_bad_limits_are_config_errors_before_any_work(
    tmp_path: Path, timeout: float, max_bytes: int, message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        add_article(
            "http://127.0.0.1:9/x", story_dir=tmp_path / "s", timeout=timeout, max_bytes=max_bytes
        )
    with pytest.raises(ConfigError, match=message):
        fetch_page("http://127.0.0.1:9/x", timeout=timeout, max_bytes=max_bytes)
    assert not (tmp_path / "s").exists()


def test_fetch_errors_are_factcheck_errors() -> None:
    assert issubclass(FetchError, FactcheckError)


# --------------------------------------------------------------------------- slugs


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        (
            "Meta's Zuckerberg: Not All AI Will Be Open-Sourced",
            "metas-zuckerberg-not-all-ai-will-be-open-sourced",
        ),
        ("Zürich   café —  “quoted”", "zurich-cafe-quoted"),
        ("日本語", ""),
    ],
)
def test_fetch_slug_is_ascii_lowercase_hyphens(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_fetch_slug_is_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 30)
    assert len(slug) <= 60 and slug.endswith("word") and "--" not in slug


# --------------------------------------------------------------------------- CLI


class TestFetchCli:
    """``factcheck add URL --story NAME --corpora DIR`` through the typer app."""

    runner = CliRunner()

    def test_fetch_cli_add_stores_the_article(self, server: str, tmp_path: Path) -> None:
        corpora = tmp_path / "corpora"
        corpora.mkdir()
        result = self.runner.invoke(
            app,
            ["add", f"{server}/news/bridge.html", "--story", "bridge", "--corpora", str(corpora)],
        )
        assert result.exit_code == 0, result.output
        stored = corpora / "bridge" / "council-approves-harbor-bridge-rebuild.md"
        assert stored.is_file()
        assert str(stored) in result.stdout

    def test_fetch_cli_add_error_is_one_line(self, server: str, tmp_path: Path) -> None:
        url = f"{server}/report.pdf"
        result = self.runner.invoke(
            app, ["add", url, "--story", "bridge", "--corpora", str(tmp_path)]
        )
        assert result.exit_code == 1
        assert result.stderr == f"error: {url}: not an HTML page (application/pdf)\n"

    def test_fetch_cli_add_refuses_a_story_that_is_a_path(self, tmp_path: Path) -> None:
        result = self.runner.invoke(app, ["add", "http://127.0.0.1:9/x", "--story", "../etc"])
        assert result.exit_code == 2
        assert "single folder name" in result.stderr

    @pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org/a", "http:///a"])
    def test_fetch_cli_add_url_that_is_not_a_web_address_is_a_usage_error(
        self, url: str, tmp_path: Path
    ) -> None:
        result = self.runner.invoke(app, ["add", url, "--story", "s", "--corpora", str(tmp_path)])
        assert result.exit_code == 2
        assert result.stderr.startswith(f"error: {url}: ") and result.stderr.count("\n") == 1
        assert not (tmp_path / "s").exists()

    def test_fetch_cli_add_refuses_a_corpora_folder_that_does_not_exist(
        self, server: str, tmp_path: Path
    ) -> None:
        typo = tmp_path / "corproa"
        result = self.runner.invoke(
            app, ["add", f"{server}/news/bridge.html", "--story", "s", "--corpora", str(typo)]
        )
        assert result.exit_code == 2
        assert f"--corpora {typo}: no such folder" in result.stderr
        assert not typo.exists()

    def test_fetch_cli_add_creates_the_default_corpora_folder(
        self, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        result = self.runner.invoke(app, ["add", f"{server}/news/bridge.html", "--story", "s"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / "corpora" / "s").is_dir()

    @pytest.mark.parametrize(
        ("option", "value"),
        [("--timeout", "0"), ("--timeout", "-1"), ("--max-page-mb", "-1"), ("--max-page-mb", "0")],
    )
    def test_fetch_cli_add_bad_limit_is_a_usage_error_naming_the_option(
        self, tmp_path: Path, option: str, value: str
    ) -> None:
        result = self.runner.invoke(
            app,
            [
                "add",
                "http://127.0.0.1:9/x",
                "--story",
                "s",
                "--corpora",
                str(tmp_path),
                option,
                value,
            ],
        )
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1
        assert f"'{option}'" in result.stderr and "positive" in result.stderr
        assert not (tmp_path / "s").exists()


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("http://127.0.0.1:8000/a", None),
        ("http://[::1]/a", None),
        ("http://localhost/a", None),
        ("http://newsbox/a", None),
        ("https://www.cityherald.example/a", "cityherald.example"),
    ],
)
def test_fetch_outlet_from_the_host_only_when_it_names_a_site(url: str, outlet: str | None) -> None:
    from factcheck.fetch import _outlet

    assert _outlet(None, url) == outlet


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)],
)
def test_fetch_decodes_a_utf32_page_by_its_byte_order_mark(encoding: str, bom: bytes) -> None:
    from factcheck.fetch import _decode

    html = "<html><body><p>A café-lined crossing.</p></body></html>"
    text, codec = _decode(bom + html.encode(encoding), "utf-8")  # the mark beats the header
    assert text == html and codec == "utf-32"
