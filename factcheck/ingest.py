"""Read a corpus folder into :class:`~factcheck.types.Article` records.

This is the only module that reads the corpus, and it never writes to it: files are only
ever opened read-only.

Layout::

    corpora/<story>/<one article per file>.txt|.md|.markdown|.html|.htm
    corpora/<story>/story.toml            optional per-file metadata

``find_stories`` accepts one story folder or a folder of story folders: a folder with
subfolders that hold articles is a folder of stories, and article files loose beside them
(a ``README.md``) are ignored with a warning.

What an :class:`Article` holds:

- ``text`` for ``.txt``/``.md`` is the whole decoded file with newlines normalised
  (``\\r\\n`` and ``\\r`` become ``\\n``) and any byte-order mark dropped. Every offset in
  the pipeline points into this string, not into the bytes on disk; line numbers count
  ``\\n`` characters in it. Front matter stays in ``text``; ``body_start`` is the offset
  just after it.
- ``text`` for ``.html``/``.htm`` is the main text trafilatura extracts, one paragraph,
  heading or list item per line; offsets refer to that extracted text, and ``body_start``
  is 0.
- ``encoding`` is the codec the file was decoded with: the BOM's, else ``utf-8``, else (for
  HTML) a ``<meta charset>`` declaration, else ``utf-8+cp1252`` for a UTF-8 file with a
  few stray bytes (each read as Windows-1252, and their positions logged; a description,
  not a codec name), else ``utf-16-le``/``utf-16-be`` for UTF-16 without a BOM (every
  other byte NUL), else what charset-normalizer detects (logged as a warning, because a
  guessed encoding can mis-decode a few characters). A guess made with no confidence that
  reads much of the file as unusual characters (:data:`MAX_UNUSUAL_SHARE`) is refused
  rather than analysed as mojibake.
- ``source_id`` is the file stem. Of files that share a stem, the one whose suffix comes
  first in :data:`ARTICLE_SUFFIXES` keeps it and the others are named by their whole file
  name, so that adding a file never renames a source of another stem (see
  :func:`_source_ids` for what "stable" means here). A file name that is not valid UTF-8
  is read as is, but its ID escapes each undecodable byte (``caf\\xe9``; :func:`printable`).

Metadata (outlet, title, url, published, updated) comes from three places; per field the
first that has a value wins: ``story.toml`` > front matter > HTML metadata. Front matter is
YAML between ``---`` lines or TOML between ``+++`` lines at the very top of the file. Keys
are case-insensitive and have aliases (:data:`META_KEYS`); dates are stored as ISO strings
(:func:`iso_date`), and a value that is not a date (also an impossible one, such as
``2026-02-30``) makes the front matter invalid. A key that is none of these (nor
:data:`IGNORED_KEYS`) gets a warning naming the file and the known keys: it is most likely
a typo.
``story.toml`` holds one table per file name::

    [sources."002_f398cda15d4a89f6.txt"]
    outlet = "TechCrunch"
    published = 2025-07-30

A file that cannot be used becomes a :class:`FileFailure` with a one-line problem, and the
rest of the story is still read: empty, binary (a known signature such as ``%PDF-``, named
in the message; a NUL byte outside UTF-16; or more than :data:`MAX_CONTROL_SHARE` of
control characters), undecodable, over ``max_file_bytes``, over :data:`MAX_SENTENCES`
sentences, unreadable (also a broken symbolic link, or a named pipe, never opened),
invalid front matter, or HTML without main text. An invalid ``story.toml`` is a
:class:`ConfigError`, because it is the user's configuration rather than an input article.
"""

from __future__ import annotations

import codecs
import email.utils
import logging
import os
import re
import stat
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from factcheck.encoding import META_CHARSET, bom_name, sniff_bom
from factcheck.errors import ConfigError, CorpusError
from factcheck.filenames import printable  # re-exported: callers import it from here
from factcheck.types import Article, ArticleMeta, FileFailure, TextFormat

__all__ = [
    "ARTICLE_SUFFIXES",
    "BINARY_SIGNATURES",
    "IGNORED_KEYS",
    "MAX_CONTROL_SHARE",
    "MAX_SENTENCES",
    "MAX_UNUSUAL_SHARE",
    "META_KEYS",
    "MIN_DETECTION_COHERENCE",
    "STORY_CONFIG",
    "find_stories",
    "iso_date",
    "printable",
    "read_story",
]

log = logging.getLogger(__name__)

#: File suffixes read as articles (matched case-insensitively) and their format.
ARTICLE_SUFFIXES: Mapping[str, TextFormat] = {
    ".txt": TextFormat.TXT,
    ".md": TextFormat.MD,
    ".markdown": TextFormat.MD,
    ".html": TextFormat.HTML,
    ".htm": TextFormat.HTML,
}

