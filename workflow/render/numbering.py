"""Real Word list numbering for resolutions: (a)/(b) restarting for each resolution block.

The house style defines one abstract numbering per label format (``(a)``, ``1)``,
``(i)``…, each named ``minutebook resolution <format>``). Each block of resolutions gets
its own ``w:num`` with a ``startOverride``, so every RESOLVED list starts again at (a).
Labels come from the record: when they do not follow one format in sequence (``R2025-191``,
a gap, a missing label) the block prints its labels as text instead, so Word never shows
a number the record does not hold. Also builds the abstract numbering XML for
``scripts/make_house_style.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from workflow.render.elements import Block
from workflow.text.numerals import roman

__all__ = ["FORMATS", "Numbering", "abstract_num_xml", "bullet_abstract_xml", "label_for"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FORMATS: dict[str, tuple[str, str, str]] = {
    "(i)": ("lowerRoman", "(", ")"),
    "i)": ("lowerRoman", "", ")"),
    "(a)": ("lowerLetter", "(", ")"),
    "a)": ("lowerLetter", "", ")"),
    "a.": ("lowerLetter", "", "."),
    "(A)": ("upperLetter", "(", ")"),
    "A)": ("upperLetter", "", ")"),
    "A.": ("upperLetter", "", "."),
    "(1)": ("decimal", "(", ")"),
    "1)": ("decimal", "", ")"),
    "1.": ("decimal", "", "."),
}
"""Label format -> (Word numFmt, text before the number, text after)."""

_CHILD = {"lowerRoman": "(a)", "lowerLetter": "(i)", "upperLetter": "(i)", "decimal": "(a)"}
_INDENT = 720


def label_for(fmt: str, n: int) -> str:
    """The printed label of number ``n`` in a format: ``label_for("(a)", 2) == "(b)"``."""
    kind, before, after = FORMATS[fmt]
    if kind == "decimal":
        core = str(n)
    elif kind == "lowerRoman":
        core = roman(n)
    else:
        core = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        core = core.upper() if kind == "upperLetter" else core
    return f"{before}{core}{after}"


@functools.cache
def _numbers(fmt: str) -> dict[str, int]:
    """Printed label -> number, for the labels a record can reasonably hold."""
    return {label_for(fmt, n): n for n in range(200, 0, -1)}


def _start(fmt: str, labels: Sequence[str]) -> int | None:
    """The first number if ``labels`` run in sequence in ``fmt``, else ``None``."""
    if not labels:
        return None
    numbers = _numbers(fmt)
    first = numbers.get(labels[0])
    if first is None:
        return None
    if all(numbers.get(lab) == first + k for k, lab in enumerate(labels)):
        return first
    return None


def _lvl(ilvl: int, fmt: str) -> str:
    kind, before, after = FORMATS[fmt]
    left = _INDENT * (ilvl + 1)
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{kind}"/>'
            f'<w:lvlText w:val="{before}%{ilvl + 1}{after}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="{left}" w:hanging="{_INDENT}"/></w:pPr></w:lvl>')


def _levels(fmt: str) -> tuple[str, str, str]:
    child = _CHILD[FORMATS[fmt][0]]
    return fmt, child, "(1)" if FORMATS[child][0] != "decimal" else "(a)"


def abstract_num_xml(abstract_id: int, fmt: str) -> str:
    """The abstract numbering for resolutions labelled in ``fmt`` (three levels)."""
    nsid = f"{0x4D420000 + list(FORMATS).index(fmt):08X}"
    levels = "".join(_lvl(i, f) for i, f in enumerate(_levels(fmt)))
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="multilevel"/>'
            f'<w:name w:val="minutebook resolution {fmt}"/>{levels}</w:abstractNum>')


def bullet_abstract_xml(abstract_id: int) -> str:
    """The abstract numbering of the List Bullet style."""
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{"•–"[i % 2]}"/><w:lvlJc w:val="left"/><w:pPr><w:ind '
        f'w:left="{360 * (i + 1) + 360}" w:hanging="360"/></w:pPr><w:rPr><w:rFonts '
        f'w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:lvl>' for i in range(3))
    return (f'<w:abstractNum w:abstractNumId="{abstract_id}"><w:nsid w:val="4D42FFFF"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/><w:name w:val="minutebook bullets"/>'
            f"{levels}</w:abstractNum>")


@dataclass
class Numbering:
    """The numbering part of one document being written."""

    text: str
    abstract: dict[str, int]
    """Label format -> abstractNumId of its resolution numbering."""
    next_abstract: int
    next_num: int
    added_abstract: list[str] = field(default_factory=list)
    added_nums: list[str] = field(default_factory=list)

    @classmethod
    def parse(cls, text: str) -> Numbering:
        if "<w:numbering" not in text:
            text = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                    f'<w:numbering xmlns:w="{W_NS}"></w:numbering>')
        found = {m.group(2): int(m.group(1)) for m in re.finditer(
            r'<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>\s*(?:<w:nsid[^>]*/>\s*)?'
            r'(?:<w:multiLevelType[^>]*/>\s*)?(?:<w:tmpl[^>]*/>\s*)?'
            r'<w:name w:val="minutebook resolution ([^"]+)"', text)}
        abstract_ids = [int(x) for x in re.findall(r'w:abstractNumId="(\d+)"', text)]
        num_ids = [int(x) for x in re.findall(r'<w:num\b[^>]*w:numId="(\d+)"', text)]
        return cls(text, found, max(abstract_ids, default=0) + 1, max(num_ids, default=0) + 1)

    def copy(self) -> Numbering:
        return Numbering(self.text, dict(self.abstract), self.next_abstract, self.next_num)

    def _abstract_id(self, fmt: str) -> int:
        if fmt not in self.abstract:
            self.abstract[fmt] = self.next_abstract
            self.added_abstract.append(abstract_num_xml(self.next_abstract, fmt))
            self.next_abstract += 1
        return self.abstract[fmt]

    def _new_num(self, fmt: str, start: int) -> int:
        num_id = self.next_num
        self.next_num += 1
        self.added_nums.append(
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{self._abstract_id(fmt)}"/>'
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
            "</w:num>")
        return num_id

    def plan(self, group: Sequence[Block]) -> list[tuple[str, str]]:
        """For each resolution block: its ``numPr``/indent XML and any label printed as text."""
        top = [b.label for b in group if b.level == 0]
        match = next(((f, s) for f in FORMATS if (s := _start(f, top)) is not None), None)
        if match is None or any(b.level > 1 for b in group) or group[0].level != 0:
            return [(_indent(b.level), b.label) for b in group]
        fmt, start = match
        num_id = self._new_num(fmt, start)
        child_ok = _children_follow(group, _CHILD[FORMATS[fmt][0]])
        plan: list[tuple[str, str]] = []
        for block in group:
            if block.level == 0 or child_ok:
                plan.append((f'<w:numPr><w:ilvl w:val="{block.level}"/><w:numId w:val='
                             f'"{num_id}"/></w:numPr>', ""))
            else:
                plan.append((_indent(block.level), block.label))
        return plan

    def add_bullets(self) -> int:
        """Add the house bullet list to this numbering (a council template lacking it)."""
        abstract_id, num_id = self.next_abstract, self.next_num
        self.added_abstract.append(bullet_abstract_xml(abstract_id))
        self.added_nums.append(f'<w:num w:numId="{num_id}"><w:abstractNumId '
                               f'w:val="{abstract_id}"/></w:num>')
        self.next_abstract, self.next_num = abstract_id + 1, num_id + 1
        self.text = self.xml()
        self.added_abstract.clear()
        self.added_nums.clear()
        return num_id

    def xml(self) -> str:
        text = self.text
        if self.added_abstract:
            at = text.find("<w:num ")
            at = at if at >= 0 else text.rindex("</w:numbering>")
            text = text[:at] + "".join(self.added_abstract) + text[at:]
        if self.added_nums:
            at = text.find("<w:numIdMacAtCleanup")
            at = at if at >= 0 else text.rindex("</w:numbering>")
            text = text[:at] + "".join(self.added_nums) + text[at:]
        return text


def _indent(level: int) -> str:
    return f'<w:ind w:left="{_INDENT * (level + 1)}" w:hanging="{_INDENT}"/>'


def _children_follow(group: Sequence[Block], fmt: str) -> bool:
    count = 0
    for block in group:
        if block.level == 0:
            count = 0
        else:
            count += 1
            if block.label != label_for(fmt, count):
                return False
    return True
