"""The ``factcheck`` command line: a thin typer layer over the library.

Only this module exits: it turns :class:`FactcheckError` into ``error: <message>`` on stderr
and an exit code. Exit codes:

- 0: every file of every story was used and every report written;
- 1: an input problem (a missing path, an empty folder, a file that could not be used,
  which is reported while the other files are still processed) or a failed stage;
- 2: a usage problem: an unknown option, a bad option value, an invalid story.toml;
- 3: ``check --fail-on``: a report meets a chosen condition (a conflict, a new conflict...).

Heavy modules (pandas, spaCy, torch) are imported inside the commands, so ``factcheck
--help`` answers at once.
"""

from __future__ import annotations

import logging
import math
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup

from factcheck import __version__
from factcheck.errors import ConfigError, FactcheckError, FetchError
from factcheck.settings import (
    DEFAULT_MAX_FILE_BYTES,
    DEFAULT_MODEL,
    DEFAULT_STRONG_THRESHOLD,
    DEFAULT_THRESHOLD,
    Settings,
    default_cache_dir,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from factcheck.types import StoryResult

__all__ = ["app", "main"]

EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_GATE = 3
#: The folder of story folders when none is given (``check``'s PATH, ``add --corpora``).
DEFAULT_CORPORA = Path("corpora")


def _conventional(params: list[Any]) -> list[Any]:
    """Parameters shown in help the conventional way (see :class:`_Command`)."""
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""  # a flag takes no value, so it shows none
        if isinstance(param, TyperArgument) and not isinstance(param, _Argument):
            param.__class__ = _Argument
    return params


class _Argument(TyperArgument):
    """An argument named by its metavar alone (``PATH``), in the usage line and the help."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None  # typer adds a type label (<path>) beside the name, which says it already

    def get_usage_pieces(self, ctx: Any) -> list[str]:
        name = self.metavar or (self.name or "").upper()
        name += "..." if self.nargs != 1 else ""
        return [name if self.required else f"[{name}]"]


class _Command(TyperCommand):
    """A command whose help reads the conventional way.

    A flag shows no value (typer 0.29 labels every parameter by its Python type:
    ``--no-cache <bool>``), an option with a value shows the metavar it declares
    (``--out DIR``, ``--format [md|json|both]``; the choices of ``--fail-on`` are in its
    help text, since a long label breaks mid-word at 80 columns), and arguments are
    ``[PATH]`` or ``PATHS...`` in the usage line.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        return _conventional(super().get_params(ctx))


class _OneLineErrors(TyperGroup):
    """Usage errors (an unknown option, a bad option value) as one ``error:`` line, exit 2.

    The line ends by pointing at the help of the command that was used ("see 'factcheck
    check --help'"), also for an error found before that command's context exists (an
    option missing its value).
    """

    def get_params(self, ctx: Any) -> list[Any]:
        return _conventional(super().get_params(ctx))

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        argv = list(args) if args is not None else sys.argv[1:]
        if not argv:  # a bare `factcheck` shows the (rich) help, as typer would
            return super().main(["--help"], prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.Abort:
            _err("aborted")
            sys.exit(EXIT_INPUT)
        except typer.TyperException as err:  # typer's own click: UsageError and friends
            exit_code = int(getattr(err, "exit_code", EXIT_INPUT))
            if exit_code != EXIT_USAGE:
                raise
            ctx = getattr(err, "ctx", None)
            where = ctx.command_path if ctx is not None else prog_name or "factcheck"
            command = next((a for a in argv if not a.startswith("-")), None)
            if command in self.commands and where.split()[-1] != command:
                where = f"{where} {command}"
            message = err.format_message().replace("Value error, ", "")
            _err(f"{message} (see '{where} --help')")
            sys.exit(EXIT_USAGE)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    name="factcheck",
    cls=_OneLineErrors,
    help="Cross-source fact-consistency checker for news: what the sources agree on, what "
    "only one adds, where they contradict each other, and how they slant the same fact.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},  # for every command too
)

log = logging.getLogger("factcheck")


class FailOn(StrEnum):
    conflict = "conflict"
    new_conflict = "new-conflict"
    misquote = "misquote"
    new_misquote = "new-misquote"
    unsupported_quote = "unsupported-quote"


class Format(StrEnum):
    md = "md"
    json = "json"
    both = "both"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Cross-source fact-consistency checker for news."""


def _interactive() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI")


class _Screen:
    """Where lines for the user go: stderr and stdout, or above the progress display.

    While the rich progress spinner runs (:attr:`console` is its console, on stderr), a
    line written straight to the terminal would land on the spinner's line; it is printed
    through the console instead, which draws it above. stdout keeps its lines when it is
    not the terminal (a pipe or a file).
    """

    console: Console | None = None

    @classmethod
    def echo(cls, text: str, *, err: bool = False) -> None:
        from factcheck.filenames import printable

        text = printable(text)  # a file name that is not UTF-8 (see ingest.printable)
        if cls.console is not None and (err or sys.stdout.isatty()):
            cls.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            typer.echo(text, err=err)


def _err(message: str) -> None:
    _Screen.echo(f"error: {message}", err=True)


def _positive(value: float) -> float:
    """Option callback: a size or a time must be a positive, finite number."""
    if not (math.isfinite(value) and value > 0):
        raise typer.BadParameter(f"must be a positive number, got {value:g}")
    return value


def _size_mb(value: float) -> float:
    """Option callback: a size in MB must be positive and at least one byte."""
    _positive(value)
    if value * 1024 * 1024 < 1:
        raise typer.BadParameter(f"must be at least one byte (0.000001 MB), got {value:g}")
    return value


def _path(value: str | Path) -> Path:
    """Option parser for a path: an empty one (``--out ""``) is refused, not read as ".".

    Click makes ``Path("")`` of an empty value, which is the current folder; a path left
    empty by a script (``--out "$OUT"`` with ``OUT`` unset) must not write there.
    """
    if not str(value).strip():
        raise typer.BadParameter("must not be empty; give a path")
    return Path(value)


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn a library error into one ``error:`` line and its exit code."""
    try:
        yield
    except ConfigError as err:
        _err(str(err))
        raise typer.Exit(EXIT_USAGE) from err
    except FactcheckError as err:
        _err(str(err))
        raise typer.Exit(EXIT_INPUT) from err


def _settings(threshold: float, **options: Any) -> Settings:
    """Settings from options; the strong threshold never falls below ``threshold``."""
    with _user_errors():
        strong = max(threshold, DEFAULT_STRONG_THRESHOLD)
        return Settings(threshold=threshold, strong_threshold=strong, **options)


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _Screen.echo(f"{record.levelname.lower()}: {record.getMessage()}", err=True)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    root = logging.getLogger("factcheck")
    root.handlers[:] = [_StderrHandler()]
    root.setLevel(logging.ERROR if quiet else logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def _summary(result: StoryResult, written: list[Path]) -> str:
    """One line per story, with the counts of the report's summary line."""
    from factcheck.report import coverage_counts, issue_counts

    parts = [f"{n} {kind}" for kind, n in coverage_counts(result).items()]
    issues = [f"{n} {kind}" for kind, n in issue_counts(result).items() if n]
    where = ", ".join(str(p) for p in written)
    return (
        f"{result.name}: {_n(len(result.articles), 'source')}, "
        f"{_n(len(result.statements), 'statement')}, "
        f"{_n(len(result.facts), 'fact')} ({', '.join(parts) or 'none'}"
        f"{'; issues: ' + ', '.join(issues) if issues else ''}) -> {where}"
    )


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


@app.command("check", cls=_Command)
def check_cli(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="A story folder (one article per file) or a folder of them."
        ),
    ] = DEFAULT_CORPORA,
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="Folder for the reports.", parser=_path),
    ] = Path("reports"),
    model: Annotated[
        str,
        typer.Option(
            metavar="MODEL", help="sentence-transformers model: a local folder or a cached name."
        ),
    ] = DEFAULT_MODEL,
    threshold: Annotated[
        float,
        typer.Option(
            metavar="FLOAT", help="Cosine similarity from which mutual-best statements align."
        ),
    ] = DEFAULT_THRESHOLD,
    nli: Annotated[
        str | None,
        typer.Option(
            metavar="DIR",
            help="Optional NLI cross-encoder (a local sentence-transformers CrossEncoder "
            "folder) as a second conflict signal.",
        ),
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", metavar="[md|json|both]", help="Which reports to write."),
    ] = Format.both,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Embedding and parse cache (default: $FACTCHECK_CACHE_DIR, else "
            "$XDG_CACHE_HOME/factcheck, else ~/.cache/factcheck).",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Do not read or write the cache.")
    ] = False,
    max_file_mb: Annotated[
        float,
        typer.Option(
            metavar="MB", help="Refuse article files larger than this many MB.", callback=_size_mb
        ),
    ] = DEFAULT_MAX_FILE_BYTES / 1024 / 1024,
    fail_on: Annotated[
        list[FailOn] | None,
        typer.Option(
            "--fail-on",
            metavar="CONDITION",
            help="Exit 3 when a report has this: conflict, new-conflict, misquote (altered or "
            "misattributed), new-misquote, unsupported-quote (a quote no other source "
            "carries); repeat for several. new-* compare with --baseline.",
        ),
    ] = None,
    baseline: Annotated[
        str | None,
        typer.Option(
            metavar="DIR|REV",
            help="For new-*: a folder of JSON reports or a git revision (default: the reports "
            "already in --out, which this run then replaces).",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each stage.")] = False,
) -> None:
    """Write a consistency report for each story under PATH (default: corpora)."""
    from factcheck.ingest import find_stories

    _refuse_quiet_verbose(quiet, verbose)
    _setup_logging(verbose, quiet)
    conditions = list(dict.fromkeys(c.value for c in fail_on or []))  # each once, in order
    if baseline is not None and not any(c.startswith("new-") for c in conditions):
        log.warning(
            "--baseline %s is ignored: only --fail-on new-conflict and new-misquote compare "
            "with a baseline",
            baseline,
        )
    settings = _settings(
        threshold,
        model=model,
        cache_dir=None if no_cache else (cache_dir or default_cache_dir()),
        max_file_bytes=int(max_file_mb * 1024 * 1024),
        nli=nli,
    )
    formats = ["md", "json"] if fmt is Format.both else [fmt.value]
    with _user_errors():  # before any work: a bad --out would fail after the whole run
        from factcheck.history import check_gate_options

        check_gate_options(conditions, baseline, formats)
        _check_models(model, nli)
        created = _check_out(out)
        try:
            stories = find_stories(path, warn=False)  # the pipeline looks again, and warns
            _refuse_story_out(out, stories)
            _refuse_folder_reports(out, stories, formats)
        except FactcheckError:
            _remove_created(created)  # a usage error leaves no empty --out behind
            raise
    gate = _Gate(conditions, baseline, out, path, settings)
    failed = _run(path, out, settings, formats, quiet, gate)
    for reason in gate.reasons:
        typer.echo(f"fail: {reason}", err=True)
    raise typer.Exit(EXIT_INPUT if failed else EXIT_GATE if gate.reasons else 0)


def _refuse_quiet_verbose(quiet: bool, verbose: bool) -> None:
    """A usage error when both ``--quiet`` and ``--verbose`` are given.

    Raises:
        typer.BadParameter: naming both options.
    """
    if quiet and verbose:
        raise typer.BadParameter(
            "they contradict each other; give one of them", param_hint="--quiet / --verbose"
        )


def _check_out(out: Path) -> list[Path]:
    """Make sure ``out`` is a folder the reports can be written to, by doing it: the
    missing folders are created and a temporary file is written in ``out`` and removed.
    Permission bits alone cannot tell (root passes every ``os.access`` check, and a
    read-only or virtual file system such as ``/proc`` refuses root too).

    Returns:
        The folders created, deepest first, so that a later check that fails can remove
        them (:func:`_remove_created`).

    Raises:
        ConfigError: ``out`` is a file, lies under a file, or cannot be created or written.
    """
    import tempfile

    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out}: is a file; --out needs a folder for the reports")
    parent = next((p for p in (out, *out.parents) if p.exists() or p.is_symlink()), None)
    if parent is not None and not parent.is_dir():
        raise ConfigError(f"{out}: {parent} is a file, not a folder; --out needs a folder")
    created = [p for p in (out, *out.parents) if not (p.exists() or p.is_symlink())]
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        _remove_created(created)
        raise ConfigError(
            f"{out}: cannot create the folder ({err.strerror or err}); choose another --out"
        ) from err
    try:
        fd, probe = tempfile.mkstemp(dir=out, prefix=".factcheck-probe-")
        os.close(fd)
        Path(probe).unlink()
    except OSError as err:
        _remove_created(created)
        raise ConfigError(
            f"{out}: cannot write a report there ({err.strerror or err}); choose another --out"
        ) from err
    return created


