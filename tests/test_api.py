"""The public surface: __all__ matches what the package exports, and stays light."""

from __future__ import annotations

import subprocess
import sys

import factcheck


def test_api_all_names_are_importable() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name


def test_api_exports_the_pipeline_entry_points() -> None:
    assert {"check", "check_story", "render_markdown", "to_json", "Settings"} <= set(
        factcheck.__all__
    )


def test_api_unknown_attribute_raises_attribute_error() -> None:
    try:
        factcheck.nothing_here  # noqa: B018
    except AttributeError as err:
        assert "nothing_here" in str(err)
    else:
        raise AssertionError("expected AttributeError")


def test_api_importing_the_cli_does_not_import_torch() -> None:
    code = "import sys, factcheck.cli; print('torch' in sys.modules, 'spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False False"
