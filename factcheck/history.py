"""Stories and reports at other git revisions, for ``factcheck diff --rev`` and baselines.

A story at a revision is read with plain git plumbing (``ls-tree`` and ``cat-file``) into
a temporary folder with the same layout, then run through the same pipeline as the working
tree, so both sides of a diff are computed by the same code, model and settings; the
embedding cache makes the second run cheap. Nothing in the working tree or the index is
touched. The repository is the one that holds the corpus (never the output folder).

The CI gate's baseline (:class:`Baseline`) at a git revision is computed the same way,
from the corpus at that revision, and never read from a report committed there: a
committed report can be stale or come from another version of factcheck, and then the gate
would fail on a conflict the pull request did not bring, while the diff comment (which
recomputes) shows none. So ``check --baseline REV`` and ``diff --rev REV`` always agree.
"""

from __future__ import annotations

import logging
import os
import posixpath
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import ConfigError, CorpusError

if TYPE_CHECKING:
    from factcheck.diff import StoryDiff

__all__ = [
    "Baseline",
    "check_gate_options",
    "diff_revision",
    "read_at",
    "reports_at",
    "story_tree_at",
]

log = logging.getLogger(__name__)


def _git(cwd: Path, *args: str, input_bytes: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=input_bytes, capture_output=True, check=False
        )
    except FileNotFoundError as err:
        raise ConfigError("git is not installed; --rev and --baseline REV need it") from err
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ConfigError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return done.stdout


def _locate(path: Path, option: str) -> tuple[Path, str]:
    """The repository root holding ``path`` and ``path`` relative to it (posix).

    ``path`` need not exist (a story deleted since the revision): git is asked from its
    nearest existing parent folder.
    """
    full = path.resolve()
    folder = full
    while not folder.is_dir():
        if folder.parent == folder:
            raise CorpusError(path, "no such file or folder")
        folder = folder.parent
    try:
        root = Path(os.fsdecode(_git(folder, "rev-parse", "--show-toplevel").strip()))
    except ConfigError as err:
        raise ConfigError(f"{path}: not inside a git repository; {option} needs one") from err
    rel = full.relative_to(root.resolve()).as_posix()
    return root, "" if rel == "." else rel


def _verify(root: Path, rev: str, option: str) -> str:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except ConfigError as err:
        raise ConfigError(f"{option} {rev}: no such git revision") from err


def read_at(path: Path, rev: str, *, option: str = "--rev") -> bytes | None:
    """The content of file ``path`` at revision ``rev``, or None when it did not exist.

    ``option`` names the command-line option in error messages.
    """
    root, rel = _locate(path, option)
    commit = _verify(root, rev, option)
    try:
        return _git(root, "show", f"{commit}:{rel}")
    except ConfigError:
        return None


#: Git's file modes: a symbolic link, and a submodule (a commit, not a blob).
_SYMLINK_MODE = "120000"
_SUBMODULE_MODE = "160000"
#: A chain of symbolic links longer than this is a loop (Linux stops at 40 too).
_MAX_LINK_HOPS = 40


@dataclass(frozen=True, slots=True)
class _Entry:
    mode: str
    kind: str  # "blob", "tree" or "commit"
    sha: str
    name: str  # posix path from the repository root


def _ls_tree(root: Path, commit: str, *paths: str) -> dict[str, _Entry]:
    """``git ls-tree -r -t`` of ``paths`` at ``commit``: every entry with its mode, by path.

    Names are decoded as the file system does (``surrogateescape``), so a name that is not
    valid UTF-8 still names the same file; :func:`factcheck.ingest.printable` shows it.
    """
    listing = _git(root, "ls-tree", "-r", "-t", "-z", commit, "--", *paths)
    entries = {}
    for record in listing.split(b"\0"):
        if not record:
            continue
        info, _, raw_name = record.partition(b"\t")
        mode, kind, sha = info.decode("ascii").split()
        name = os.fsdecode(raw_name)
        entries[name] = _Entry(mode, kind, sha, name)
    return entries


