"""Exports from the same blocks as the Word documents: Markdown and HTML; and JSON.

:func:`to_markdown` and :func:`to_html` take the blocks of an agenda or minutes (public
blocks for a public export); the HTML is a complete, escaped HTML5 page in the manner of
the council's "Agenda and minutes" web page. :func:`to_json` writes the record itself as
plain data; the caller passes :func:`workflow.record.redaction.public_view` for a public export.
No Word and no files here.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Sequence

from workflow.record.codec import encode
from workflow.record.model import Meeting
from workflow.render.elements import Block, Run
from workflow.render.styles import Style

__all__ = ["JSON_FORMAT", "html_fragment", "to_html", "to_json", "to_markdown"]

JSON_FORMAT = 1
"""Version of the JSON export; bumped only when a field changes meaning."""

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_SIGN_LINE = "\\_" * 30 + "  \n"
_MD_HEADING = {Style.HEADING_1: "#", Style.HEADING_2: "##", Style.HEADING_3: "###"}
_HTML_HEADING = {Style.HEADING_1: "h1", Style.HEADING_2: "h2", Style.HEADING_3: "h3"}


# ------------------------------------------------------------------------- markdown


def _md_run(run: Run) -> str:
    text = _MD_SPECIAL.sub(r"\\\1", run.text).replace("\t", " ").replace("\n", "  \n")
    if run.link:
        text = f"[{text}](<{run.link}>)"
    stripped = text.strip()
    if not stripped or not (run.bold or run.italic):
        return text
    mark = "***" if run.bold and run.italic else "**" if run.bold else "*"
    lead = text[: len(text) - len(text.lstrip())]
    tail = text[len(text.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{tail}"


def _merged(runs: Sequence[Run]) -> list[Run]:
    """Adjacent runs with the same formatting as one, so marks do not collide."""
    out: list[Run] = []
    for run in runs:
        if out and (out[-1].bold, out[-1].italic, out[-1].link, run.link) == (
                run.bold, run.italic, "", ""):
            out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
        else:
            out.append(run)
    return out


def _md_text(block: Block) -> str:
    return "".join(_md_run(r) for r in _merged(block.runs)).strip()


def _one_line(text: str) -> str:
    """A heading's lines (council, then title) as one Markdown heading line."""
    return " ".join(text.split("  \n"))


def to_markdown(blocks: Sequence[Block]) -> str:
    """The document as Markdown: headings, lists, bold RESOLVED, escaped text."""
    out: list[str] = []
    previous = ""
    for block in blocks:
        text = _md_text(block)
        style = block.style
        listed = style in (Style.LIST_BULLET, Style.RESOLUTION)
        if out and not (listed and previous == style):
            out.append("")
        if style in _MD_HEADING:
            out.append(f"{_MD_HEADING[Style(style)]} {_one_line(text)}")
        elif style == Style.LIST_BULLET:
            out.append(f"- {text}")
        elif style == Style.RESOLUTION:
            label = _md_run(Run(block.label)) + " " if block.label else ""
            out.append(f"{'    ' * block.level}- {label}{text}")
        elif style in (Style.TITLE, Style.MARKING):
            out.append(f"**{text.strip('*')}**")
        elif style == Style.MOTION:
            out.append(f"> {text}")
        elif style == Style.SIGNATURE:
            out.append(_SIGN_LINE + text)
        else:
            out.append(text)
        previous = style
    return "\n".join(out) + "\n"


# ----------------------------------------------------------------------------- html


def _html_run(run: Run) -> str:
    text = html.escape(run.text, quote=False).replace("\n", "<br>")
    if run.link:
        text = f'<a href="{html.escape(run.link)}">{text}</a>'

    if run.bold:
        text = f"<strong>{text}</strong>"
    if run.italic:
        text = f"<em>{text}</em>"
    return text


def _html_text(runs: Sequence[Run]) -> str:
    return "".join(_html_run(r) for r in _merged(runs)).replace("\t", " ").strip()


def _detail(block: Block) -> tuple[str, str]:
    """A Detail block split at its tab into (label, value) HTML."""
    text = block.text
    if "\t" not in text:
        return "", _html_text(block.runs)
    label_runs: list[Run] = []
    value_runs: list[Run] = []
    seen_tab = False
    for run in block.runs:
        if seen_tab:
            value_runs.append(run)
        elif "\t" in run.text:
            head, _, rest = run.text.partition("\t")
            label_runs.append(Run(head, run.bold, run.italic))
            value_runs.append(Run(rest, run.bold, run.italic, run.link))
            seen_tab = True
        else:
            label_runs.append(run)
    return (html.escape("".join(r.text for r in label_runs).strip(), quote=False),
            _html_text(value_runs))


