"""The clerk's operations on an archive: the one place the CLI and the TUI call.

Each operation validates, applies a pure rule from the domain modules, and saves the
result as a version in the git archive (``archive``), authored by the clerk. Errors from
the archive are translated into :mod:`workflow.errors` sentences here, so clients only
ever see :class:`~workflow.errors.MinutebookError`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import getpass
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import archive as store
from workflow.clock import now as clock_now
from workflow.clock import today as clock_today
from workflow.errors import MinutebookError, NotFound, Refused
from workflow.record import codec
from workflow.record import files as records
from workflow.record.model import Committee, Meeting, MeetingKind, Person, Status
from workflow.rules import next_steps as overview
from workflow.service_checks import ChecksMixin
from workflow.service_decisions import DecisionsMixin
from workflow.service_docs import DocumentsMixin
from workflow.service_history import HistoryMixin
from workflow.service_lifecycle import LifecycleMixin
from workflow.settings import Settings, load_settings

__all__ = ["Service", "archive_errors", "clerk_identity", "disk_sentence"]


@contextlib.contextmanager
def archive_errors() -> Iterator[None]:
    """Turn archive failures into clerk-facing errors."""
    try:
        yield
    except store.ArchiveError as exc:
        raise MinutebookError(exc.message, title="Archive") from None
    except OSError as exc:
        raise MinutebookError(disk_sentence(exc), title="Archive") from None


def disk_sentence(exc: OSError) -> str:
    """One sentence for a failed write or read of the archive; nothing was saved."""
    import errno

    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"The archive could not be written{where}: the disk is full; nothing was saved."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"The archive cannot be written{where}: it is read-only for you; nothing was saved."
    return f"The archive could not be used{where}: {exc.strerror or exc}; nothing was saved."


def clerk_identity(settings: Settings) -> store.Identity:
    """Who saves: settings first, then git's identity, then the login name."""
    name, email = settings.clerk_name, settings.clerk_email
    if not name or not email:
        git_name, git_email = _git_identity()
        name = name or git_name or getpass.getuser()
        email = email or git_email or f"{getpass.getuser()}@localhost"
    return store.Identity(name=name, email=email)


def _git_identity() -> tuple[str, str]:
    import configparser

    path = os.environ.get("GIT_CONFIG_GLOBAL") or str(Path.home() / ".gitconfig")
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
        return parser.get("user", "name", fallback=""), parser.get("user", "email", fallback="")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return "", ""




