"""Word-level differences between two texts: the runs that are the same, inserted or deleted.

Lives here: :func:`tokenize` and :func:`diff_words`, whose :class:`WordOp` runs keep every
character, so both texts can be rebuilt exactly from them. Pure: text in, runs out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

__all__ = ["WordOp", "diff_words", "tokenize"]

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class WordOp:
    """A run of text that is the same in both versions, only in the new, or only in the old."""

    op: str
    """``equal``, ``insert`` or ``delete``."""
    text: str


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs and single punctuation marks; joined they give ``text`` back."""
    return _TOKEN.findall(text)


def diff_words(old: str, new: str) -> tuple[WordOp, ...]:
    """Word-level ops turning ``old`` into ``new``: deletions come before insertions."""
    a, b = tokenize(old), tokenize(new)
    raw: list[tuple[str, str]] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("delete", "replace"):
            raw.append(("delete", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            raw.append(("insert", "".join(b[j1:j2])))
        if tag == "equal":
            raw.append(("equal", "".join(a[i1:i2])))
    return _merge(_absorb_spaces(raw))


def _absorb_spaces(raw: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Fold a lone space between two changes into both sides, so phrases read whole."""
    out = list(raw)
    for i in range(1, len(out) - 1):
        op, text = out[i]
        if op == "equal" and text.isspace() and out[i - 1][0] != "equal" and out[i + 1][0] != "equal":
            out[i] = ("both", text)
    flat: list[tuple[str, str]] = []
    for op, text in out:
        if op == "both":
            flat += [("delete", text), ("insert", text)]
        else:
            flat.append((op, text))
    return flat


def _merge(raw: list[tuple[str, str]]) -> tuple[WordOp, ...]:
    out: list[WordOp] = []
    pending = {"delete": "", "insert": ""}
    for op, text in raw:
        if op == "equal":
            out += [WordOp(k, v) for k, v in pending.items() if v]
            pending = {"delete": "", "insert": ""}
            if out and out[-1].op == "equal":
                out[-1] = WordOp("equal", out[-1].text + text)
            elif text:
                out.append(WordOp("equal", text))
        else:
            pending[op] += text
    out += [WordOp(k, v) for k, v in pending.items() if v]
    return tuple(out)
