"""Service operations that produce documents: Word agenda and minutes, exports, the pack.

A record that fails validation is not rendered (the clerk gets the field messages). A
public document is built from the public record only: the exempt file is not even read.
Document dates come from the version rendered, so one version always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import platformdirs

from workflow.errors import OutputError
from workflow.record import files as records
from workflow.record.model import Meeting

if TYPE_CHECKING:
    from workflow.service import Service

__all__ = ["DocumentsMixin", "default_output"]

Which = Literal["agenda", "minutes"]


def default_output(meeting_id: str, which: str, *, confidential: bool, suffix: str = ".docx") -> Path:
    """Where the TUI puts a document when the clerk names no path: a ``minutebook`` folder
    in the clerk's documents, made on first use."""
    folder = platformdirs.user_documents_path() / "minutebook"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"The folder {folder} for your documents cannot be made: {exc.strerror or exc}."
        ) from None
    name = meeting_id.replace("/", "-") + f"-{which}" + ("-confidential" if confidential else "")
    return folder / (name + suffix)


class DocumentsMixin:
    """Render, export and pack; mixed into :class:`workflow.service.Service`."""

    def _style_path(self: Service) -> Path | None:
        return Path(self.settings.house_style).expanduser() if self.settings.house_style else None

    def _renderable(self: Service, meeting_id: str, rev: str, confidential: bool) -> Meeting:
        """A saved version to render: it passed validation when it was saved, and text
        Word cannot hold is refused by the renderer with the place named."""
        return self.load(meeting_id, rev=rev, public=not confidential)

    def document_bytes(
        self: Service,
        meeting: Meeting,
        which: Which,
        *,
        confidential: bool = False,
        created: dt.datetime | None = None,
    ) -> bytes:
        from workflow.render import render_docx

        return render_docx(
            meeting,
            which,
            people=self.people(),
            author=self.identity.name,
            created=created or self.clock(),
            confidential=confidential,
            language=self.settings.language,
            style_path=self._style_path(),
        )

    def render(
        self: Service,
        meeting_id: str,
        which: Which,
        *,
        confidential: bool = False,
        rev: str = "HEAD",
        out: Path | None = None,
    ) -> Path:
        """Write the Word agenda or minutes of a version; returns the path written."""
        from workflow.render import write_output

        commit = self.resolve_rev(meeting_id, rev)
        meeting = self._renderable(meeting_id, commit, confidential)
        created = self.archive.saved_at(commit)
        data = self.document_bytes(meeting, which, confidential=confidential, created=created)
        target = out or default_output(meeting_id, which, confidential=confidential)
        write_output(data, target)
        return target

    def export(
        self: Service,
        meeting_id: str,
        fmt: str,
        *,
        which: Which = "minutes",
        confidential: bool = False,
        rev: str = "HEAD",
    ) -> str:
        """The meeting as markdown, html or json text (public unless ``confidential``)."""
        from workflow.render import export

        meeting = self._renderable(meeting_id, self.resolve_rev(meeting_id, rev), confidential)
        return export(meeting, fmt, people=self.people(), which=which, confidential=confidential)

    def pack(self: Service, meeting_id: str, out: Path) -> Path:
        """The published agenda pack as one PDF (agenda, then reports); needs LibreOffice."""
        from workflow.render.pack import build_pack

        meeting = self._renderable(meeting_id, "HEAD", False)
        agenda = self.document_bytes(meeting, "agenda")
        folder = self.root / records.meeting_folder(meeting_id) / "documents"
        reports = [
            folder / doc.file
            for item in meeting.items
            if item.exemption is None
            for doc in item.documents
            if doc.file and doc.exemption is None and not doc.to_follow
        ]
        build_pack(agenda, reports, out)
        return out
