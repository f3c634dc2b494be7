"""Real Word list numbering for resolutions: (a)/(b) restarting for each resolution block.

The house style defines one abstract numbering per label format (``(a)``, ``1)``,
``(i)``…, each named ``minutebook resolution <format>``). Each block of resolutions gets
its own ``w:num`` with a ``startOverride``, so every RESOLVED list starts again at (a).
Labels come from the record: when they do not follow one format in sequence (``R2025-191``,
a gap, a missing label) the block prints its labels as text instead, so Word never shows
a number the record does not hold.

Everything is built as elements of the numbering part (python-docx's ``oxml`` classes),
whatever namespace prefix the template uses; :func:`abstract_num` and
:func:`bullet_abstract` also serve ``scripts/make_house_style.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.parts.numbering import NumberingPart

from workflow.render.elements import Block
from workflow.text.numerals import roman

__all__ = ["FORMATS", "INDENT", "Numbering", "Placement", "abstract_num", "bullet_abstract",
           "label_for"]

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

INDENT = 720
"""Twips each list level is set in by (half an inch)."""

_NAME = "minutebook resolution "
_CHILD = {"lowerRoman": "(a)", "lowerLetter": "(i)", "upperLetter": "(i)", "decimal": "(a)"}


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


# --------------------------------------------------------------- abstract numberings


def _el(tag: str, val: object | None = None, **attrs: object) -> Any:
    """A WordprocessingML element; ``val`` is its ``w:val``, ``attrs`` further ``w:`` ones."""
    element = OxmlElement(tag)
    if val is not None:
        element.set(qn("w:val"), str(val))
    for name, value in attrs.items():
        element.set(qn(f"w:{name}"), str(value))
    return element


def _lvl(ilvl: int, kind: str, text: str, left: int, hanging: int, font: str = "") -> Any:
    lvl = _el("w:lvl", ilvl=ilvl)
    for child in (_el("w:start", 1), _el("w:numFmt", kind), _el("w:lvlText", text),
                  _el("w:lvlJc", "left")):
        lvl.append(child)
    ppr = _el("w:pPr")
    ppr.append(_el("w:ind", left=left, hanging=hanging))
    lvl.append(ppr)
    if font:
        rpr = _el("w:rPr")
        rpr.append(_el("w:rFonts", ascii=font, hAnsi=font))
        lvl.append(rpr)
    return lvl


def _abstract(abstract_id: int, nsid: int, multi: str, name: str, levels: list[Any]) -> Any:
    abstract = _el("w:abstractNum", abstractNumId=abstract_id)
    for child in (_el("w:nsid", f"{nsid:08X}"), _el("w:multiLevelType", multi),
                  _el("w:name", name), *levels):
        abstract.append(child)
    return abstract


def _levels(fmt: str) -> tuple[str, str, str]:
    child = _CHILD[FORMATS[fmt][0]]
    return fmt, child, "(1)" if FORMATS[child][0] != "decimal" else "(a)"


def abstract_num(abstract_id: int, fmt: str) -> Any:
    """The ``w:abstractNum`` of resolutions labelled in ``fmt`` (three levels)."""
    levels = []
    for ilvl, level_fmt in enumerate(_levels(fmt)):
        kind, before, after = FORMATS[level_fmt]
        levels.append(_lvl(ilvl, kind, f"{before}%{ilvl + 1}{after}", INDENT * (ilvl + 1),
                           INDENT))
    return _abstract(abstract_id, 0x4D420000 + list(FORMATS).index(fmt), "multilevel",
                     _NAME + fmt, levels)


def bullet_abstract(abstract_id: int) -> Any:
    """The ``w:abstractNum`` of the List Bullet style."""
    levels = [_lvl(i, "bullet", "•–"[i % 2], 360 * (i + 1) + 360, 360, font="Arial")
              for i in range(3)]
    return _abstract(abstract_id, 0x4D42FFFF, "hybridMultilevel", "minutebook bullets", levels)


# ------------------------------------------------------------------ one document


@dataclass(frozen=True, slots=True)
class Placement:
    """How one resolution paragraph is listed: Word numbering or a label printed as text."""

    num_id: int | None
    level: int
    label: str
    """The label to print as text ("" when Word numbers the paragraph)."""


def numbering_part(document: Any) -> NumberingPart:
    """The document's numbering part, added empty when the template has none."""
    part = document.part
    try:
        return part.numbering_part
    except NotImplementedError:
        element = OxmlElement("w:numbering")
        partname = part.package.next_partname("/word/numbering%d.xml")
        new = NumberingPart(PackURI(partname), CT.WML_NUMBERING, element, part.package)
        part.relate_to(new, RT.NUMBERING)
        return new


class Numbering:
    """The numbering part of one document being written: finds or adds what resolutions need."""

    def __init__(self, document: Any) -> None:
        self.root = numbering_part(document).element
        self.abstract: dict[str, int] = {}
        """Label format -> abstractNumId of its resolution numbering."""
        abstract_ids = [0]
        for abstract in self.root.iterchildren(qn("w:abstractNum")):
            number = int(abstract.get(qn("w:abstractNumId")))
            abstract_ids.append(number)
            name = abstract.find(qn("w:name"))
            value = name.get(qn("w:val"), "") if name is not None else ""
            if value.startswith(_NAME) and value[len(_NAME):] in FORMATS:
                self.abstract.setdefault(value[len(_NAME):], number)
        self.next_abstract = max(abstract_ids) + 1
        nums = [int(n.get(qn("w:numId"))) for n in self.root.iterchildren(qn("w:num"))]
        self.next_num = max(nums, default=0) + 1

    def _add_abstract(self, element: Any) -> int:
        number = self.next_abstract
        self.next_abstract += 1
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(element)
        else:
            cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
            if cleanup is not None:
                cleanup.addprevious(element)
            else:
                self.root.append(element)
        return number

    def _add_num(self, abstract_id: int, start: int | None = None) -> int:
        num_id = self.next_num
        self.next_num += 1
        num = _el("w:num", numId=num_id)
        num.append(_el("w:abstractNumId", abstract_id))
        if start is not None:
            override = _el("w:lvlOverride", ilvl=0)
            override.append(_el("w:startOverride", start))
            num.append(override)
        cleanup = self.root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self.root.append(num)
        return num_id

    def _abstract_id(self, fmt: str) -> int:
        if fmt not in self.abstract:
            self.abstract[fmt] = self._add_abstract(abstract_num(self.next_abstract, fmt))
        return self.abstract[fmt]

    def add_bullets(self) -> int:
        """Add the house bullet list (for a council template lacking it); its numId."""
        abstract_id = self._add_abstract(bullet_abstract(self.next_abstract))
        return self._add_num(abstract_id)

    def plan(self, group: Sequence[Block]) -> list[Placement]:
        """How each block of one run of resolutions is listed."""
        top = [b.label for b in group if b.level == 0]
        match = next(((f, s) for f in FORMATS if (s := _start(f, top)) is not None), None)
        if match is None or any(b.level > 1 for b in group) or group[0].level != 0:
            return [Placement(None, b.level, b.label) for b in group]
        fmt, start = match
        num_id = self._add_num(self._abstract_id(fmt), start)
        child_ok = _children_follow(group, _CHILD[FORMATS[fmt][0]])
        return [Placement(num_id, b.level, "") if b.level == 0 or child_ok
                else Placement(None, b.level, b.label) for b in group]


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
