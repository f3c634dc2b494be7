"""Shared pieces of the importers: source lines, the import report, text clean-up and
the small recognisers every layout needs (dates and times in prose, names, page furniture).

What lives here must not know about any one layout (web page, printed, Word): those
modules split a document into header, attendance and items; this one only reads words.
Nothing here builds a :class:`~workflow.record.model.Meeting` (see :mod:`.assemble`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, replace

from workflow.errors import MinutebookError
from workflow.record.model import Meeting

__all__ = [
    "ImportFailed",
    "ImportReport",
    "ImportResult",
    "Ledger",
    "Line",
    "MissingDetail",
    "NOT_PLACED",
    "SourceLine",
    "clean",
    "find_date",
    "find_time",
    "furniture",
    "parse_time",
    "slugify",
    "split_names",
]


NOT_PLACED = "Not yet placed"
"""The title of the item that keeps text found before the first item, to review."""


class ImportFailed(MinutebookError):
    """The file cannot be imported as minutes or an agenda."""

    title = "Cannot import the file"


class MissingDetail(ImportFailed):
    """The committee or date cannot be read from the file and was not given."""

    title = "More detail needed"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the source named in the import report, and why it is there."""

    number: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What the importer did not put into the record, and what the clerk should check.

    ``ignored`` lines (or parts of lines) are deliberately left out: page furniture, web
    navigation, the wording of a heading or label whose facts went into fields. ``flagged``
    lines are in the record as narrative because no field fitted them; the clerk should
    review them. ``not_understood`` lines are in neither: the importer keeps it empty.
    """

    source: str
    format: str
    ignored: tuple[Line, ...] = ()
    not_understood: tuple[Line, ...] = ()
    warnings: tuple[str, ...] = ()
    flagged: tuple[Line, ...] = ()
    lines: int = 0
    """Source lines with text (each read into the record, flagged or ignored)."""
    ignored_whole: int = 0
    """Of those, lines left out whole (page furniture, navigation), not just label words."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    meeting: Meeting
    report: ImportReport
    source_text: str


@dataclass(frozen=True, slots=True)
class SourceLine:
    """A line (or a Word paragraph) of the source after clean-up.

    ``hint`` comes from Word styles: ``heading``, ``bullet`` or ``number``; ``level`` is
    the list or indent level (0 for top level).
    """

    number: int
    text: str
    hint: str = ""
    level: int = 0
    part: int = 0
    """Pieces of one long source line (text without line breaks) count from 1."""

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def key(self) -> tuple[int, int]:
        return (self.number, self.part)

    def but(self, text: str, **changes: object) -> SourceLine:
        """This line (number, part, hint, level) with other text."""
        return replace(self, text=text, **changes)  # type: ignore[arg-type]


@dataclass
class Ledger:
    """Keeps account of every source line: placed in the record, ignored, or kept as narrative.

    A line the layout cannot place is handed back by :meth:`unplaced` so that it is kept
    as narrative (on its item, or on an item "Not yet placed") and flagged for review.
    """

    lines: list[SourceLine]
    used: set[tuple[int, int]] = field(default_factory=set)
    ignored: list[Line] = field(default_factory=list)
    unclear: list[tuple[SourceLine, str]] = field(default_factory=list)
    flagged: list[Line] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    whole: set[int] = field(default_factory=set)

    def use(self, *lines: SourceLine) -> None:
        self.used.update(line.key for line in lines)

    def ignore(self, line: SourceLine, reason: str, text: str | None = None) -> None:
        """Report ``text`` (default: the whole line) as deliberately left out."""
        self.ignored.append(Line(line.number, (text or line.text).strip(), reason))
        if text is None:
            self.used.add(line.key)
            self.whole.add(line.number)

    def not_understood(self, line: SourceLine, reason: str) -> None:
        """A line no field fits: it will be kept as narrative and flagged (see :meth:`unplaced`)."""
        self.unclear.append((line, reason))
        self.used.add(line.key)

    def unplaced(self) -> list[tuple[SourceLine, str]]:
        """Lines handed in with :meth:`not_understood`, and lines nothing took, in order."""
        for line in self.lines:
            if not line.blank and line.key not in self.used:
                self.not_understood(line, "it did not fit anywhere in the record")
        out, self.unclear = sorted(self.unclear, key=lambda x: x[0].key), []
        return out

    def flag(self, line: SourceLine, reason: str) -> None:
        self.flagged.append(Line(line.number, line.text.strip(), reason))
        self.used.add(line.key)

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)

    def report(self, source: str, fmt: str) -> ImportReport:
        missing = [Line(x.number, x.text.strip(), reason) for x, reason in self.unplaced()]
        return ImportReport(
            source=source,
            format=fmt,
            ignored=tuple(sorted(self.ignored, key=lambda x: x.number)),
            not_understood=tuple(missing),
            warnings=tuple(self.warnings),
            flagged=tuple(sorted(self.flagged, key=lambda x: x.number)),
            lines=len({x.number for x in self.lines if not x.blank} | {x.number for x in self.ignored}),
            ignored_whole=len(self.whole),
        )


