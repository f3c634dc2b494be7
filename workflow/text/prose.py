"""Words as the clerk reads them: lists written as prose ("A, B and C") and typed text
quoted back in a message ('Wharf Lane…')."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

__all__ = ["joined", "quoted"]


def joined(parts: Sequence[str]) -> str:
    """``parts`` as a sentence list: ``joined(["a", "b", "c"]) == "a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def quoted(text: str, limit: int = 40) -> str:
    """Typed text quoted in a message: in single quotes, on one line, control characters
    shown as ``?`` and cut to ``limit`` characters with an ellipsis, so a bad value
    however long or strange still gives a message of one readable line."""
    shown = "".join(
        " " if c in "\t\n\r" else ("?" if unicodedata.category(c).startswith("C") else c)
        for c in text.strip()
    )
    shown = " ".join(shown.split())
    if len(shown) > limit:
        shown = shown[: limit - 1].rstrip() + "…"
    return f"'{shown}'"