class Service(ChecksMixin, LifecycleMixin, DecisionsMixin, DocumentsMixin, HistoryMixin):
    """An open archive with the clerk's settings and identity."""

    def __init__(
        self,
        archive: store.GitArchive,
        settings: Settings,
        *,
        clock: Callable[[], dt.datetime] = clock_now,
        identity: store.Identity | None = None,
    ) -> None:
        self.archive = archive
        self.settings = settings
        self.clock = clock
        self.identity = identity or clerk_identity(settings)
        self._people: tuple[str, dict[str, Person]] | None = None
        self._versions: dict[str, tuple[str, list[store.Version]]] = {}
        self._minute_indexes: dict[str, tuple[str, tuple[dict[tuple[int, int], str], int | None]]] = {}

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        clock: Callable[[], dt.datetime] = clock_now,
    ) -> Service:
        settings = settings or load_settings()
        target = Path(path) if path is not None else store.default_archive_path()
        with archive_errors():
            repo = store.GitArchive.open_or_init(target) if create else store.GitArchive.open(target)
        return cls(repo, settings, clock=clock)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Service:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def root(self) -> Path:
        return Path(self.archive.path)

    def today(self) -> dt.date:
        return clock_today(self.clock)

    # ------------------------------------------------------------------ register

    def people(self, rev: str = "HEAD") -> dict[str, Person]:
        with archive_errors():
            head = self.archive.resolve(rev)
            if self._people is not None and self._people[0] == head:
                return self._people[1]
            if not self.archive.exists(records.REGISTER_PATH, head):
                found: dict[str, Person] = {}
            else:
                found = records.parse_people(
                    self.archive.read(records.REGISTER_PATH, head), trusted=True
                )
        self._people = (head, found)
        return found

    def save_people(self, people: Mapping[str, Person], message: str) -> store.Version:
        data = records.people_file(people)
        return self.save_files({records.REGISTER_PATH: data}, message, {"Register": "people"})

    def context(self) -> records.ValidationContext:
        return records.context_for(self.settings, self.people())

    # ------------------------------------------------------------------ committees

    def committee_slugs(self) -> list[str]:
        with archive_errors():
            files = self.archive.list_files("committees/")
        return sorted(
            Path(f).stem for f in files if f.endswith(".yaml") and f.count("/") == 1
        )

    def committee(self, slug: str) -> Committee:
        path = records.committee_path(slug)
        with archive_errors():
            if not _valid_slug(slug) or not self.archive.exists(path):
                raise NotFound(_not_found("committee", slug, self.committee_slugs()))
            text = self.archive.read(path)
        return records.parse_committee(text, where=path, context=None)

    def committees(self) -> list[Committee]:
        return [self.committee(slug) for slug in self.committee_slugs()]

    def save_committee(self, committee: Committee, message: str) -> store.Version:
        data = codec.encode(committee)
        found = records.problems("committee", data, self.context())
        if any(p.severity == "error" for p in found):
            raise records.InvalidRecord(records.committee_path(committee.slug), found)
        text = codec.dump_yaml(data).encode("utf-8")
        return self.save_files(
            {records.committee_path(committee.slug): text}, message, {"Committee": committee.slug}
        )

    # ------------------------------------------------------------------ meetings

    def meeting_ids(self, rev: str = "HEAD") -> list[str]:
        with archive_errors():
            return overview.meeting_ids_in(self.archive.list_files("meetings/", rev))

    def exists(self, meeting_id: str, rev: str = "HEAD") -> bool:
        path = f"{records.meeting_folder(meeting_id)}/{records.MEETING_FILE}"
        with archive_errors():
            return _valid_meeting_id(meeting_id) and self.archive.exists(path, rev)

    def load(self, meeting_id: str, *, rev: str = "HEAD", public: bool = False) -> Meeting:
        """A meeting as saved at ``rev``; ``public=True`` never reads the exempt file.

        Every version was validated when it was saved, so reading decodes (checking each
        field's type) without applying the schema again; :meth:`check` does that.
        """
        if not self.exists(meeting_id, rev):
            if rev != "HEAD" and self.exists(meeting_id):
                raise NotFound(f"The meeting {meeting_id} did not exist yet at version {rev}.")
            raise NotFound(_not_found("meeting", meeting_id, self.meeting_ids()))
        folder = records.meeting_folder(meeting_id)
        with archive_errors():
            public_text = self.archive.read(f"{folder}/{records.MEETING_FILE}", rev)
            exempt_text = None
            exempt_path = f"{folder}/{records.EXEMPT_FILE}"
            if not public and self.archive.exists(exempt_path, rev):
                exempt_text = self.archive.read(exempt_path, rev)
        return records.parse_meeting(
            public_text, exempt_text, where=f"{folder}/{records.MEETING_FILE}", context=None
        )

    def overview(self) -> list[overview.OverviewRow]:
        """Meetings newest first with their next step and deadline."""
        return overview.overview_rows(self.summaries(), self.settings, self.today())

    def summaries(self) -> list[overview.MeetingSummary]:
        """Every meeting with its state, from the head of each file in the work tree.

        Only the top-level lines the list shows are read, so listing a large archive is
        quick; a file that cannot be read this way is left out (``validate`` names why).
        """
        return overview.read_summaries(self.root, self.meeting_ids())

    def save(
        self, meeting: Meeting, *, message: str, trailers: Mapping[str, str] | None = None
    ) -> store.Version:
        """Validate and save a meeting as a new version; approved minutes stay locked."""
        self._check_locked(meeting)
        files = records.meeting_files(meeting, self.context())
        extra = {"Meeting": meeting.id, "Status": meeting.status.value, **(trailers or {})}
        return self.save_files(files, message, extra)

    def committee_meetings(self, slug: str, *, before: dt.date | None = None) -> list[Meeting]:
        """A committee's meetings (oldest first), optionally only those before a date."""
        found = []
        for meeting_id in self.meeting_ids():
            if meeting_id.split("/", 1)[0] != slug:
                continue
            day = dt.date.fromisoformat(meeting_id.split("/", 1)[1][:10])
            if before is None or day < before:
                found.append(self.load(meeting_id))
        return sorted(found, key=lambda m: (m.date, m.start or dt.time()))

    def new_meeting(
        self,
        slug: str,
        *,
        date: dt.date,
        start: dt.time,
        venue: str | None = None,
        template: str | None = None,
        kind: MeetingKind = MeetingKind.ORDINARY,
    ) -> Meeting:
        """Create a meeting from the committee's template and save its first version."""
        from workflow.drafting import templates as catalogue

        committee = self.committee(slug)
        chosen = catalogue.load_template(template or committee.template or "scrutiny-board")
        meeting_id = f"{slug}/{date.isoformat()}"
        suffix = 2
        while self.exists(meeting_id):
            meeting_id = f"{slug}/{date.isoformat()}-{suffix}"
            suffix += 1
        meeting = catalogue.new_meeting(
            template=chosen,
            committee=committee,
            date=date,
            start=start,
            venue=venue or committee.venue,
            kind=kind,
            people=self.people(),
            previous=self.committee_meetings(slug, before=date),
            settings=self.settings,
            meeting_id=meeting_id,
        )
        meeting = self._carry_forward(meeting)
        self.save(meeting, message=f"Agenda drafted for {committee.name} on {_long_date(date)}")
        return meeting

    def renumber(self, meeting_id: str, *, first: int | None = None) -> tuple[Meeting, store.Version | None]:
        """Recompute item numbers on request; only before the agenda is published."""
        from workflow.record import numbering

        meeting = self.load(meeting_id)
        if meeting.status is not Status.AGENDA_DRAFT:
            raise Refused(
                f"The agenda of {meeting_id} is already published, so its numbers are fixed; "
                "add late items with the next free number instead."
            )
        if first is None:
            previous = self.committee_meetings(meeting.committee, before=meeting.date)
            first = numbering.first_number(previous, meeting.date, self.settings.municipal_year_start)
        renumbered = numbering.renumber(meeting, first)
        if renumbered == meeting:
            return meeting, None
        return renumbered, self.save(renumbered, message="Items renumbered")

    def _carry_forward(self, meeting: Meeting) -> Meeting:
        from workflow.rules import followup

        previous = self.committee_meetings(meeting.committee, before=meeting.date)
        try:
            return followup.carry_forward(
                previous,
                meeting,
                ref_format=self.settings.minute_ref_format,
                year_start=self.settings.municipal_year_start,
            )
        except Refused:
            return meeting

    def save_text(self, meeting_id: str, text: bytes, *, message: str, where: str) -> store.Version:
        """Save a version of an existing meeting from a YAML file."""
        meeting = self.parse_text(text, where=where)
        if meeting.id != meeting_id:
            raise MinutebookError(
                f"{where} holds the meeting {meeting.id}, not {meeting_id}; "
                "a meeting's id is fixed when it is created."
            )
        self.load(meeting_id)
        return self.save(meeting, message=message)

    def _check_locked(self, meeting: Meeting) -> None:
        path = f"{records.meeting_folder(meeting.id)}/{records.MEETING_FILE}"
        with archive_errors():
            if not self.archive.exists(path):
                return
            head = self.archive.read(path)[:4096]
        if b"status: minutes-approved" in head or b"status: cancelled" in head:
            self.check_edit(self.load(meeting.id), meeting)

    def check_edit(self, old: Meeting, new: Meeting) -> None:
        """Refuse changes the lifecycle does not allow (approved minutes are locked)."""
        from workflow.rules import approval

        approval.check_edit(old, new)

    def history(self, meeting_id: str) -> list[store.Version]:
        """Every version of the meeting, newest first."""
        if not _valid_meeting_id(meeting_id):
            raise NotFound(_not_found("meeting", meeting_id, self.meeting_ids()))
        with archive_errors():
            found = self.archive.history(records.meeting_folder(meeting_id) + "/", with_paths=False,
                                         tags_under=meeting_id + "/")
        if not found or not self.exists(meeting_id):
            raise NotFound(_not_found("meeting", meeting_id, self.meeting_ids()))
        return found

    def save_files(
        self, files: Mapping[str, bytes | None], message: str, trailers: Mapping[str, str]
    ) -> store.Version:
        with archive_errors():
            return self.archive.save(
                files,
                message=message,
                author=self.identity,
                trailers=dict(trailers),
                when=self.clock(),
            )


def _long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _valid_slug(slug: str) -> bool:
    return store.is_valid_slug(slug)


def _valid_meeting_id(meeting_id: str) -> bool:
    return store.is_valid_meeting_id(meeting_id)


def _not_found(what: str, name: str, known: list[str]) -> str:
    sentence = f"There is no {what} '{name}' in the archive"
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"{sentence}; did you mean '{close[0]}'?"
    if known:
        return f"{sentence}; `minutebook {'list' if what == 'meeting' else 'committees list'}` shows them."
    return sentence + "."