#: Optional per-story metadata file; never read as an article.
STORY_CONFIG = "story.toml"

#: Metadata fields and the keys accepted for them in front matter and story.toml, in order
#: of preference (the canonical key first).
META_KEYS: Mapping[str, tuple[str, ...]] = {
    "outlet": ("outlet", "source", "publisher", "site"),
    "title": ("title",),
    "url": ("url", "link"),
    "published": ("published", "date", "published_at"),
    "updated": ("updated", "updated_at", "modified"),
}

#: Keys that front matter may hold and factcheck reads but does not use: ``fetched`` is
#: written by ``factcheck add``. Any other key that is not in :data:`META_KEYS` gets a
#: warning naming the file, since it is most likely a typo ("outlett").
IGNORED_KEYS = frozenset({"fetched"})

#: Above this share of control characters (other than tab, newline, carriage return and
#: form feed) a decoded file is treated as binary. Text never has them; 5% leaves room for a
#: few stray escape codes in a pasted terminal transcript.
MAX_CONTROL_SHARE = 0.05

_NO_ARTICLES = "no .txt, .md or .html files; expected one article per file"
_MB = 1024 * 1024
#: How much more "chaos" (charset-normalizer's mess score) cp1252 may show than the best guess.
_CHAOS_SLACK = 0.05
#: A detected encoding whose language coherence (charset-normalizer's 0..1 confidence that
#: the text is a language) is below this is a guess ...
MIN_DETECTION_COHERENCE = 0.2
#: ... and a guess that decodes more than this share of the visible characters as
#: "unusual" ones (not ASCII, not Latin letters, not punctuation or currency signs) is
#: mojibake: KOI8-R Cyrillic read as shift_jis gives 90% half-width katakana, while a
#: Western code page gives a few accented letters and curly quotes.
MAX_UNUSUAL_SHARE = 0.2
#: File signatures of common binary formats, and what to call them in the error.
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive, or a .docx, .xlsx or .odt document"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a Microsoft Office document (.doc, .xls)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
)
#: An article with more sentences than this is refused: it is not one news article (a long
#: feature runs to a few hundred sentences) but a book, a transcript or many articles in one
#: file, and every later stage grows with it (a 1.5 MB file of short sentences holds 32,000:
#: a minute of parsing, and an alignment matrix of a billion cells). Sentences are counted
#: by their final punctuation, before any parsing, so the refusal costs nothing.
MAX_SENTENCES = 5_000
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(?=\s|$)")
#: A file without a byte-order mark is read as UTF-16 when at least this share of the
#: bytes at odd positions (little-endian; even positions for big-endian) is NUL and almost
#: none at the other positions: the pattern of mostly-ASCII text in UTF-16.
_UTF16_NUL_SHARE = 0.9


class _UnusableError(Exception):
    """An article file cannot be used; the message becomes FileFailure.problem."""


# --------------------------------------------------------------------------- stories


def _is_hidden(path: Path) -> bool:
    return path.name.startswith(".")


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or None when it is a regular file.

    Checked before opening: opening a named pipe for reading blocks until something writes
    to it, so a FIFO called ``x.txt`` would hang the run.
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            try:
                target = printable(path.readlink())
            except OSError:
                target = "?"
            return f"broken symbolic link: its target {target} does not exist"
        return "no such file (removed while the folder was read)"
    except OSError as err:  # a symbolic link loop, a permission problem on the way
        return f"cannot read file: {err.strerror or err}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not an article file"
    kinds = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))
    kind = next((what for test, what in kinds if test(mode)), "a device")
    return f"{kind}, not a regular file; expected a text or HTML article"


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES and not _is_hidden(path)


def _is_article(path: Path) -> bool:
    """An entry that is meant as an article: an article suffix, not hidden, not a folder
    and not a factcheck report. It may still be unreadable (a broken link, a FIFO): then
    :func:`read_story` reports it as a failure rather than skipping it unseen."""
    if not _is_article_name(path) or path.is_dir():
        return False
    return _not_a_file(path) is not None or not _is_report(path)


def _has_articles(folder: Path, *, warn: bool = True) -> bool:
    try:
        return any(_is_article(p) for p in folder.iterdir())
    except OSError as err:
        if warn:
            log.warning(
                "skipping %s: cannot list folder: %s", printable(folder), err.strerror or err
            )
        return False


