"""The Word style names the renderer uses, and where the built-in house style lives.

Every paragraph minutebook writes carries one of these styles, and
``templates/house-style.docx`` defines each of them (python-docx and Word cannot use a
style that is only *latent* in a template). Built-in Word names are used where Word has
the style, so a council's own template and Word's navigation pane recognise them.

Only names live here: what the styles look like is decided by the house-style document
(``scripts/make_house_style.py`` builds the built-in one), and each document resolves a
name to its template's style id once (:mod:`workflow.render.template`). No docx import.
"""

from __future__ import annotations

from enum import StrEnum

import templates

__all__ = ["HEADING_LEVELS", "HOUSE_STYLE", "Style"]


HOUSE_STYLE = templates.house_style_path()
"""The built-in house style (built by ``scripts/make_house_style.py``)."""


class Style(StrEnum):
    """A paragraph style of the agenda and minutes documents."""

    TITLE = "Title"
    """Defined for councils' own use; the documents name the council in their Heading 1."""
    HEADING_1 = "Heading 1"
    """The document heading: the council, then the committee and meeting."""
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
