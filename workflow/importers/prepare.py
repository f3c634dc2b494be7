"""Source lines made readable before any layout is looked for.

Copies of minutes come as HTML, as Markdown conversions of PDFs (``##`` headings, pipe
tables, ``<br>`` in cells), as web pages with their site's navigation around them, and
as OCR text with no line breaks at all. This module turns each into plain lines:

- HTML markup becomes lines (block elements end a line, bold keeps a ``**`` marker);
- table pipes become cell breaks, a row of pipes alone is reported as table furniture;
- the site's navigation ("Loading...", "HomeMy WebLinkAbout…", "Download", a ``SOURCE:``
  address) is reported to the :class:`Ledger` as ignored, with its reason;
- a document run into one enormous line is cut into sentences and headings, each piece
  keeping its source line number (and its own ``part``), so the report still points at
  the line.

Nothing here decides what a line means for the meeting; the layout modules do.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from workflow.importers.common import Ledger, SourceLine

__all__ = ["looks_like_html", "html_lines", "prepare"]

_WEB = [
    (re.compile(r"^(?:source|url|retrieved from|web address)\s*:\s*\S+$", re.I), "address of the copy"),
    (re.compile(r"^(?:loading\.{0,3}|advertisement|transcription|size:\s*px|start display at page:?|"
                r"how can we help you\.{0,3}|media|documents|<<|>>|skip to (?:main )?content|"
                r"back to top|print this page|share this page|"
                r"download(?:\s+\"[^\"]*\"|\s+(?:pdf|file|document|this\s+page|agenda|minutes))?)$", re.I),
     "web page navigation"),
    (re.compile(r"^[|\s]+$"), "table rule"),
    (re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$"), "table rule"),
]
_PREFIX = re.compile(r"^(?P<nav>HomeMy\s*WebLinkAbout)\s*", re.I)


def looks_like_html(text: str) -> bool:
    sample = text[:20000].lower()
    return len(re.findall(r"<(?:p|div|h[1-6]|li|tr|td|table|ul|ol|body|html)\b", sample)) >= 5


class _Lines(HTMLParser):
    _BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "br", "table", "ul",
              "ol", "section", "article", "header", "footer", "blockquote", "dt", "dd", "hr"}
    _SKIP = {"script", "style", "nav", "noscript", "head", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = [""]
        self.numbers: list[int] = [1]
        self.skip = 0

    def _block(self) -> None:
        self.out.append("")
        self.numbers.append(self.getpos()[0])

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BLOCK:
            self._block()
        elif tag in ("b", "strong"):
            self.out[-1] += "**"
        elif tag in ("td", "th"):
            self.out[-1] += " | "

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BLOCK:
            self._block()
        elif tag in ("b", "strong"):
            self.out[-1] += "**"

    def handle_data(self, data: str) -> None:
        if not self.skip:
            if not self.out[-1].strip() and data.strip():
                self.numbers[-1] = self.getpos()[0]
            inner = " ".join(data.split())
            lead = " " if data[:1].isspace() and inner else ""
            tail = " " if data[-1:].isspace() else ""
            self.out[-1] += f"{lead}{inner}{tail}" if inner else " "


def html_lines(text: str) -> list[tuple[int, str]]:
    """The text of an HTML page, one line per block element, each with the source line it
    starts on."""
    parser = _Lines()
    parser.feed(text)
    parser.close()
    out: list[tuple[int, str]] = []
    for number, line in zip(parser.numbers, parser.out, strict=True):
        line = html.unescape(re.sub(r"\*\*\s*\*\*", "", re.sub(r"\s+", " ", line)).strip(" |"))
        if line:
            out.append((number, line))
    return out


def prepare(lines: list[SourceLine], ledger: Ledger) -> list[SourceLine]:
    """Lines without web navigation and table pipes, run-on text cut into pieces."""
    total = sum(len(line.text) for line in lines) or 1
    out: list[SourceLine] = []
    for line in lines:
        text = line.text
        reason = _web(text)
        if reason:
            ledger.ignore(line, reason)
            continue
        nav = _PREFIX.match(text)
        if nav:
            glued = re.match(r"\S*", text[nav.end():]).group(0) if not text[nav.end() - 1:nav.end()].isspace() else ""  # type: ignore[union-attr]
            ledger.ignore(line, "web page navigation", nav.group("nav") + glued)
            text = text[nav.end():]
        text = _pipes(text)
        if len(text) > 600 and len(text) * 5 > total * 2:
            out.extend(SourceLine(line.number, piece, line.hint, line.level, part)
                       for part, piece in enumerate(run_on_pieces(text), start=1))
            continue
        out.append(SourceLine(line.number, text, line.hint, line.level, line.part))
    return out


def _web(text: str) -> str | None:
    stripped = text.strip()
    if not stripped:
        return None
    for pattern, reason in _WEB:
        if pattern.match(stripped):
            return reason
    return None


def _pipes(text: str) -> str:
    """``| Present | Mayor Wise |`` -> ``Present: Mayor Wise``; ``1. | Apologies |`` -> ``1. Apologies``."""
    if "|" not in text:
        return text
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    cells = [c.strip() for c in text.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if not cells:
        return ""
    if len(cells) == 2 and len(cells[0]) < 40 and not re.search(r"[.:;]$", cells[0]) \
            and not re.match(r"^\(?[\w.]{1,8}[.)]?$", cells[0]):
        return f"{cells[0]}: {cells[1]}"
    return "  ".join(cells)


# ------------------------------------------------------------------ run-on text

_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Nos|Co|Inc|Ltd|Cllr|Cr|Rev|Prof|Jr|Sr|vs|etc|approx|"
    r"e\.g|i\.e)|\b[A-Z]|\b\d{1,3}|\b[IVX]{1,4})\.$"
)
_CUT = re.compile(
    r"(?<=[.:;!?\"”’)])\s+(?=[\"“]?(?:[A-Z(0-9]))"
    r"|(?<![A-Z])\s+(?=(?:COUNCIL\s+|STAFF\s+|MEMBERS\s+)?(?:PRESENT|ABSENT|ALSO\s+PRESENT|IN\s+ATTENDANCE)\s*:)"
    r"|\s+(?=(?:Moved|Seconded|Proposed)\s+by\b)"
    r"|\s+(?=Disposition\s*:)"
    r"|\s+(?=[A-Z][A-Za-z]{1,5}/\d{1,4}/\d{2}(?:-\d{2})?\b)"
    r"|\s+(?=(?:\d{1,2}|[IVX]{1,4})\.\s+[A-Z]{2})"
    r"|\s+(?=\d{1,2}\.\d{1,2}\)\s)"
    r"|\s+(?=\d{2,4}-\d{2,4}\s+Moved\b)"
)
_CAPS_HEADING = re.compile(
    r"^(?P<head>(?:(?:\d{1,2}|[IVX]{1,4})\.\s+)?[A-Z][A-Z&'’/,\-]*(?:\s+(?:[A-Z][A-Z&'’/,\-]*|&|OF|AND|THE|TO|FOR|IN|ON))*)"
    r"\s+(?P<rest>[A-Z][a-z].*)$"
)


def run_on_pieces(text: str) -> list[str]:
    """A document with no line breaks cut into sentences, with capitalised headings apart."""
    pieces: list[str] = []
    start = 0
    for m in _CUT.finditer(text):
        before = text[start: m.start()].rstrip()
        if not before or _ABBREVIATIONS.search(before) or before.endswith(":") and len(before.split()) <= 3 \
                or re.fullmatch(r"\(?[\w.]{1,8}[.)]", before):
            continue
        pieces.append(before)
        start = m.end()
    pieces.append(text[start:].strip())
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        m = _CAPS_HEADING.match(piece)
        if m and sum(c.isalpha() for c in m.group("head")) >= 3 and len(m.group("head").split()) <= 14:
            out.extend([m.group("head").strip(), m.group("rest").strip()])
        else:
            out.append(piece)
    return out
