"""The document elements every output is built from: :class:`Run` and :class:`Block`.

A block is one paragraph: a style from :class:`~workflow.render.styles.Style`, runs of
text with bold/italic (and a link), a list level and printed label, and a stable ``key`` that anchors
it to the record (``item:<uid>/resolutions[0]``) so two versions can be aligned, and
whether it keeps with the next paragraph on the page.
:class:`Blocks` collects them and drops empty text, so no output ever carries an empty
paragraph. Word, Markdown and HTML writers all read these; nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from workflow.render.styles import Style

__all__ = ["Block", "Blocks", "Run"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""
    """A link target (``mailto:…``) the text points to; "" for plain text."""


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of an agenda or minutes document."""

    style: str
    """A :class:`Style` value such as ``Heading 2`` (Style members compare equal)."""
    runs: tuple[Run, ...]
    level: int = 0
    """List depth: 0 for a top-level resolution, 1 for its sub-resolutions."""
    label: str = ""
    """The printed list label, ``(a)``; numbering in Word is derived from it."""
    key: str = ""
    """A stable anchor in the record, e.g. ``item:<uid>/body[2]``."""
    keep: bool = False
    """Keep on the same page as the next paragraph (a contact block, the close)."""

    @property
    def text(self) -> str:
        """The plain text of the paragraph, without its label."""
        return "".join(r.text for r in self.runs)


class Blocks(list[Block]):
    """A list of blocks with short ways to add one; empty paragraphs are never added."""

    def add(self, style: Style, *runs: Run | str, key: str = "", level: int = 0,
            label: str = "", keep: bool = False) -> None:
        parts = tuple(Run(r) if isinstance(r, str) else r for r in runs)
        parts = tuple(r for r in parts if r.text)
        if not any(r.text.strip() for r in parts):
            return
        self.append(Block(style, parts, level=level, label=label, key=key, keep=keep))

    def keep_last(self) -> None:
        """Keep the last paragraph added with the one that will follow it."""
        if self:
            self[-1] = replace(self[-1], keep=True)
