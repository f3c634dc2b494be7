"""Blocks -> a deterministic Word document (.docx bytes) in the council's house style.

The house-style package (``templates/house-style.docx`` or a council's own, see
``Settings.house_style``) supplies styles, numbering, page set-up and footers; this module
writes the body, the numbering instances, the core properties and, for confidential
documents, a page header carrying the marking. It works on the package's XML with the
standard library only, so ``minutebook render`` starts fast (python-docx alone takes
longer to import than a whole render); tests re-open every output with python-docx.

Same blocks and arguments -> the same bytes: zip entries have a fixed time and order,
core properties come from the arguments, never from the clock (house-style C1).
Not here: what blocks say (:mod:`workflow.render.blocks`), tracked changes
(``workflow.render.redline`` builds on :class:`DocxBuilder`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import templates
from workflow.errors import MinutebookError
from workflow.render.elements import Block, Run
from workflow.render.numbering import Numbering
from workflow.render.styles import Style, style_id

__all__ = [
    "HOUSE_STYLE",
    "DocxBuilder",
    "check_text",
    "run_xml",
    "write_docx",
    "zip_parts",
]

HOUSE_STYLE = templates.house_style_path()
"""The built-in house style (built by ``scripts/make_house_style.py``)."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_HEADER_PART = "word/header-marking.xml"
_HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
_NUMBERING_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


# ------------------------------------------------------------------------ zip package