class _Revision:
    """The files of one commit, read with ``ls-tree`` and ``cat-file``, links resolved.

    ``entries`` starts as the listing of the folder asked for; the whole commit is listed
    only when a symbolic link points out of that folder.
    """

    def __init__(self, root: Path, commit: str, rev: str, rel: str) -> None:
        self.root = root
        self.commit = commit
        self.rev = rev
        self.rel = rel
        self.entries = _ls_tree(root, commit, rel or ".")
        self._whole = not rel

    def _listing(self, prefix: str) -> dict[str, _Entry]:
        inside = not self.rel or prefix == self.rel or prefix.startswith(f"{self.rel}/")
        if not (inside or self._whole):
            self.entries = _ls_tree(self.root, self.commit)
            self._whole = True
        return self.entries

    def blob(self, entry: _Entry) -> bytes:
        return _git(self.root, "cat-file", "blob", entry.sha)

    def shown(self, name: str) -> str:
        """How messages name ``name``: ``REV:path``."""
        from factcheck.filenames import printable

        return printable(f"{self.rev}:{name}")

    def resolve(self, name: str, hops: int = 0) -> _Entry | Path | None:
        """What ``name`` is at the revision, following symbolic links on the way: an entry,
        an absolute path outside the repository, or None (missing, or a link loop)."""
        parts = name.split("/")
        for i in range(1, len(parts) + 1):
            entry = self._listing(name).get("/".join(parts[:i]))
            if entry is None or entry.mode != _SYMLINK_MODE:
                if entry is None or i == len(parts):
                    return entry
                continue
            if hops >= _MAX_LINK_HOPS:
                return None
            rest = "/".join(parts[i:])
            target = self._link_target(entry)
            if isinstance(target, Path):
                return target / rest if rest else target
            return self.resolve(posixpath.join(target, rest) if rest else target, hops + 1)
        return None

    def _link_target(self, link: _Entry) -> str | Path:
        """Where ``link`` points: a path from the repository root, or an absolute path
        outside the repository."""
        target = os.fsdecode(self.blob(link))
        root = self.root.resolve()
        if posixpath.isabs(target):
            full = Path(posixpath.normpath(target))
            return full.relative_to(root).as_posix() if full.is_relative_to(root) else full
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(link.name), target))
        if joined == ".." or joined.startswith("../"):
            return Path(posixpath.normpath(posixpath.join(root.as_posix(), joined)))
        return joined

    def copy(self, prefix: str, base: Path, chain: tuple[str, ...] = ()) -> None:
        """Write the files under folder ``prefix`` of the repository below ``base``.

        A symbolic link is resolved in the revision's own tree: a link to a file holds that
        file's content at the revision, a link to a folder that folder's files, a link that
        points nowhere there stays a link that points nowhere (so the story reports it as
        a broken link, as a checkout of the revision would), and a link out of the
        repository points where it points from the working tree (git does not keep that
        file's history, so both sides read it as it is now). A submodule is skipped with a
        warning.
        """
        lead = f"{prefix}/" if prefix else ""
        for name, entry in sorted(self._listing(prefix).items()):
            if name.startswith(lead) and entry.kind != "tree":
                self._place(entry, base / name[len(lead) :], (*chain, prefix))

    def _place(self, entry: _Entry, target: Path, chain: tuple[str, ...]) -> None:
        if entry.mode == _SUBMODULE_MODE:
            log.warning("skipping %s: a git submodule, not read", self.shown(entry.name))
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.mode != _SYMLINK_MODE:
            target.write_bytes(self.blob(entry))
            return
        found = self.resolve(entry.name)
        if isinstance(found, Path):
            log.warning(
                "%s links to %s, outside the repository; it is read as it is now",
                self.shown(entry.name),
                found,
            )
            target.symlink_to(found)
        elif found is None:
            target.symlink_to(os.fsdecode(self.blob(entry)))  # broken, as in a checkout
            if target.exists():  # the link text happens to lead somewhere from the copy
                target.unlink()
                log.warning("skipping %s: its link target is missing", self.shown(entry.name))
        elif found.kind == "tree":
            if any(found.name == c or c.startswith(f"{found.name}/") for c in chain):
                log.warning("skipping %s: links to a folder it is in", self.shown(entry.name))
                return
            target.mkdir()
            self.copy(found.name, target, chain)
        elif found.kind == "blob":
            target.write_bytes(self.blob(found))
        else:
            log.warning("skipping %s: links to a git submodule", self.shown(entry.name))


