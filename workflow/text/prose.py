"""Lists written as prose: "A", "A and B", "A, B and C"."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["joined"]


def joined(parts: Sequence[str]) -> str:
    """``parts`` as a sentence list: ``joined(["a", "b", "c"]) == "a, b and c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