def zip_parts(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """A zip of the parts, in the order given, with fixed times: same parts, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data, compresslevel=6)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Template:
    parts: dict[str, bytes]
    order: tuple[str, ...]
    root: str
    """The ``<w:document …>`` start tag, with the template's namespaces."""
    sect_pr: str
    styles: dict[str, str]
    """Style name -> style id as the template spells it."""
    numbering: Numbering


def _read_template(path: Path) -> _Template:
    try:
        with zipfile.ZipFile(path) as archive:
            parts = {name: archive.read(name) for name in archive.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise MinutebookError(
            f"The house style {path} cannot be read as a Word document ({exc})."
        ) from None
    document = parts.get("word/document.xml", b"").decode("utf-8")
    root = re.search(r"<w:document\b[^>]*>", document)
    sections = re.findall(r"<w:sectPr\b.*?</w:sectPr>|<w:sectPr\b[^>]*/>", document, re.S)
    if root is None or "word/styles.xml" not in parts:
        raise MinutebookError(f"The house style {path} has no document body or no styles.")
    tag = root.group(0)
    if "xmlns:r=" not in tag:
        tag = tag[:-1] + f' xmlns:r="{R_NS}">'
    numbering = Numbering.parse(parts.get("word/numbering.xml", b"").decode("utf-8"))
    names = _style_names(parts["word/styles.xml"].decode("utf-8"))
    if path.resolve() != HOUSE_STYLE.resolve():
        _complete_styles(parts, names, numbering)
    order = tuple(parts)
    return _Template(parts, order, tag, sections[-1] if sections else "<w:sectPr/>",
                     names, numbering)


_STYLE = re.compile(r'<w:style\b[^>]*w:styleId="([^"]+)"[^>]*>(.*?)</w:style>', re.S)


def _style_names(styles_xml: str) -> dict[str, str]:
    """Lower-case style name -> style id."""
    names = {}
    for sid, body in _STYLE.findall(styles_xml):
        name = re.search(r'<w:name w:val="([^"]+)"', body)
        if name:
            names[name.group(1).lower()] = sid
    return names


def _complete_styles(parts: dict[str, bytes], names: dict[str, str], numbering: Numbering) -> None:
    """Add the house styles a council's own template lacks, so every paragraph has its style."""
    missing = [s for s in Style if s.value.lower() not in names]
    if not missing:
        return
    builtin = _template(HOUSE_STYLE).parts["word/styles.xml"].decode("utf-8")
    chunks = {m.group(1): m.group(0) for m in _STYLE.finditer(builtin)}
    styles_xml = parts["word/styles.xml"].decode("utf-8")
    taken = set(names.values())
    added = []
    for style in missing:
        sid = style_id(style)
        chunk = chunks[sid]
        if sid in taken:
            chunk = chunk.replace(f'w:styleId="{sid}"', f'w:styleId="mb{sid}"', 1)
            sid = f"mb{sid}"
        if style is Style.LIST_BULLET:
            chunk = re.sub(r'<w:numId w:val="\d+"/>', f'<w:numId w:val="{numbering.add_bullets()}"/>',
                           chunk)
        added.append(chunk)
        names[style.value.lower()] = sid
    parts["word/styles.xml"] = styles_xml.replace("</w:styles>", "".join(added) + "</w:styles>",
                                                  1).encode()


@lru_cache(maxsize=4)
def _template_cached(path: str, mtime: float) -> _Template:
    return _read_template(Path(path))


def _template(path: Path | None) -> _Template:
    path = path or HOUSE_STYLE
    try:
        mtime = path.stat().st_mtime
    except OSError:
        raise MinutebookError(f"The house style {path} does not exist.") from None
    return _template_cached(str(path), mtime)


# ------------------------------------------------------------------------ paragraphs


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def check_text(text: str, where: str) -> None:
    """Refuse text Word cannot hold, naming where it is (house-style C3)."""
    bad = _BAD_CHARS.search(text)
    if bad is not None:
        raise MinutebookError(
            f"The text at {where or 'the document'} contains a control character "
            f"(U+{ord(bad.group(0)):04X}) that Word cannot hold; remove it and render again."
        )


def run_xml(run: Run) -> str:
    """One ``w:r`` for a run; tabs and line breaks become ``w:tab``/``w:br``."""
    props = ("<w:b/><w:bCs/>" if run.bold else "") + ("<w:i/><w:iCs/>" if run.italic else "")
    out = ["<w:r>", f"<w:rPr>{props}</w:rPr>" if props else ""]
    text = run.text.replace("\r\n", "\n").replace("\r", "\n")
    for i, line in enumerate(text.split("\n")):
        if i:
            out.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append("<w:tab/>")
            if chunk:
                out.append(f'<w:t xml:space="preserve">{_escape(chunk)}</w:t>')
    out.append("</w:r>")
    return "".join(out)


class DocxBuilder:
    """Builds one document: add blocks (or ready ``w:p`` XML), then :meth:`to_bytes`."""

    def __init__(self, *, style_path: Path | None = None, language: str = "en-GB") -> None:
        self._template = _template(style_path)
        self._numbering = self._template.numbering.copy()
        self._body: list[str] = []
        self.language = language

    def style_id(self, style: str) -> str:
        """The template's id for a style name (Word may spell built-in ids differently)."""
        return self._template.styles.get(str(style).lower(), style_id(style))

    def add_xml(self, paragraph: str) -> None:
        """Append a ready ``w:p`` element (used by the redline writer)."""
        self._body.append(paragraph)

    def add_blocks(self, blocks: Sequence[Block],
                   runs: Callable[[Block], str] | None = None) -> None:
        """Append blocks; ``runs`` may supply each block's run XML (default: its runs)."""
        index = 0
        while index < len(blocks):
            block = blocks[index]
            if block.style == Style.RESOLUTION:
                end = index
                while end < len(blocks) and blocks[end].style == Style.RESOLUTION:
                    end += 1
                self._resolutions(blocks[index:end], runs)
                index = end
                continue
            self._body.append(self._paragraph(block, runs))
            index += 1

    def _paragraph(self, block: Block, runs: Callable[[Block], str] | None,
                   numbering: str = "", label: str = "") -> str:
        for run in block.runs:
            check_text(run.text, block.key)
        check_text(block.label, block.key)
        content = runs(block) if runs is not None else "".join(run_xml(r) for r in block.runs)
        if label:
            content = run_xml(Run(label + "\t")) + content
        return (f'<w:p><w:pPr><w:pStyle w:val="{self.style_id(block.style)}"/>{numbering}'
                f"</w:pPr>{content}</w:p>")

    def _resolutions(self, group: Sequence[Block], runs: Callable[[Block], str] | None) -> None:
        plan = self._numbering.plan(group)
        for block, (numbering, label) in zip(group, plan, strict=True):
            self._body.append(self._paragraph(block, runs, numbering, label))

    def to_bytes(self, *, title: str, author: str, created: dt.datetime,
                 marking: str | None = None) -> bytes:
        """The finished package; the same calls give the same bytes."""
        check_text(title, "the document title")
        check_text(author, "the document author")
        t = self._template
        parts = dict(t.parts)
        sect = t.sect_pr
        if marking:
            check_text(marking, "the marking")
            sect = _with_header(sect)
            parts[_HEADER_PART] = _header_xml(marking, self.style_id(Style.HEADER)).encode()
            parts["word/_rels/document.xml.rels"] = _add_rel(
                parts["word/_rels/document.xml.rels"], "rIdMbMarking", f"{_REL}/header",
                "header-marking.xml")
            parts["[Content_Types].xml"] = _add_override(
                parts["[Content_Types].xml"], "/" + _HEADER_PART, _HEADER_TYPE)
        if "word/numbering.xml" not in t.parts:
            parts["word/_rels/document.xml.rels"] = _add_rel(
                parts["word/_rels/document.xml.rels"], "rIdMbNumbering", f"{_REL}/numbering",
                "numbering.xml")
            parts["[Content_Types].xml"] = _add_override(
                parts["[Content_Types].xml"], "/word/numbering.xml", _NUMBERING_TYPE)
        body = "".join(self._body)
        parts["word/document.xml"] = (f"{_XML_HEAD}{t.root}<w:body>{body}{sect}</w:body>"
                                      "</w:document>").encode()
        parts["word/numbering.xml"] = self._numbering.xml().encode()
        parts["word/styles.xml"] = _set_language(parts["word/styles.xml"], self.language)
        parts["docProps/core.xml"] = _core_xml(title, author, created, self.language)
        names = [n for n in t.order if n in parts] + sorted(set(parts) - set(t.order))
        return zip_parts((name, parts[name]) for name in names)


def write_docx(blocks: Sequence[Block], *, title: str, author: str, created: dt.datetime,
               language: str = "en-GB", marking: str | None = None,
               style_path: Path | None = None) -> bytes:
    """Blocks as a Word document; ``marking`` goes in the header of every page."""
    builder = DocxBuilder(style_path=style_path, language=language)
    builder.add_blocks(blocks)
    return builder.to_bytes(title=title, author=author, created=created, marking=marking)


# ------------------------------------------------------------------------ package parts


def _with_header(sect: str) -> str:
    sect = re.sub(r"<w:headerReference\b[^>]*/>", "", sect)
    refs = "".join(f'<w:headerReference w:type="{kind}" r:id="rIdMbMarking"/>'
                   for kind in ("default", "first", "even"))
    if sect.endswith("/>") and "</w:sectPr>" not in sect:
        return sect[:-2] + f">{refs}</w:sectPr>"
    start = sect.index(">") + 1
    return sect[:start] + refs + sect[start:]


def _header_xml(marking: str, header_style: str) -> str:
    return (f'{_XML_HEAD}<w:hdr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:pPr>'
            f'<w:pStyle w:val="{header_style}"/><w:jc w:val="center"/></w:pPr>'
            f"{run_xml(Run(marking, bold=True))}</w:p></w:hdr>")


def _add_rel(rels: bytes, rid: str, kind: str, target: str) -> bytes:
    text = rels.decode("utf-8")
    if f'Id="{rid}"' in text:
        return rels
    entry = f'<Relationship Id="{rid}" Type="{kind}" Target="{target}"/>'
    return text.replace("</Relationships>", entry + "</Relationships>").encode()


def _add_override(types: bytes, part: str, content_type: str) -> bytes:
    text = types.decode("utf-8")
    if f'PartName="{part}"' in text:
        return types
    entry = f'<Override PartName="{part}" ContentType="{content_type}"/>'
    return text.replace("</Types>", entry + "</Types>").encode()


def _set_language(styles: bytes, language: str) -> bytes:
    text = styles.decode("utf-8")
    lang = _escape(language).replace('"', "&quot;")
    defaults = re.search(r"<w:rPrDefault>\s*<w:rPr>(.*?)</w:rPr>", text, re.S)
    if defaults is None:
        return styles
    if "<w:lang " in defaults.group(1):
        text = re.sub(r'(<w:rPrDefault>.*?<w:lang\b[^>]*?w:val=")[^"]*"',
                      lambda m: m.group(1) + lang + '"', text, count=1, flags=re.S)
    else:
        end = defaults.end(1)
        text = text[:end] + f'<w:lang w:val="{lang}"/>' + text[end:]
    return text.encode()


def _core_xml(title: str, author: str, created: dt.datetime, language: str) -> bytes:
    if created.tzinfo is not None:
        created = created.astimezone(dt.UTC).replace(tzinfo=None)
    stamp = created.replace(microsecond=0).isoformat() + "Z"
    title, author, language = _escape(title), _escape(author), _escape(language)
    return (
        f"{_XML_HEAD}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"
        f"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"
        f"<dc:language>{language}</dc:language>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()
