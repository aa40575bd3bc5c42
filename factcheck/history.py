"""Stories and reports at other git revisions, for ``factcheck diff --rev`` and baselines.

A story at a revision is read with plain git plumbing (``ls-tree`` and ``cat-file``) into
a temporary folder with the same layout, then run through the same pipeline as the working
tree, so both sides of a diff are computed by the same code, model and settings; the
embedding cache makes the second run cheap. Nothing in the working tree or the index is
touched.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError, CorpusError

__all__ = ["Baseline", "read_at", "reports_at", "story_tree_at"]


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


def _locate(path: Path) -> tuple[Path, str]:
    """The repository root holding ``path`` and ``path`` relative to it (posix)."""
    folder = path if path.is_dir() else path.parent
    if not folder.exists():
        raise CorpusError(path, "no such file or folder")
    try:
        root = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except ConfigError as err:
        raise ConfigError(f"{path}: not inside a git repository; --rev needs one") from err
    rel = path.resolve().relative_to(root.resolve()).as_posix()
    return root, "" if rel == "." else rel


def _verify(root: Path, rev: str) -> str:
    try:
        return _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}").decode().strip()
    except ConfigError as err:
        raise ConfigError(f"--rev {rev}: no such git revision") from err


def read_at(path: Path, rev: str) -> bytes | None:
    """The content of file ``path`` at revision ``rev``, or None when it did not exist."""
    root, rel = _locate(path)
    commit = _verify(root, rev)
    try:
        return _git(root, "show", f"{commit}:{rel}")
    except ConfigError:
        return None


@contextmanager
def story_tree_at(path: Path, rev: str) -> Iterator[Path]:
    """A temporary copy of folder ``path`` as it was at ``rev`` (empty if it did not exist).

    The copy keeps the folder's name, so story names match the working tree's.
    """
    root, rel = _locate(path)
    commit = _verify(root, rev)
    listing = _git(root, "ls-tree", "-r", "-z", "--name-only", commit, "--", rel or ".")
    names = [n for n in listing.decode("utf-8").split("\0") if n]
    with tempfile.TemporaryDirectory(prefix="factcheck-rev-") as tmp:
        base = Path(tmp) / (path.resolve().name or "root")
        base.mkdir()
        for name in names:
            inner = name[len(rel) + 1 :] if rel else name
            target = base / inner
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_git(root, "cat-file", "blob", f"{commit}:{name}"))
        yield base


def reports_at(path: Path, rev: str, *, settings: Any) -> dict[str, dict[str, Any]]:
    """JSON reports (as dicts) of every story under ``path`` at ``rev``, by story name.

    ``path`` is a story folder or a folder of stories, as for ``factcheck check``.
    """
    from factcheck.pipeline import check
    from factcheck.report_json import to_json

    with story_tree_at(path, rev) as tree:
        if not any(tree.iterdir()):
            return {}
        try:
            return {r.name: to_json(r) for r in check(tree, settings=settings) if r.articles}
        except CorpusError:
            return {}  # nothing readable at that revision: every story is new


class Baseline:
    """Where the previous report of a story comes from, for ``--fail-on new-...``.

    ``spec`` is None (the report already in the output folder, read before it is
    overwritten), a folder holding ``<story>.json`` reports, or a git revision: the report
    committed at that revision, else one computed from the corpus at that revision.
    """

    def __init__(self, spec: str | None, *, out: Path, corpus: Path, settings: Any) -> None:
        self.spec = spec
        self.out = out
        self.corpus = corpus
        self.settings = settings
        self._computed: dict[str, dict[str, Any]] | None = None

    def report(self, story: str) -> dict[str, Any] | None:
        import json

        name = f"{story}.json"
        if self.spec is None:
            path = self.out / name
            return _load_json(path) if path.is_file() else None
        folder = Path(self.spec)
        if folder.is_dir():
            path = folder / name
            return _load_json(path) if path.is_file() else None
        committed = read_at(self.out / name, self.spec) if self.out.exists() else None
        if committed is not None:
            loaded: dict[str, Any] = json.loads(committed)
            return loaded
        if self._computed is None:
            self._computed = reports_at(self.corpus, self.spec, settings=self.settings)
        return self._computed.get(story)


def _load_json(path: Path) -> dict[str, Any]:
    import json

    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise CorpusError(path, f"cannot read the baseline report: {err}") from err
    return data
