"""The document elements every output is built from: :class:`Run` and :class:`Block`.

A block is one paragraph: a style from :class:`~workflow.render.styles.Style`, runs of
text with bold/italic, a list level and printed label, and a stable ``key`` that anchors
it to the record (``item:<uid>/resolutions[0]``) so two versions can be aligned.
:class:`Blocks` collects them and drops empty text, so no output ever carries an empty
paragraph. Word, Markdown and HTML writers all read these; nothing here writes a file.
"""

from __future__ import annotations

from dataclasses import dataclass

from workflow.render.styles import Style

__all__ = ["Block", "Blocks", "Run"]


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting."""

    text: str
    bold: bool = False
    italic: bool = False


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

    @property
    def text(self) -> str:
        """The plain text of the paragraph, without its label."""
        return "".join(r.text for r in self.runs)


class Blocks(list[Block]):
    """A list of blocks with short ways to add one; empty paragraphs are never added."""

    def add(self, style: Style, *runs: Run | str, key: str = "", level: int = 0,
            label: str = "") -> None:
        parts = tuple(Run(r) if isinstance(r, str) else r for r in runs)
        parts = tuple(r for r in parts if r.text)
        if not any(r.text.strip() for r in parts):
            return
        self.append(Block(style, parts, level=level, label=label, key=key))