def find_stories(path: Path, *, warn: bool = True) -> list[Path]:
    """The story folders under ``path``, sorted by name.

    ``path`` is a folder of stories when some of its subfolders hold article files: then
    those subfolders are the stories, and article files lying loose beside them (a
    ``README.md``) are not a story; they are ignored with one warning naming them, as is
    each subfolder without article files (empty, or only PDFs and images). Otherwise
    ``path`` is itself one story folder. Hidden files and folders are ignored. A story
    folder given as ``.`` or ``..`` is returned resolved, so that its report is named after
    the folder (``story.md``, not ``.md``).

    ``warn=False`` leaves the warnings out: the CLI looks for the stories before any work
    to check its options, and the pipeline then looks again, and warns.

    Raises:
        CorpusError: ``path`` is missing, is a file, is empty, or holds no article files
            where they are expected (the message says what was found instead).
    """
    if not path.exists():
        raise CorpusError(path, "no such file or folder; expected a story folder")
    if not path.is_dir():
        raise CorpusError(
            path,
            "is a file; expected a story folder (one article per file) "
            "or a folder of story folders",
        )
    try:
        entries = sorted(p for p in path.iterdir() if not _is_hidden(p))
    except OSError as err:
        raise CorpusError(path, f"cannot list folder: {err.strerror or err}") from err
    if not entries:
        raise CorpusError(path, "folder is empty; expected one article per file")
    folders = [p for p in entries if p.is_dir()]
    stories = [p for p in folders if _has_articles(p, warn=warn)]
    loose = [p for p in entries if _is_article(p)]
    if stories:
        if warn and loose:
            log.warning(
                "%s: not inside a story folder; ignored (%s is a folder of stories: one "
                "subfolder per story)",
                ", ".join(printable(p) for p in loose),
                printable(path),
            )
        for folder in folders if warn else ():
            if folder not in stories:
                log.warning(
                    "skipping %s: no .txt, .md or .html files in it, so it is not a story",
                    printable(folder),
                )
        return stories
    if loose:
        # The story is named after its folder: "." or ".." has no name of its own.
        return [path.resolve() if path.name in ("", "..") else path]
    deeper = sorted(
        p
        for p in path.rglob("*")
        if _is_article(p) and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    if deeper:
        raise CorpusError(
            path,
            f"article files are nested too deep (e.g. {deeper[0].relative_to(path)}); "
            "pass a story folder or a folder of story folders",
        )
    raise CorpusError(path, _NO_ARTICLES)


# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{2,5})?)?"
_DATE_FORMS = tuple(
    re.compile(rf"^{_WEEKDAY}{form}{_TIME}$", re.IGNORECASE)
    for form in (
        rf"{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})",
        r"(?P<year>\d{4})/(?P<mnum>\d{1,2})/(?P<day>\d{1,2})",
        r"(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>\d{4})",
    )
)


def _date_from_text(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,")
    if not text:
        return None
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        return date.fromisoformat(iso).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(iso).isoformat()
    except ValueError:
        pass
    for form in _DATE_FORMS:
        if m := form.match(text):
            parts = m.groupdict()
            month = _MONTHS[parts["month"].lower()] if parts.get("month") else int(parts["mnum"])
            try:
                return date(int(parts["year"]), month, int(parts["day"])).isoformat()
            except ValueError:
                return None
    if ":" in text:  # RFC 2822, as in feeds: "30 Jul 2025 14:03:00 +0000"
        try:
            return email.utils.parsedate_to_datetime(text).isoformat()
        except (TypeError, ValueError):
            return None
    return None


def iso_date(value: object) -> str | None:
    """A date given as a ``date``, ``datetime`` or string, as an ISO string; else None.

    Only unambiguous written forms are accepted, so the answer never depends on the locale or
    on today's date: ISO 8601 (``2025-07-30``, ``2025-07-30T14:03:00+02:00``), ``July 30,
    2025``, ``30 July 2025``, ``Wed, July 30, 2025 10:15 AM ET`` (the time is dropped),
    ``2025/07/30``, ``30.07.2025`` and RFC 2822 (``Wed, 30 Jul 2025 14:03:00 GMT``). A
    ``datetime`` and ISO 8601 keep their time; the written forms keep the date only, which
    is all that anchoring relative dates needs.

    Example:
        >>> iso_date("July 30, 2025")
        '2025-07-30'
    """
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str):
        return _date_from_text(value)
    return None


# --------------------------------------------------------------------------- metadata


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _meta_from_mapping(
    data: Mapping[str, Any], where: str, *, numbers_are_text: bool = True
) -> dict[str, str]:
    """Pick the metadata fields out of a front-matter or story.toml table.

    In YAML front matter a bare number is how people write a numeric title
    (``title: 1984``), so ``numbers_are_text`` takes it as text; TOML has quoted strings
    only, so in ``story.toml`` (``numbers_are_text=False``) ``outlet = 5`` is refused as a
    mistake rather than taken as the label "5".

    Raises:
        ValueError: a field has a value that is not text (or not a date, for dates); the
            message names the key and ``where`` it was found.
    """
    text_types: tuple[type, ...] = (str, int, float) if numbers_are_text else (str,)
    lowered = {str(k).strip().lower(): v for k, v in data.items()}
    out: dict[str, str] = {}
    for field_name, keys in META_KEYS.items():
        for key in keys:
            value = lowered.get(key)
            if value is None or value == "":
                continue
            if field_name in ("published", "updated"):
                iso = iso_date(value)
                if iso is None:
                    raise ValueError(
                        f"{where} key '{key}' is not a date: {_one_line(repr(value))}; "
                        "write it as YYYY-MM-DD"
                    )
                out[field_name] = iso
            elif isinstance(value, text_types) and not isinstance(value, bool):
                out[field_name] = _one_line(str(value))
            else:
                hint = ' in quotes ("...")' if not numbers_are_text else ""
                raise ValueError(
                    f"{where} key '{key}' must be text{hint}, got {type(value).__name__}"
                )
            break
    return out


_KNOWN_KEYS = tuple(key for keys in META_KEYS.values() for key in keys) + tuple(
    sorted(IGNORED_KEYS)
)


def _warn_unknown_keys(data: Mapping[Any, Any], where: str) -> None:
    """Warn about keys of a metadata table that factcheck does not know (typos, mostly).

    ``where`` names the file and the table: ``"x.md: front matter"``.
    """
    unknown = sorted(
        str(k) for k in data if str(k).strip().lower() not in _KNOWN_KEYS and str(k).strip()
    )
    if not unknown:
        return
    import difflib

    shown = []
    for key in unknown:
        close = difflib.get_close_matches(key.strip().lower(), _KNOWN_KEYS, n=1, cutoff=0.75)
        shown.append(f"'{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    log.warning(
        "%s: unknown key%s %s, ignored; known keys: %s",
        where,
        "" if len(unknown) == 1 else "s",
        ", ".join(shown),
        ", ".join(_KNOWN_KEYS),
    )


@dataclass(frozen=True, slots=True)
class _FrontMatter:
    meta: dict[str, str]
    body_start: int
    data: Mapping[Any, Any]


#: A YAML scalar that PyYAML reads as a timestamp (and fails on when the date does not exist).
_YAML_TIMESTAMP = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:[Tt ].*)?$")


