"""Roman numerals, as resolution labels and Word list numbers print them: ``iv``, ``xii``."""

from __future__ import annotations

__all__ = ["roman"]

_NUMERALS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(n: int) -> str:
    """``n`` (1 or more) in lower-case roman numerals: ``roman(14) == "xiv"``."""
    out = []
    for value, letters in _NUMERALS:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)
