"""Words as the clerk reads them: lists written as prose ("A, B and C") and typed text
shown back in a message on one line ('Wharf Lane…')."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["joined", "one_line", "quoted"]


def joined(parts: Sequence[str]) -> str:
    """``parts`` as a sentence list: ``joined(["a", "b", "c"]) == "a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def one_line(text: str, limit: int = 40) -> str:
    """Typed text as a message shows it: on one line, control characters shown as ``?``,
    cut to ``limit`` characters with an ellipsis."""
    shown = "".join(
        " " if c in "\t\n\r" else ("?" if unicodedata.category(c).startswith("C") else c)
        for c in text.strip()
    )
    shown = " ".join(shown.split())
    if len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return shown


def quoted(text: str, limit: int = 40) -> str:
    """Typed text quoted in a message (:func:`one_line` in single quotes), so a bad value
    however long or strange still gives a message of one readable line."""
    return f"'{one_line(text, limit - 2)}'"
