"""The Word style names the renderer uses, and their style ids.

Every paragraph minutebook writes carries one of these styles, and
``templates/house-style.docx`` defines each of them (python-docx and Word cannot use a
style that is only *latent* in a template). Built-in Word names are used where Word has
the style, so a council's own template and Word's navigation pane recognise them.

Only names live here: what the styles look like is decided by the house-style document
(``scripts/make_house_style.py`` builds the built-in one). No docx import.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["HEADING_LEVELS", "Style", "style_id", "xml_name"]


class Style(StrEnum):
    """A paragraph style of the agenda and minutes documents."""

    TITLE = "Title"
    """The council's name at the top of the first page."""
    HEADING_1 = "Heading 1"
    """The document heading: committee and meeting."""
    HEADING_2 = "Heading 2"
    """Sections: Public Business, Private Business."""
    HEADING_3 = "Heading 3"
    """One item of business: number and title."""
    NORMAL = "Normal"
    LIST_BULLET = "List Bullet"
    DETAIL = "Detail"
    """A label, a tab and a value: Date, Time, Place, Members, Apologies."""
    RESOLUTION = "Resolution"
    """A labelled sub-resolution, numbered through the numbering part."""
    MOTION = "Motion"
    """The words of a motion or amendment, set in from the margin."""
    NOTE = "Note"
    """Italic notes: exempt information withheld, documents to follow, urgency."""
    MARKING = "Marking"
    """NOT FOR PUBLICATION at the top of a confidential document."""
    CLOSING = "Closing"
    """(Meeting closed at 3.30 pm)."""
    SIGNATURE = "Signature"
    """The chair's signature line on minutes."""
    HEADER = "Header"
    """Page header text (the confidential marking on every page)."""
    FOOTER = "Footer"


HEADING_LEVELS: dict[Style, int] = {Style.HEADING_1: 1, Style.HEADING_2: 2, Style.HEADING_3: 3}
"""Outline level of each heading style (accessibility: levels never skip)."""

_XML_NAMES = {
    Style.HEADING_1: "heading 1",
    Style.HEADING_2: "heading 2",
    Style.HEADING_3: "heading 3",
    Style.HEADER: "header",
    Style.FOOTER: "footer",
}


def style_id(style: str) -> str:
    """The ``w:styleId`` Word uses for a style name (``Heading 1`` -> ``Heading1``)."""
    return style.replace(" ", "")


def xml_name(style: Style) -> str:
    """The ``w:name`` stored in styles.xml (Word keeps some built-ins in lower case)."""
    return _XML_NAMES.get(style, style.value)