def _remove_created(folders: Sequence[Path]) -> None:
    """Remove the folders :func:`_check_out` created (deepest first), if still empty."""
    for folder in folders:
        try:
            folder.rmdir()
        except OSError:
            return


def _check_models(model: str, nli: str | None) -> None:
    """Resolve ``--model`` and ``--nli`` without loading them, before any work.

    Raises:
        ConfigError: a model folder that does not exist or holds no model, or a name that
            is not in the local Hugging Face cache (while downloads are off).
    """
    from factcheck.embed import check_model

    check_model(model)
    if nli is not None:
        from factcheck.nli import check_nli

        check_nli(nli)


def _refuse_folder_reports(out: Path, stories: Sequence[Path], formats: Sequence[str]) -> None:
    """Raise when a report's path in ``out`` is taken by a folder (``out/story.md/``).

    Raises:
        ConfigError: naming the folder in the way.
    """
    for story in stories:
        for fmt in formats:
            target = out / f"{story.name}.{fmt}"
            if target.is_dir():
                raise ConfigError(
                    f"{target}: is a folder, so the {fmt} report of '{story.name}' cannot be "
                    "written there; move it or choose another --out"
                )


def _refuse_story_out(out: Path, stories: Sequence[Path]) -> None:
    """Raise when ``out`` is one of the story folders: its reports would read as articles.

    Raises:
        ConfigError: naming the story folder.
    """
    if not out.is_dir():
        return
    for story in stories:
        if story.is_dir() and out.samefile(story):
            raise ConfigError(
                f"{out}: is a story folder; reports written there would be read back as "
                "articles, so choose another --out (default: reports)"
            )


