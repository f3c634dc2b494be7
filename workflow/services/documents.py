"""Documents: the Word agenda and minutes, exports, the pack, the redline, decision records.

Lives here: :class:`Documents` and :func:`default_output` (where the terminal UI puts a
document when the clerk names no path). A public document is built from the public
record only: the exempt file is not even read. Document dates come from the version
rendered, so one version always gives the same bytes. Must not live here: how a
document is laid out (:mod:`workflow.render`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import platformdirs

from workflow.errors import OutputError, Refused
from workflow.record import files
from workflow.record.model import Meeting
from workflow.record.redaction import public_view
from workflow.render.decision import render_decision, render_forward_plan
from workflow.render.documents import export, write_output
from workflow.render.pack import build_pack
from workflow.render.redline import redline_docx
from workflow.render.word import render_docx
from workflow.rules.decisions import ForwardPlanEntry
from workflow.rules.documents import document_refusal
from workflow.services.history import History
from workflow.services.workspace import Workspace, archive_errors

__all__ = ["Documents", "Which", "default_output", "require_document"]

Which = Literal["agenda", "minutes"]


def require_document(meeting: Meeting, which: str) -> None:
    """Refuse, in one sentence, a document the meeting does not have yet (its minutes
    before they are started)."""
    if reason := document_refusal(meeting, which):
        raise Refused(reason)


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


class Documents:
    """Word, text and PDF documents of the meetings of one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.history = History(workspace)
        self.meetings = self.history.meetings

    def style_path(self) -> Path | None:
        """The council's house style (a .docx), or None for the built-in one."""
        house_style = self.workspace.settings.house_style
        return Path(house_style).expanduser() if house_style else None

    def _renderable(self, meeting_id: str, rev: str, confidential: bool) -> Meeting:
        """A saved version to render: it passed validation when it was saved, and text
        Word cannot hold is refused by the renderer with the place named."""
        return self.meetings.load(meeting_id, rev=rev, public=not confidential)

    def document_bytes(self, meeting: Meeting, which: Which, *, confidential: bool = False,
                       created: dt.datetime | None = None) -> bytes:
        """The Word agenda or minutes of ``meeting``; minutes only once they are started."""
        require_document(meeting, which)
        settings = self.workspace.settings
        return render_docx(
            meeting, which, people=self.meetings.register.people(),
            author=self.workspace.author, created=created or self.workspace.clock(),
            confidential=confidential, language=settings.language, style_path=self.style_path(),
        )

    def render(self, meeting_id: str, which: Which, *, confidential: bool = False,
               rev: str = "HEAD", out: Path | None = None) -> Path:
        """Write the Word agenda or minutes of a version; returns the path written."""
        commit = self.history.resolve_rev(meeting_id, rev)
        meeting = self._renderable(meeting_id, commit, confidential)
        with archive_errors():
            created = self.workspace.archive.saved_at(commit)
        data = self.document_bytes(meeting, which, confidential=confidential, created=created)
        target = out or default_output(meeting_id, which, confidential=confidential)
        write_output(data, target)
        return target

    def export(self, meeting_id: str, fmt: str, *, which: Which | None = None,
               confidential: bool = False, rev: str = "HEAD") -> str:
        """The meeting as markdown, html or json text (public unless ``confidential``); the
        minutes once they are started, else the agenda, unless ``which`` says."""
        commit = self.history.resolve_rev(meeting_id, rev)
        meeting = self._renderable(meeting_id, commit, confidential)
        if which is None:
            which = "agenda" if document_refusal(meeting, "minutes") else "minutes"
        if fmt != "json":
            require_document(meeting, which)
        people = self.meetings.register.people()
        return export(meeting, fmt, people=people, which=which, confidential=confidential)

    def pack(self, meeting_id: str, out: Path) -> Path:
        """The published agenda pack as one PDF (agenda, then reports); needs LibreOffice."""
        meeting = self._renderable(meeting_id, "HEAD", False)
        agenda = self.document_bytes(meeting, "agenda")
        folder = self.workspace.root / files.meeting_folder(meeting_id) / "documents"
        reports = [
            folder / doc.file
            for item in meeting.items
            if item.exemption is None
            for doc in item.documents
            if doc.file and doc.exemption is None and not doc.to_follow
        ]
        build_pack(agenda, reports, out)
        return out

    def redline(self, meeting_id: str, rev1: str, rev2: str, out: Path, *,
                confidential: bool = False) -> Path:
        """The minutes as of ``rev2`` with Word tracked changes against ``rev1``."""
        c1 = self.history.resolve_rev(meeting_id, rev1)
        c2 = self.history.resolve_rev(meeting_id, rev2)
        old = self.meetings.load(meeting_id, rev=c1, public=not confidential)
        new = self.meetings.load(meeting_id, rev=c2, public=not confidential)
        if not confidential:
            old, new = public_view(old), public_view(new)
        with archive_errors():
            version = self.workspace.archive.version(c2)
        data = redline_docx(
            old, new, people=self.meetings.register.people(), author=version.author.name,
            when=version.when, confidential=confidential, language=self.workspace.settings.language,
            style_path=self.style_path(),
        )
        write_output(data, out)
        return out

    # ------------------------------------------------------------------ decisions

    def decision_bytes(self, meeting: Meeting, uid: str, *, confidential: bool = False,
                       created: dt.datetime | None = None) -> bytes:
        """The Word record of decision of item ``uid`` (public unless ``confidential``)."""
        return render_decision(
            meeting, uid, people=self.meetings.register.people(), author=self.workspace.author,
            created=created or self.workspace.clock(), decision_maker=self.decision_maker(meeting),
            confidential=confidential, language=self.workspace.settings.language,
            style_path=self.style_path(),
        )

    def decision_maker(self, meeting: Meeting) -> str:
        """Who took the meeting's decisions: the committee's decision-maker, else its name."""
        committee = self.meetings.register.committee_or_none(meeting.committee)
        return committee.decision_maker or meeting.committee_name or committee.name

    def forward_plan_bytes(self, entries: Sequence[ForwardPlanEntry], *, today: dt.date) -> bytes:
        """The forward plan as a Word document."""
        return render_forward_plan(
            entries, council=self.meetings.register.council(), today=today,
            author=self.workspace.author, created=self.workspace.clock(),
            language=self.workspace.settings.language, style_path=self.style_path(),
        )