# ------------------------------------------------------------------------ clean-up

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
_MARKUP = re.compile(r"</?(?:sup|sub|b|i|strong|em|u|span|br)\b[^>]*>", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean(text: str) -> str:
    """Text of one line without Markdown emphasis, HTML tags or runs of spaces."""
    text = _MARKUP.sub("", text)
    text = re.sub(r"^\s*#{1,6}\s+", "", text)
    text = text.replace("**", "").replace("__", "")
    text = re.sub(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])", r"\1", text)
    return _SPACES.sub(" ", text).strip()


def control_free(text: str) -> tuple[str, list[int]]:
    """The text without control characters, and the (1-based) lines that had any."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    hit: list[int] = []
    out: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        fixed = _CONTROL.sub("", line)
        if fixed != line:
            hit.append(number)
        out.append(fixed)
    return "\n".join(out), hit


def slugify(name: str) -> str:
    """``Education and Children's Services Board (2)`` -> ``education-and-childrens-services-board-2``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# ------------------------------------------------------------------------ furniture

_FURNITURE = [
    (re.compile(r"^(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I), "page number"),
    (re.compile(r"^[-–—]\s*\d{1,3}\s*[-–—]$"), "page number"),
    (re.compile(r"^\S{1,24}\s+page\s+\d{1,3}(?:\s+of\s+\d{1,3})?$", re.I), "page header"),
    (re.compile(r"^(?:items|no\.?\s+item|item\s+no\.?)$", re.I), "table heading"),
    (re.compile(r"^(?:view directions|print|print this page|back to top)$", re.I), "web page link"),
    (re.compile(r"^(?:signed|chair(?:man)?|date)\s*[:.…_\s]*$", re.I), "signature block"),
    (re.compile(r"^[._…\s]{5,}$"), "signature block"),
    (re.compile(r"^[-=_*]{3,}$"), "rule"),
]
_INLINE_PAGE = re.compile(r"\s(Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)(?=\s|$)")


def furniture(text: str) -> str | None:
    """The kind of page furniture a whole line is, or ``None`` for content."""
    stripped = text.strip()
    for pattern, reason in _FURNITURE:
        if pattern.match(stripped):
            return reason
    return None


def strip_inline_pages(text: str) -> tuple[str, list[str]]:
    """Text with "Page 3" inside a sentence taken out, and the fragments taken out."""
    found = [m.group(1) for m in _INLINE_PAGE.finditer(text)]
    if not found:
        return text, []
    return _SPACES.sub(" ", _INLINE_PAGE.sub("", text)).strip(), found


# ------------------------------------------------------------------------ dates and times

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|" \
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY_FIRST = re.compile(
    r"\b(?P<day>[0-3]?\d)(?:\s?(?:st|nd|rd|th)\s*|\s+)(?:of\s+)?" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_MONTH_FIRST = re.compile(
    _MONTH + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_NUMERIC = re.compile(r"\b(?P<day>[0-3]?\d)/(?P<month>[0-3]?\d)/(?P<year>(?:19|20)\d\d)\b")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")

_TIME = re.compile(
    r"\b(?P<h>[012]?\d)(?:[.:](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)"
    r"|\b(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)\b"
    r"|\b(?P<noon>noon|midday)\b",
    re.I,
)


def find_date(text: str) -> tuple[dt.date | None, str]:
    """The first date written in ``text`` and the words that gave it (``""`` if none).

    A date that cannot exist (``31 February 2019``) gives ``None`` with its words, so the
    caller can say so instead of guessing.
    """
    best: tuple[int, re.Match[str]] | None = None
    for pattern in (_DAY_FIRST, _MONTH_FIRST, _NUMERIC, _ISO):
        m = pattern.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), m)
    if best is None:
        return None, ""
    m = best[1]
    month = m.group("month")
    number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    day = int(m.group("day"))
    if month.isdigit() and number > 12 >= day and m.re is _NUMERIC:
        number, day = day, number
    try:
        return dt.date(int(m.group("year")), number, day), m.group(0)
    except ValueError:
        return None, m.group(0)


def find_time(text: str) -> tuple[dt.time | None, str]:
    """The first clock time in ``text`` (``2.00 pm``, ``10am``, ``14:30``, ``noon``)."""
    for m in _TIME.finditer(text):
        value = _time_of(m)
        if value is not None:
            return value, m.group(0)
    return None, ""


def parse_time(text: str) -> dt.time | None:
    return find_time(text)[0]


def _time_of(m: re.Match[str]) -> dt.time | None:
    if m.group("noon"):
        return dt.time(12, 0)
    if m.group("h24") is not None:
        return dt.time(int(m.group("h24")), int(m.group("m24")))
    hour, minute = int(m.group("h")), int(m.group("m") or 0)
    if not 1 <= hour <= 12:
        return None
    pm = m.group("ampm").lower().startswith("p")
    if pm and hour != 12:
        hour += 12
    if not pm and hour == 12:
        hour = 0
    return dt.time(hour, minute)


# ------------------------------------------------------------------------ names

TITLES = (
    r"(?:Councillors?|Cllrs?\.?|Alderman|Alderwoman|Mayor|Deputy Mayor|Mr|Mrs|Ms|Miss|Mx|"
    r"Dr|Professor|Prof\.?|Reverend|Rev\.?|Sir|Dame|Lord|Lady|Councilmembers?|Council\s?members?|"
    r"Crs?\.?|Supervisors?|Commissioners?|Trustees?|Reeve|Deputy Reeve|Warden|County Councillor)"
)
_TITLE_SPLIT = re.compile(r"(?=\b(?:Councillor|Cllr\.?|Mr|Mrs|Ms|Miss|Dr)\s+[A-Z])")
_NOT_NAME = r"(?!(?:Council|Committee|That|THAT|The|THE|Be|BE|Motion|MOTION|Carried|CARRIED|Resolved|RESOLVED|And|AND|Moved|Seconded|To)\b)"
_NAME = rf"[A-Z][A-Za-z.'’\-]*(?:\s+{_NOT_NAME}[A-Z][A-Za-z'’\-]*\.?){{0,3}}"
PERSON = rf"(?:{TITLES}\s+)?{_NAME}"
TITLED_PERSON = rf"{TITLES}\s+{_NAME}"


def split_names(text: str) -> list[str]:
    """Names listed on one line: ``Councillor A Lucas Councillor P Male``, ``A, B and C``."""
    text = text.strip().rstrip(",;.").strip()
    if not text:
        return []
    parts = [p.strip(" ,;") for p in _TITLE_SPLIT.split(text) if p.strip(" ,;")]
    names: list[str] = []
    for part in parts:
        for piece in re.split(r",|;|\s+and\s+|\s+&\s+", part):
            piece = re.sub(r"^(?:and|&)\s+", "", piece.strip(" ."))
            if piece:
                names.append(piece)
    return _carry_plural_title(names)


def _carry_plural_title(names: list[str]) -> list[str]:
    """``Councillors A, B and C`` -> each with ``Councillor``."""
    out: list[str] = []
    title = ""
    for name in names:
        m = re.match(r"^(Councillors|Cllrs\.?|Councilmembers|Council\s?members|Supervisors|Crs)\s+(.*)$", name)
        if m:
            title = {"Councilmembers": "Councilmember", "Supervisors": "Supervisor", "Crs": "Cr"}.get(
                m.group(1), "Councillor")
            name = f"{title} {m.group(2)}"
        elif title and not re.match(TITLES + r"\s", name):
            name = f"{title} {name}"
        out.append(name)
    return out


def bare_name(name: str) -> str:
    """A name without its title: ``Councillor M Mutton`` -> ``M Mutton``."""
    return re.sub(rf"^{TITLES}\s+", "", name.strip()).strip()