@contextmanager
def story_tree_at(path: Path, rev: str, *, option: str = "--rev") -> Iterator[Path]:
    """A temporary copy of folder ``path`` as it was at ``rev`` (empty if it did not exist).

    The copy keeps the folder's name, so story names match the working tree's. Symbolic
    links are resolved in the revision's tree (see :meth:`_Revision.copy`), so that a
    committed link to an article reads as that article, as it does in the working tree.
    While the copy is in use, log messages and errors that name a file in it name it as
    ``REV:path`` (``HEAD:corpora/dam-repair/photo.png``), never by the temporary folder.

    Raises:
        ConfigError: ``path`` is not in a git repository, or ``rev`` is not a revision
            (the message names ``option``).
        CorpusError: ``path`` is a file, now or at ``rev``.
    """
    if path.exists() and not path.is_dir():
        raise CorpusError(path, f"is a file; {option} needs a story folder or a folder of stories")
    root, rel = _locate(path, option)
    commit = _verify(root, rev, option)
    revision = _Revision(root, commit, rev, rel)
    top = revision.resolve(rel) if rel in revision.entries else None
    if isinstance(top, _Entry) and top.kind != "tree":
        # a file at the revision, though gone (or a folder) now
        raise CorpusError(
            path, f"is a file at {rev}; {option} needs a story folder or a folder of stories"
        )
    with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as tmp:
        base = Path(tmp) / (path.resolve().name or "root")
        base.mkdir()
        if not rel or isinstance(top, _Entry):  # the folder itself, or the one it links to
            revision.copy(top.name if isinstance(top, _Entry) else rel, base)
        with _named_at(base, revision.shown(rel or ".")):
            yield base


class _Rename(logging.Filter):
    """Rewrites a log record's message, replacing folder names."""

    def __init__(self, names: Mapping[str, str]) -> None:
        super().__init__()
        self.names = names

    def rename(self, text: str) -> str:
        for old, new in self.names.items():
            text = text.replace(old, new)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = self.rename(record.getMessage())
        record.args = None
        return True


@contextmanager
def _named_at(base: Path, shown: str) -> Iterator[None]:
    """Within the block, messages name files under ``base`` (a temporary copy) as under
    ``shown`` (``HEAD:corpora``): the log records that reach the handlers of the
    ``factcheck`` logger (and, where it propagates, of its parents), and the message of a
    :class:`CorpusError` or :class:`ConfigError` raised through it."""
    names = {str(base.resolve()): shown, str(base): shown}
    rename = _Rename(names)
    handlers: list[logging.Handler] = []
    logger: logging.Logger | None = logging.getLogger("factcheck")
    while logger is not None:
        handlers.extend(logger.handlers)
        logger = logger.parent if logger.propagate else None
    for handler in handlers:
        handler.addFilter(rename)
    try:
        yield
    except CorpusError as err:
        raise CorpusError(rename.rename(str(err.path)), rename.rename(err.problem)) from err
    except ConfigError as err:
        raise ConfigError(rename.rename(str(err))) from err
    finally:
        for handler in handlers:
            handler.removeFilter(rename)


def _reports(path: Path, settings: Any) -> dict[str, dict[str, Any]]:
    """JSON reports of the stories under ``path`` that have a usable article; none when
    ``path`` holds no article files at all."""
    from factcheck.pipeline import check
    from factcheck.report_json import to_json

    try:
        return {r.name: to_json(r) for r in check(path, settings=settings) if r.articles}
    except CorpusError:
        return {}  # no articles there: every story is new (or gone)


