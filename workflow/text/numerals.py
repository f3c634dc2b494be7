"""Numbers as the clerk types and reads them: whole numbers typed in a field (a vote
count, an exempt paragraph), and roman numerals as resolution labels and Word list
numbers print them (``iv``, ``xii``)."""

from __future__ import annotations

import re

from workflow.text.prose import quoted

__all__ = ["read_whole", "roman"]

_WHOLE = re.compile(r"[0-9]{1,6}")


def read_whole(text: str, what: str) -> tuple[int | None, str]:
    """The whole number typed (``0`` to ``999999``) and ``""``, or None and the sentence
    naming ``what`` and saying what is wrong (also None and ``""`` when nothing was
    typed). Never raises, whatever the text."""
    typed = text.strip()
    if not typed:
        return None, ""
    if _WHOLE.fullmatch(typed):
        return int(typed), ""
    return None, f"{what}: {quoted(typed)} is not a whole number; write it in figures, e.g. 3."

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
