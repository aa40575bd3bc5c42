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
import subprocess
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
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
        root = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
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


@contextmanager
def story_tree_at(path: Path, rev: str, *, option: str = "--rev") -> Iterator[Path]:
    """A temporary copy of folder ``path`` as it was at ``rev`` (empty if it did not exist).

    The copy keeps the folder's name, so story names match the working tree's.

    Raises:
        ConfigError: ``path`` is not in a git repository, or ``rev`` is not a revision
            (the message names ``option``).
        CorpusError: ``path`` is a file, now or at ``rev``.
    """
    if path.exists() and not path.is_dir():
        raise CorpusError(path, f"is a file; {option} needs a story folder or a folder of stories")
    root, rel = _locate(path, option)
    commit = _verify(root, rev, option)
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", rel or ".")
    names = [n for n in listing.decode("utf-8").split("\0") if n]
    if rel and rel in names:  # a file at the revision, though gone (or a folder) now
        raise CorpusError(
            path, f"is a file at {rev}; {option} needs a story folder or a folder of stories"
        )
    with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as tmp:
        base = Path(tmp) / (path.resolve().name or "root")
        base.mkdir()
        for name in names:
            inner = name[len(rel) + 1 :] if rel else name
            target = base / inner
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git(root, "cat-file", "blob", f"{commit}:{name}"))
        yield base


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