class _Gate:
    """Collects --fail-on reasons; reads each story's baseline before it is overwritten.

    Without ``--baseline`` the baseline of ``new-*`` is the JSON report in ``--out``. The
    reports of a failing run are still written (they are this run's result), so that
    baseline is replaced, and an identical re-run passes: the ``fail:`` line says so.
    """

    def __init__(
        self, conditions: list[str], spec: str | None, out: Path, corpus: Path, settings: Settings
    ) -> None:
        from factcheck.history import Baseline

        self.conditions = conditions
        self.spec = spec
        self.out = out
        self.baseline = Baseline(spec, out=out, corpus=corpus, settings=settings)
        self._found: list[tuple[str, str, bool, bool]] = []  # story, reason, --out, found
        self._replaced: set[str] = set()

    def check(self, result: StoryResult) -> None:
        if not self.conditions:
            return
        from factcheck.diff import gate
        from factcheck.report_json import to_json

        report = to_json(result)
        fresh = [c for c in self.conditions if c.startswith("new-")]
        base = self.baseline.report(result.name) if fresh else None
        for condition in self.conditions:
            against_out = condition in fresh and self.spec is None
            for reason in gate(report, base, [condition]):
                self._found.append((result.name, reason, against_out, base is not None))

    def written(self, story: str, paths: Sequence[Path]) -> None:
        """Note that ``story``'s reports were written (its JSON replaces the baseline)."""
        if any(p.suffix == ".json" for p in paths):
            self._replaced.add(story)

    @property
    def reasons(self) -> list[str]:
        """One line per condition met (an identical line once); a ``new-*`` one against
        ``--out`` says the baseline there now holds this run's report."""
        out: list[str] = []
        for story, reason, against_out, found in self._found:
            if against_out and story in self._replaced:
                path = self.out / f"{story}.json"
                was = f"against {path}, which" if found else f"no baseline {path} yet: it"
                reason += (
                    f" ({was} now holds this run's report, so an identical re-run passes; "
                    "give --baseline to keep a fixed one)"
                )
            if reason not in out:
                out.append(reason)
        return out