def reports_at(
    path: Path, rev: str, *, settings: Any, option: str = "--rev"
) -> dict[str, dict[str, Any]]:
    """JSON reports (as dicts) of every story under ``path`` at ``rev``, by story name.

    ``path`` is a story folder or a folder of stories, as for ``factcheck check``.
    """
    with story_tree_at(path, rev, option=option) as tree:
        return _reports(tree, settings) if any(tree.iterdir()) else {}


def diff_revision(path: Path, rev: str, *, settings: Any) -> list[StoryDiff]:
    """What changed in every story under ``path`` since ``rev`` (for ``diff --rev``).

    A story only at ``rev`` is reported as removed, one only in the working tree as added.

    Raises:
        CorpusError: ``path`` exists neither in the working tree nor at ``rev`` (a typo).
        ConfigError: not a git repository, or no such revision.
    """
    from factcheck.diff import diff_reports

    with story_tree_at(path, rev) as tree:
        existed = any(tree.iterdir())
        old = _reports(tree, settings) if existed else {}
    if not existed and not path.exists():
        raise CorpusError(path, f"no such file or folder, neither now nor at {rev}")
    new = _reports(path, settings) if path.exists() else {}
    return [diff_reports(old.get(n), new.get(n)) for n in sorted(old.keys() | new.keys())]


def check_gate_options(conditions: Iterable[str], spec: str | None, formats: Iterable[str]) -> None:
    """Refuse a gate that can never see its baseline, before any work is done.

    Without ``--baseline`` the baseline of ``new-*`` conditions is the JSON report of the
    previous run in ``--out``; a run that writes markdown only never writes it, so every
    conflict would count as new on every run.

    Raises:
        ConfigError: a ``new-*`` condition, no ``spec`` and no ``json`` in ``formats``.
    """
    fresh = sorted(c for c in conditions if c.startswith("new-"))
    if fresh and spec is None and "json" not in set(formats):
        raise ConfigError(
            f"--fail-on {fresh[0]} compares with the JSON report of the previous run in "
            "--out, which --format md does not write; use --format both, or give --baseline "
            "(a folder of JSON reports or a git revision)"
        )


class Baseline:
    """Where the previous report of a story comes from, for ``--fail-on new-...``.

    ``spec`` is None (the JSON report already in the output folder, read before it is
    overwritten), a folder holding ``<story>.json`` reports, or a git revision: then the
    reports are computed from the corpus at that revision, with the same settings, exactly
    as ``factcheck diff --rev`` computes its old side (a report committed at that revision
    is not used: it may be stale). A story with no baseline report is new: every conflict
    in it counts as new, and a warning says so unless the story did not exist at ``spec``.
    """

    def __init__(self, spec: str | None, *, out: Path, corpus: Path, settings: Any) -> None:
        self.spec = spec
        self.out = out
        self.corpus = corpus
        self.settings = settings
        self._computed: dict[str, dict[str, Any]] | None = None

    def report(self, story: str) -> dict[str, Any] | None:
        """The baseline report of ``story`` (validated), or None when there is none.

        Raises:
            CorpusError: the baseline file cannot be read or is not a valid report.
            ConfigError: ``spec`` is neither a folder nor a git revision of the corpus.
        """
        name = f"{story}.json"
        if self.spec is None or Path(self.spec).is_dir():
            folder = self.out if self.spec is None else Path(self.spec)
            path = folder / name
            if not path.is_file():
                log.warning("%s: no baseline report %s; every conflict counts as new", story, path)
                return None
            from factcheck.diff import load_report

            return load_report(path)
        if self._computed is None:
            root, _ = _locate(self.corpus, "--baseline")
            try:
                _verify(root, self.spec, "--baseline")
            except ConfigError as err:
                raise ConfigError(
                    f"--baseline {self.spec}: neither a folder of JSON reports nor a git revision"
                ) from err
            self._computed = reports_at(
                self.corpus, self.spec, settings=self.settings, option="--baseline"
            )
        found = self._computed.get(story)
        if found is None:
            log.info("%s: not in the corpus at %s; every conflict counts as new", story, self.spec)
        return found