def _impossible_yaml_date(source: str) -> str:
    """Which top-level key of YAML ``source`` holds a date that does not exist, for the error.

    PyYAML's timestamp constructor raises ``ValueError`` ("month must be in 1..12") without
    saying where; the keys are read again as plain strings to find the one.
    """
    try:
        raw = yaml.load(source, Loader=yaml.BaseLoader)  # only strings, lists and dicts
    except yaml.YAMLError:
        return ""
    if isinstance(raw, dict):
        for key, value in raw.items():
            if isinstance(value, str) and _YAML_TIMESTAMP.match(value.strip()):
                try:
                    yaml.safe_load(value)
                except ValueError:
                    return f"key '{key}' is not a real date: {value.strip()}"
    return ""


_FENCES = {"---": "YAML", "+++": "TOML"}


def _front_matter(text: str) -> _FrontMatter:
    """Parse YAML (``---``) or TOML (``+++``) front matter at the very top of ``text``.

    Raises:
        _UnusableError: the front matter is unclosed, does not parse, is not a table, or has a
            bad value.
    """
    first, sep, _ = text.partition("\n")
    fence = first.rstrip()
    if fence not in _FENCES or not sep:
        return _FrontMatter({}, 0, {})
    kind = _FENCES[fence]
    closers = ("---", "...") if kind == "YAML" else ("+++",)
    start = pos = len(first) + 1
    while True:
        end = text.find("\n", pos)
        line_end = len(text) if end == -1 else end
        if text[pos:line_end].rstrip() in closers:
            break
        if end == -1:
            raise _UnusableError(
                f"{kind} front matter opened with '{fence}' on line 1 is never closed"
            )
        pos = end + 1
    source = text[start:pos]
    body_start = len(text) if end == -1 else end + 1
    data: object
    try:
        data = yaml.safe_load(source) if kind == "YAML" else tomllib.loads(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise _UnusableError(f"invalid YAML front matter: {_one_line(problem)}{where}") from err
    except tomllib.TOMLDecodeError as err:  # before ValueError, its base class
        raise _UnusableError(f"invalid TOML front matter: {_one_line(str(err))}") from err
    except ValueError as err:  # a YAML timestamp that is no date: 2026-13-45, 2026-02-30
        which = _impossible_yaml_date(source) or "a date that does not exist"
        raise _UnusableError(
            f"invalid YAML front matter: {which} ({_one_line(str(err))}); write dates as YYYY-MM-DD"
        ) from err
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _UnusableError(
            f"{kind} front matter must be a table of keys and values, got {type(data).__name__}"
        )
    try:
        meta = _meta_from_mapping(data, "front matter")
    except ValueError as err:
        raise _UnusableError(str(err)) from err
    return _FrontMatter(meta, body_start, data)


def _read_story_config(story_dir: Path) -> dict[str, dict[str, str]]:
    """Per-file metadata from ``story.toml``, keyed by file name.

    Raises:
        ConfigError: the file cannot be read, is not valid TOML, or has a bad entry.
    """
    path = story_dir / STORY_CONFIG
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {_one_line(str(err))}") from err
    except UnicodeDecodeError as err:  # tomllib decodes the bytes as UTF-8 itself
        raise ConfigError(
            f"{path}: not UTF-8 (byte {err.start}: {err.object[err.start : err.start + 1]!r}); "
            "save story.toml as UTF-8, as TOML requires"
        ) from err
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from err
    extra = sorted(k for k in data if k != "sources")
    if extra:
        log.warning(
            '%s: unknown top-level key%s %s, ignored; metadata goes in [sources."<file name>"] '
            "tables",
            path,
            "" if len(extra) == 1 else "s",
            ", ".join(f"'{k}'" for k in extra),
        )
    sources = data.get("sources", {})
    if not isinstance(sources, dict):
        raise ConfigError(f'{path}: "sources" must be a table of [sources."<file name>"] tables')
    out: dict[str, dict[str, str]] = {}
    for name, table in sources.items():
        if not isinstance(table, dict):
            raise ConfigError(
                f'{path}: sources."{name}" must be a table with outlet, title, url, published'
            )
        try:
            out[name] = _meta_from_mapping(table, f'sources."{name}"', numbers_are_text=False)
        except ValueError as err:
            raise ConfigError(f"{path}: {err}") from err
        _warn_unknown_keys(table, f'{path}: [sources."{name}"]')
    return out


def _merge_meta(*layers: Mapping[str, str]) -> ArticleMeta:
    """Merge metadata layers; the first layer with a value for a field wins."""
    merged: dict[str, str] = {}
    for layer in layers:
        for key, value in layer.items():
            merged.setdefault(key, value)
    return ArticleMeta(**merged)


# --------------------------------------------------------------------------- decoding


def _read_bytes(path: Path, max_file_bytes: int) -> bytes:
    """The file's bytes, opened read-only; the size is checked before reading.

    Raises:
        _UnusableError: too large, unreadable, or empty.
    """
    try:
        with path.open("rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_file_bytes:
                raise _UnusableError(
                    f"file too large: {size:,} bytes ({size / _MB:.1f} MB), over the limit of "
                    f"{max_file_bytes:,} bytes ({max_file_bytes / _MB:.1f} MB); "
                    "raise it with --max-file-mb"
                )
            raw = fh.read(max_file_bytes + 1)
    except PermissionError as err:
        raise _UnusableError("cannot read file: permission denied") from err
    except OSError as err:
        raise _UnusableError(f"cannot read file: {err.strerror or err}") from err
    if len(raw) > max_file_bytes:  # grew while we read it
        raise _UnusableError(
            f"file too large: over the limit of {max_file_bytes:,} bytes; "
            "raise it with --max-file-mb"
        )
    if not raw:
        raise _UnusableError("file is empty (0 bytes)")
    return raw


#: The byte positions named in the warning about stray bytes in a UTF-8 file.
_SHOWN_POSITIONS = 5
_STRAY = re.compile("[\udc80-\udcff]")


def _mostly_utf8(raw: bytes, path: Path) -> tuple[str, str] | None:
    """Decode a UTF-8 file with a few stray bytes, each read as Windows-1252; else None.

    A file pasted together from two sources is UTF-8 with a stray cp1252 byte or two (a
    "é" saved by an old editor). Detection then reads the whole file in a code page that
    fits every byte equally badly ("‚Äú$42 million‚ÄĚ"). It is taken for UTF-8 when its
    valid multi-byte sequences are at least as many as its invalid bytes: a legacy file
    almost never holds a valid UTF-8 sequence by chance. The stray bytes are logged.
    """
    text = raw.decode("utf-8", errors="surrogateescape")
    stray = [m.start() for m in _STRAY.finditer(text)]
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - len(stray)
    if not stray or multibyte < len(stray):
        return None
    positions = [len(text[:i].encode("utf-8", "surrogateescape")) for i in stray[:_SHOWN_POSITIONS]]
    shown = ", ".join(map(str, positions)) + (", ..." if len(stray) > len(positions) else "")
    log.warning(
        "%s is UTF-8 except for %d byte%s (at byte %s); read %s as Windows-1252",
        path,
        len(stray),
        "" if len(stray) == 1 else "s",
        shown,
        "it" if len(stray) == 1 else "them",
    )
    return _STRAY.sub(lambda m: _cp1252_char(ord(m.group(0)) - 0xDC00), text), "utf-8+cp1252"


def _cp1252_char(byte: int) -> str:
    """The Windows-1252 character of one byte; U+FFFD for the five bytes it leaves unused."""
    return bytes([byte]).decode("cp1252", errors="replace")


def _detect(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only needed for the rare non-UTF-8 file

    results = from_bytes(raw)
    best = results.best()
    if best is None:
        raise _UnusableError(
            "cannot decode: not UTF-8 and no text encoding could be detected; "
            "convert the file to UTF-8"
        )
    # Detection on a short article is a guess among code pages that decode it equally well
    # (cp775 and cp1250 tie with cp1252 on "Zürich"). For news text, Windows-1252 is by far
    # the most common legacy encoding, so it wins whenever it reads as well as the best.
    try:
        western = raw.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and any(
        str(m) == western for m in results if m.chaos <= best.chaos + _CHAOS_SLACK
    ):
        return western, "cp1252"
    text, encoding = str(best), str(best.encoding)
    unusual = _unusual_share(text)
    if best.coherence < MIN_DETECTION_COHERENCE and unusual > MAX_UNUSUAL_SHARE:
        raise _UnusableError(
            f"cannot decode: not UTF-8, and the best guess ({encoding}) reads {unusual:.0%} of "
            "it as unusual characters, so it is probably another encoding; convert the file "
            "to UTF-8"
        )
    return text, encoding


def _unusual_share(text: str) -> float:
    """The share of visible characters that are neither ASCII, Latin letters, punctuation
    nor currency signs (what a wrong code page makes of text)."""
    visible = [c for c in text if not c.isspace()]
    if not visible:
        return 0.0
    unusual = sum(
        1
        for c in visible
        if not c.isascii()
        and unicodedata.category(c)[0] != "P"
        and unicodedata.category(c) != "Sc"
        and not unicodedata.name(c, "").startswith("LATIN ")
    )
    return unusual / len(visible)


def _binary_kind(raw: bytes) -> str | None:
    """What binary format ``raw`` starts like (:data:`BINARY_SIGNATURES`), if any."""
    return next((what for sig, what in BINARY_SIGNATURES if raw.startswith(sig)), None)


def _utf16_without_bom(raw: bytes) -> str | None:
    """The codec of a UTF-16 file without a byte-order mark, by its NUL bytes; else None."""
    pairs = len(raw) // 2
    if pairs < 2:
        return None
    odd = raw[1 : 2 * pairs : 2].count(0) / pairs
    even = raw[0 : 2 * pairs : 2].count(0) / pairs
    if odd >= _UTF16_NUL_SHARE and even <= 1 - _UTF16_NUL_SHARE:
        return "utf-16-le"
    if even >= _UTF16_NUL_SHARE and odd <= 1 - _UTF16_NUL_SHARE:
        return "utf-16-be"
    return None


def _decode(raw: bytes, path: Path, fmt: TextFormat) -> tuple[str, str]:
    """Decode ``raw`` to text and name the encoding used.

    Raises:
        _UnusableError: binary or undecodable.
    """
    if (kind := _binary_kind(raw)) is not None:
        raise _UnusableError(f"binary file ({kind}); expected a text or HTML article")
    if (codec := sniff_bom(raw)) is not None:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError as err:
            name = bom_name(codec)
            raise _UnusableError(
                f"cannot decode: starts with a {name} byte-order mark but is not valid {name} "
                f"(byte {err.start}); convert the file to UTF-8"
            ) from err
        return text.removeprefix("\ufeff"), codec
    if b"\x00" in raw:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            try:
                text = raw.decode(utf16)
            except UnicodeDecodeError:
                pass
            else:
                log.warning(
                    "%s has no byte-order mark but every other byte is NUL; read it as %s",
                    path,
                    utf16.upper(),
                )
                return text, utf16
        raise _UnusableError("binary file (contains NUL bytes); expected a text or HTML article")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if fmt is TextFormat.HTML and (m := META_CHARSET.search(raw[:4096])):
        declared = m.group(1).decode("ascii", "replace").lower()
        try:
            return raw.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %s does not decode it", path, declared)
    if (mixed := _mostly_utf8(raw, path)) is not None:
        return mixed
    text, encoding = _detect(raw)
    log.warning("%s is not UTF-8; decoded it as %s (detected)", path, encoding)
    return text, encoding


def _check_text(text: str) -> None:
    """Raise if decoded text is binary or has nothing in it."""
    sample = text[:65536]
    control = sum(1 for c in sample if c not in "\t\n\r\f" and unicodedata.category(c) == "Cc")
    if sample and control / len(sample) > MAX_CONTROL_SHARE:
        raise _UnusableError(
            f"binary file ({control / len(sample):.0%} control characters); "
            "expected a text or HTML article"
        )
    if not text.strip():
        raise _UnusableError("file is empty (whitespace only)")


def _check_length(text: str) -> None:
    """Raise if ``text`` holds more sentences than one article has (:data:`MAX_SENTENCES`)."""
    count = sum(1 for _ in _SENTENCE_END.finditer(text))
    if count > MAX_SENTENCES:
        raise _UnusableError(
            f"too many statements for one article: about {count:,} sentences (limit "
            f"{MAX_SENTENCES:,}); put one article in each file"
        )


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- HTML


def _extract_html(html: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata of an HTML page, via trafilatura.

    Raises:
        _UnusableError: trafilatura finds no main text.
    """
    import trafilatura  # heavy (lxml, htmldate, ...): only for HTML articles

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _normalise_newlines(getattr(doc, "text", None) or "") if doc is not None else ""
    if not text.strip():
        raise _UnusableError("no main text found in HTML")
    meta: dict[str, str] = {}
    for field_name, attr in (
        ("title", "title"),
        ("url", "url"),
        ("outlet", "sitename"),
        ("published", "date"),
    ):
        value = getattr(doc, attr, None)
        if isinstance(value, str) and value.strip():
            meta[field_name] = _one_line(value)
    if "published" in meta:
        iso = iso_date(meta["published"])
        if iso is None:
            del meta["published"]
        else:
            meta["published"] = iso
    stamp = _published_time(html)
    if stamp is not None and meta.get("published", stamp[:10]) == stamp[:10]:
        meta["published"] = stamp  # the same day, with its time: updates can be ordered
    return text, meta


#: Where a page states its publication time in full (trafilatura keeps the date only):
#: ``<meta property="article:published_time" content="…">`` and its kin, or JSON-LD.
_PUBLISHED_META = re.compile(
    r"""<meta\b(?=[^>]*\b(?:property|name|itemprop)\s*=\s*["']?"""
    r"""(?:article:published_time|og:published_time|datePublished|pubdate|publishdate)["'\s>])"""
    r"""[^>]*\bcontent\s*=\s*["']([^"']+)["']""",
    re.IGNORECASE,
)
_PUBLISHED_JSON_LD = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _published_time(html: str) -> str | None:
    """The page's own publication timestamp (ISO 8601 with a time), or None.

    Example:
        >>> _published_time('<meta property="article:published_time" '
        ...                 'content="2026-03-05T06:00:00+00:00">')
        '2026-03-05T06:00:00+00:00'
    """
    for pattern in (_PUBLISHED_META, _PUBLISHED_JSON_LD):
        for found in pattern.finditer(html):
            iso = iso_date(found.group(1).strip())
            if iso is not None and "T" in iso:
                return iso
    return None


# --------------------------------------------------------------------------- articles


_SUFFIX_RANK = {suffix: rank for rank, suffix in enumerate(ARTICLE_SUFFIXES)}


#: How a markdown report of :mod:`factcheck.report` begins: its title, then its comment.
_REPORT_HEAD = re.compile(rb"\A# factcheck report: [^\n]*\n\n<!-- factcheck ")


def _is_report(path: Path) -> bool:
    """True for a markdown report that factcheck wrote (``--out`` was the story folder)."""
    if ARTICLE_SUFFIXES.get(path.suffix.lower()) is not TextFormat.MD:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError:
        return False  # read_story reports the unreadable file
    return _REPORT_HEAD.match(head) is not None


def _source_ids(files: list[Path]) -> dict[Path, str]:
    """Each file's source ID: its stem; among files sharing a stem, all but one take their
    full name.

    Reports name sources by ID, so an ID must not change when other files come and go. A
    file's ID depends only on its own name and the names sharing its stem: adding or
    removing a file with another stem changes no ID. Of files sharing a stem, the one whose
    suffix comes first in :data:`ARTICLE_SUFFIXES` (``.txt``, ``.md``, ``.markdown``,
    ``.html``, ``.htm``; then by name) keeps the stem, so ``herald.md`` added beside
    ``herald.txt`` is ``herald.md`` and ``herald.txt`` stays ``herald``. IDs come from names
    alone, with no memory of which file came first, so a ``herald.txt`` added beside an
    older ``herald.html`` does take the stem; a warning names both, and renaming one file
    gives each its own stem.

    A file name that is not valid UTF-8 gives an ID with each undecodable byte escaped
    (:func:`printable`: ``caf\\xe9``), so that the ID can be written to reports; a warning
    names the file.
    """
    groups: dict[str, list[Path]] = {}
    for path in files:
        groups.setdefault(printable(path.stem), []).append(path)
        if printable(path.name) != path.name:
            log.warning(
                "%s: file name is not valid UTF-8; its source ID is '%s' (each undecodable "
                "byte written as \\xNN); rename the file to keep IDs readable",
                printable(path),
                printable(path.stem),
            )
    ids: dict[Path, str] = {}
    for stem, group in groups.items():
        group.sort(key=lambda p: (_SUFFIX_RANK[p.suffix.lower()], p.name))
        ids.update({p: stem if i == 0 else printable(p.name) for i, p in enumerate(group)})
        if len(group) > 1:
            log.warning(
                "%s share the stem '%s': source ID '%s' is %s, the other%s named by file "
                "name; give each file its own stem to keep IDs short",
                " and ".join(printable(p) for p in sorted(group)),
                stem,
                stem,
                printable(group[0].name),
                " is" if len(group) == 2 else "s are",
            )
    taken = Counter(ids.values())  # a full name equal to another file's stem: "a.md.txt"
    return {
        p: printable(p.name) if taken[ids[p]] > 1 and ids[p] != printable(p.name) else ids[p]
        for p in files
    }


def _read_article(
    path: Path, source_id: str, max_file_bytes: int, config: Mapping[str, str]
) -> Article:
    fmt = ARTICLE_SUFFIXES[path.suffix.lower()]
    raw = _read_bytes(path, max_file_bytes)
    text, encoding = _decode(raw, path, fmt)
    _check_text(text)
    text = _normalise_newlines(text)
    if fmt is TextFormat.HTML:
        text, html_meta = _extract_html(text)
        _check_length(text)
        return Article(
            source_id=source_id,
            path=path,
            text=text,
            body_start=0,
            format=fmt,
            encoding=encoding,
            meta=_merge_meta(config, html_meta),
        )
    front = _front_matter(text)
    _warn_unknown_keys(front.data, f"{path}: front matter")
    if not text[front.body_start :].strip():
        raise _UnusableError("file has front matter but no article text after it")
    _check_length(text[front.body_start :])
    return Article(
        source_id=source_id,
        path=path,
        text=text,
        body_start=front.body_start,
        format=fmt,
        encoding=encoding,
        meta=_merge_meta(config, front.meta),
    )


def read_story(story_dir: Path, *, max_file_bytes: int) -> tuple[list[Article], list[FileFailure]]:
    """Read every article file of one story folder.

    Files are read in name order. Hidden files, subfolders and ``story.toml`` are not
    articles; files with other suffixes, a folder named like an article (``notes.txt/``),
    and markdown reports factcheck wrote into the folder, are skipped with a warning. A
    file that cannot be used (also an article name that is no regular file: a broken
    symbolic link, a named pipe) is reported as a :class:`FileFailure` and the others are
    still read.

    Args:
        story_dir: a folder holding one article per file.
        max_file_bytes: larger files are refused (the CLI's ``--max-file-mb``).

    Returns:
        The articles and the files that could not be used, each in file-name order.

    Raises:
        CorpusError: ``story_dir`` is not a folder or cannot be listed.
        ConfigError: ``story.toml`` is invalid.
    """
    if not story_dir.is_dir():
        raise CorpusError(story_dir, "not a folder; expected a story folder")
    try:
        entries = sorted(p for p in story_dir.iterdir() if not _is_hidden(p))
    except OSError as err:
        raise CorpusError(story_dir, f"cannot list folder: {err.strerror or err}") from err
    config = _read_story_config(story_dir)
    files: list[Path] = []
    reports: list[Path] = []
    failures: list[FileFailure] = []
    for p in entries:
        if p.name == STORY_CONFIG:
            continue
        if p.is_dir():
            if _is_article_name(p):
                log.warning("skipping %s: a folder, not an article file", printable(p))
            continue
        if not _is_article_name(p):
            log.warning("skipping %s: not a .txt, .md or .html file", printable(p))
        elif (problem := _not_a_file(p)) is not None:
            failures.append(FileFailure(p, problem))
        elif _is_report(p):
            reports.append(p)
        else:
            files.append(p)
    if reports:
        log.warning(
            "skipping %s: factcheck report%s, not articles; write reports outside the story folder",
            ", ".join(str(p) for p in reports),
            "" if len(reports) == 1 else "s",
        )
    names = {p.name for p in files} | {f.path.name for f in failures}
    for name in sorted(config):
        if name not in names:
            log.warning(
                '%s: [sources."%s"] names a file that is not in the story folder',
                story_dir / STORY_CONFIG,
                name,
            )
    articles: list[Article] = []
    for path, source_id in _source_ids(files).items():
        try:
            articles.append(
                _read_article(path, source_id, max_file_bytes, config.get(path.name, {}))
            )
        except _UnusableError as err:
            failures.append(FileFailure(path, str(err)))
    return articles, sorted(failures, key=lambda f: f.path)