def _run(
    path: Path, out: Path, settings: Settings, formats: list[str], quiet: bool, gate: _Gate
) -> bool:
    """Run and write every story; returns True when anything failed."""
    from factcheck.pipeline import STAGES, check
    from factcheck.report import write_reports

    failed = False
    progress = _progress() if _interactive() and not quiet else None
    task = progress.add_task("starting", total=len(STAGES)) if progress else None

    def on_stage(story: str, stage: str) -> None:
        log.info("%s: %s", story, stage)
        if progress is not None and task is not None:
            progress.update(task, description=f"{story}: {stage}", completed=STAGES.index(stage))

    try:
        if progress:
            progress.start()
            _Screen.console = progress.console
        with _user_errors():
            for result in check(path, settings=settings, on_stage=on_stage):
                for failure in result.failures:
                    _err(str(failure))
                    failed = True
                if not result.articles:
                    _err(f"{result.path}: no usable articles; no report written")
                    failed = True
                    continue
                gate.check(result)  # before writing: the baseline may be the report in --out
                try:
                    written = write_reports(result, out, formats=formats)
                except OSError as err:
                    where = err.filename or out
                    _err(f"{where}: cannot write the report: {err.strerror or err}")
                    failed = True
                    continue
                gate.written(result.name, written)
                if not quiet:
                    _Screen.echo(_summary(result, written))
    finally:
        if progress:
            progress.stop()
            _Screen.console = None
    return failed


