"""Test helpers: a fake embedder and hand-built statements (no models involved)."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from factcheck.types import Statement


class FakeEmbedder:
    """Bag-of-words vectors hashed into 512 dimensions, L2-normalised: texts that share
    words are similar. Counts calls so tests can prove the cache skips model work."""

    model_id = "fake-bow-v1"

    def __init__(self) -> None:
        self.calls = 0
        self.encoded: list[str] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.calls += 1
        self.encoded += list(texts)
        vecs = np.zeros((len(texts), 512), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                vecs[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % 512] += 1.0
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.where(norms == 0, 1.0, norms)


def bare_statement(source_id: str, index: int, text: str = "") -> Statement:
    """A Statement with no parse, for tests of the stages after extraction."""
    text = text or f"statement {index} of {source_id}"
    return Statement(
        id=f"{source_id}:{index}",
        source_id=source_id,
        index=index,
        text=text,
        start=0,
        end=len(text),
        line=index,
        block=index,
    )


def git(cwd: Path, *args: str) -> None:
    """Run git in ``cwd`` with a throwaway identity; fails the test on an error."""
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )
