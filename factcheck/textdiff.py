"""Word-level diffs for reports: ``[-removed-] {+added+}``, unchanged runs shortened.

Used for altered quotes and for framing notes, where a reader should see at once which
words one source uses and another does not.

    >>> word_diff("jobs and pride back to downtown".split(), "jobs and pride to downtown".split())
    'jobs and pride [-back-] to downtown'
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Literal

__all__ = ["DIFF_CONTEXT", "word_diff"]

#: Unchanged words kept on each side of a change.
DIFF_CONTEXT = 3


def word_diff(
    a: Sequence[str],
    b: Sequence[str],
    a_raw: Sequence[str] | None = None,
    b_raw: Sequence[str] | None = None,
    *,
    unchanged_from: Literal["a", "b"] = "a",
) -> str:
    """Diff ``a`` -> ``b``, compared on the given keys, shown with the raw words.

    Args:
        a, b: the words as compared (for example case-folded, punctuation stripped).
        a_raw, b_raw: the same words as written, one per key; default: the keys.
        unchanged_from: whose raw words the unchanged runs show, ``"a"`` or ``"b"``: they
            compare equal, but may be written differently ("The dam" and "the dam" when the
            keys are case-folded). An edit shows the new text's (``"b"``), so its unchanged
            and added words read as the sentence now does.

        >>> word_diff(["the", "dam"], ["a", "man", "said", "the", "dam"],
        ...           ["The", "dam"], ["A", "man", "said", "the", "dam"], unchanged_from="b")
        '{+A man said+} the dam'
    """
    ra, rb = list(a_raw if a_raw is not None else a), list(b_raw if b_raw is not None else b)
    ops = difflib.SequenceMatcher(None, list(a), list(b), autojunk=False).get_opcodes()
    parts: list[str] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            run = ra[i1:i2] if unchanged_from == "a" else rb[j1:j2]
            first, last, keep = n == 0, n == len(ops) - 1, DIFF_CONTEXT
            if first and len(run) > keep:
                run = ["…", *run[-keep:]]
            elif last and len(run) > keep:
                run = [*run[:keep], "…"]
            elif len(run) > 2 * keep + 1:
                run = [*run[:keep], "…", *run[-keep:]]
            parts.append(" ".join(run))
            continue
        if i2 > i1:
            parts.append("[-" + " ".join(ra[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + " ".join(rb[j1:j2]) + "+}")
    return " ".join(p for p in parts if p)