#: The help of diff and eval: a first line for the command list, then one paragraph (typer
#: keeps the line breaks of a docstring's later paragraphs, so they are written as one line).
_DIFF_HELP = (
    "Markdown of what changed between two reports, or two revisions of a corpus.\n\n"
    "New, changed and resolved conflicts, facts that gained or lost sources, new unique details, "
    "changed quotes, revised articles. Fit for a pull-request comment."
)
_EVAL_HELP = (
    "Score alignment, conflicts and framing on public labelled data.\n\n"
    "The sets are MRPC, STS-B, ECB+, SICK and BASIL; the table of scores goes to --out "
    "(default docs/evaluation.md)."
)


@app.command("diff", cls=_Command, help=_DIFF_HELP)
def diff_cli(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATHS",
            help="OLD.json NEW.json (two reports), or one story folder / folder of stories "
            "with --rev.",
        ),
    ],
    rev: Annotated[
        str | None,
        typer.Option(
            metavar="REV", help="Compare PATH with its state at this git revision (e.g. main)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write the markdown here, not stdout.", parser=_path
        ),
    ] = None,
    model: Annotated[
        str, typer.Option(metavar="MODEL", help="As for check (with --rev).")
    ] = DEFAULT_MODEL,
    threshold: Annotated[
        float, typer.Option(metavar="FLOAT", help="As for check (with --rev).")
    ] = DEFAULT_THRESHOLD,
    cache_dir: Annotated[Path | None, typer.Option(metavar="DIR", help="As for check.")] = None,
) -> None:
    """Markdown of what changed between two reports, or two revisions of a corpus."""
    from factcheck.atomic import write_atomic
    from factcheck.diff import diff_reports, load_report, render_diff
    from factcheck.history import diff_revision

    _setup_logging(verbose=False, quiet=False)
    if len(paths) != (2 if rev is None else 1):
        _err(
            "diff takes two report JSON files, or one story folder (or folder of stories) "
            "with --rev REVISION"
        )
        raise typer.Exit(EXIT_USAGE)
    with _user_errors():
        if out is not None:
            _check_out_file(out)
        if rev is None:
            diffs = [diff_reports(*(load_report(p) for p in paths))]
        else:
            settings = _settings(threshold, model=model, cache_dir=cache_dir or default_cache_dir())
            _check_models(model, None)
            diffs = diff_revision(paths[0], rev, settings=settings)
        text = render_diff(diffs)
    if out is None:
        typer.echo(text, nl=False)
        return
    try:
        write_atomic(out, text)
    except OSError as err:
        _err(f"{err.filename or out}: cannot write the diff: {err.strerror or err}")
        raise typer.Exit(EXIT_INPUT) from err


def _check_out_file(out: Path) -> None:
    """Raise unless ``out`` can be written as a file.

    Raises:
        ConfigError: ``out`` is a folder, or lies under a file.
    """
    if out.is_dir():
        raise ConfigError(f"{out}: is a folder; --out needs a file name for the markdown")
    parent = next((p for p in out.parents if p.exists() or p.is_symlink()), None)
    if parent is not None and not parent.is_dir():
        raise ConfigError(f"{out}: {parent} is a file, not a folder")