class _HtmlWriter:
    def __init__(self, heading_id: Callable[[Block], str] | None = None,
                 linkify: Callable[[str], str] | None = None) -> None:
        self.heading_id = heading_id
        self.linkify = linkify
        self.lines: list[str] = []
        self.open: list[str] = []
        """Open containers: "ul", "dl", "ol0", "ol1"…"""

    def close_to(self, depth: int) -> None:
        while len(self.open) > depth:
            tag = self.open.pop()
            self.lines.append(f"</{tag[:2]}>" if tag.startswith("ol") else f"</{tag}>")

    def container(self, tag: str) -> None:
        if self.open and self.open[-1] == tag:
            return
        self.close_to(0)
        self.lines.append(f"<{tag}>")
        self.open.append(tag)

    def resolution(self, block: Block) -> None:
        depth = block.level + 1
        if len(self.open) > depth or (self.open and not self.open[0].startswith("ol")):
            self.close_to(depth if self.open and self.open[0].startswith("ol") else 0)
        while len(self.open) < depth:
            self.lines.append('<ol class="resolutions">')
            self.open.append(f"ol{len(self.open)}")
        label = f'<span class="label">{html.escape(block.label)}</span> ' if block.label else ""
        self.lines.append(f"<li>{label}{self.text(block)}</li>")

    def text(self, block: Block) -> str:
        text = _html_text(block.runs)
        return self.linkify(text) if self.linkify else text

    def block(self, block: Block) -> None:
        style = block.style
        if style == Style.RESOLUTION:
            self.resolution(block)
            return
        if style == Style.LIST_BULLET:
            self.container("ul")
            self.lines.append(f"<li>{self.text(block)}</li>")
            return
        if style == Style.DETAIL:
            self.container("dl")
            label, value = _detail(block)
            if label:
                self.lines.append(f"<dt>{label}</dt>")
            self.lines.append(f"<dd>{value}</dd>")
            return
        self.close_to(0)
        text = self.text(block)
        if style in _HTML_HEADING:
            tag = _HTML_HEADING[Style(style)]
            anchor = self.heading_id(block) if self.heading_id else ""
            attr = f' id="{html.escape(anchor)}"' if anchor else ""
            self.lines.append(f"<{tag}{attr}>{text}</{tag}>")
        elif style == Style.MOTION:
            self.lines.append(f"<blockquote><p>{text}</p></blockquote>")
        else:
            css = str(style).lower().replace(" ", "-")
            self.lines.append(f'<p class="{css}">{text}</p>')


_CSS = ("body{font-family:Arial,sans-serif;max-width:48em;margin:2em auto;line-height:1.4}"
        "dl{display:grid;grid-template-columns:14em 1fr;margin:0}dt{font-weight:bold;"
        "grid-column:1}dd{grid-column:2;margin:0}.resolutions{list-style:none}"
        ".marking{border:2px solid;text-align:center;font-weight:bold}"
        ".signature{margin-top:3em;border-top:1px solid;width:16em}.note{color:#404040}")


def html_fragment(blocks: Sequence[Block], *, heading_id: Callable[[Block], str] | None = None,
                  linkify: Callable[[str], str] | None = None) -> str:
    """The document's body as HTML elements, every text escaped.

    ``heading_id`` gives a heading block its ``id`` (an anchor; empty for none);
    ``linkify`` may rewrite each paragraph's escaped HTML, for example to link references.
    """
    writer = _HtmlWriter(heading_id, linkify)
    for block in blocks:
        writer.block(block)
    writer.close_to(0)
    return "\n".join(writer.lines)


def to_html(blocks: Sequence[Block], *, title: str) -> str:
    """A complete HTML5 page (lang en-GB) of the document, every text escaped."""
    body = html_fragment(blocks)
    return (f'<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{html.escape(title, quote=False)}</title>\n<style>{_CSS}</style>\n"
            f"</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")


# ----------------------------------------------------------------------------- json


def to_json(meeting: Meeting) -> str:
    """The whole record as JSON: ``{"format": 1, <the meeting's plain data>}``."""
    return json.dumps({"format": JSON_FORMAT, **encode(meeting)}, ensure_ascii=False,
                      indent=2) + "\n"
