"""The preview of a document as it prints: Textual's Markdown under a NOT FOR PUBLICATION
banner when the document holds private business, scrolled from the keyboard.

Lives here: :class:`PreviewPane`. Must not live here: building the document's text
(:func:`workflow.render.preview.preview_text`, in the meeting screen's worker).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static

__all__ = ["PreviewPane"]

NOT_FOR_PUBLICATION = "**NOT FOR PUBLICATION**"
"""How the confidential document starts; the pane shows it as a banner line instead."""


class PreviewPane(Vertical):
    """Banner, then the document; the document scrolls (PageDown, End…) when focused."""

    def compose(self) -> ComposeResult:
        yield Static("", id="preview-banner", markup=False)
        with VerticalScroll(id="preview-scroll"):
            yield Markdown("", id="preview-doc")

    def show(self, text: str) -> None:
        """Show the Markdown ``text`` from its top; its banner line becomes the banner."""
        private = text.startswith(NOT_FOR_PUBLICATION)
        banner = self.query_one("#preview-banner", Static)
        banner.update("NOT FOR PUBLICATION · this preview includes the private (exempt) business" if private else "")
        banner.display = private
        self.query_one("#preview-doc", Markdown).update(text.removeprefix(NOT_FOR_PUBLICATION).lstrip("\n"))
        self.query_one("#preview-scroll", VerticalScroll).scroll_home(animate=False)