@app.command("eval", cls=_Command, help=_EVAL_HELP)
def eval_cli(
    data_dir: Annotated[
        Path | None,
        typer.Argument(
            metavar="DATA_DIR",
            help="A folder with the layout of the eval-data folder (see docs).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out", "-o", metavar="FILE", help="Write the markdown scores here.", parser=_path
        ),
    ] = Path("docs/evaluation.md"),
    quick: Annotated[bool, typer.Option("--quick", help="Small samples, for a smoke run.")] = False,
    threshold: Annotated[
        float, typer.Option(metavar="FLOAT", help="Alignment threshold under test.")
    ] = DEFAULT_THRESHOLD,
    cache_dir: Annotated[
        Path | None,
        typer.Option(metavar="DIR", help="Parse and embedding cache (default: as for check)."),
    ] = None,
) -> None:
    """Score alignment, conflicts and framing on public labelled data."""
    from factcheck.evaluate import DATA_HELP, eval_main

    _setup_logging(verbose=False, quiet=False)
    if data_dir is None:
        _err(f"no evaluation data folder given; {DATA_HELP}")
        raise typer.Exit(EXIT_INPUT)
    settings = _settings(threshold, cache_dir=cache_dir or default_cache_dir())
    command = f"factcheck eval {data_dir}" + (" --quick" if quick else "")
    if threshold != DEFAULT_THRESHOLD:
        command += f" --threshold {threshold}"

    def progress(name: str) -> None:
        typer.echo(f"evaluating {name} ...", err=True)

    with _user_errors():
        _, text = eval_main(
            data_dir, out=out, quick=quick, settings=settings, command=command, on_set=progress
        )
    typer.echo(text if out is None else f"wrote {out}")


@app.command("add", cls=_Command)
def add_cli(
    url: Annotated[
        str, typer.Argument(metavar="URL", help="The article's web address (http or https).")
    ],
    story: Annotated[
        str,
        typer.Option("--story", "-s", metavar="NAME", help="Story folder name under --corpora."),
    ],
    corpora: Annotated[
        Path,
        typer.Option(
            metavar="DIR",
            help="The folder of story folders; it must exist, unless it is the default.",
        ),
    ] = DEFAULT_CORPORA,
    timeout: Annotated[
        float,
        typer.Option(metavar="SECONDS", help="Seconds for the whole download.", callback=_positive),
    ] = 20.0,
    max_page_mb: Annotated[
        float,
        typer.Option(
            metavar="MB", help="Refuse pages larger than this many MB.", callback=_size_mb
        ),
    ] = 10.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log each step.")] = False,
) -> None:
    """Fetch the article at URL and store it, with its metadata, in CORPORA/STORY."""
    from factcheck.fetch import add_article, check_url

    _refuse_quiet_verbose(quiet, verbose)
    _setup_logging(verbose, quiet)
    if not story or story in {".", ".."} or "/" in story or "\\" in story:
        _err(f"--story {story!r}: expected a single folder name, such as 'bridge-vote'")
        raise typer.Exit(EXIT_USAGE)
    try:
        check_url(url)
    except FetchError as err:  # a URL that is not http(s) is a usage error, like --story a/b
        _err(str(err))
        raise typer.Exit(EXIT_USAGE) from err
    if corpora != DEFAULT_CORPORA and not corpora.is_dir():
        # a given --corpora must exist: a typo would silently start a new corpus; the
        # default is created, so that the first `add` of a new project works
        _err(
            f"--corpora {corpora}: no such folder; create it first, or leave --corpora out "
            f"to use ./{DEFAULT_CORPORA}"
        )
        raise typer.Exit(EXIT_USAGE)
    with _user_errors():
        path = add_article(
            url, story_dir=corpora / story, timeout=timeout, max_bytes=int(max_page_mb * 1024**2)
        )
    if not quiet:
        typer.echo(f"{url} -> {path}")


def _progress() -> Progress:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        console=Console(stderr=True),
        transient=True,
        # Lines go through _Screen; rich's redirect would also send stdout to the terminal.
        redirect_stdout=False,
        redirect_stderr=False,
    )


def main() -> None:
    """Entry point of the ``factcheck`` script."""
    app()
