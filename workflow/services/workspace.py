"""The open archive every service works on, with the clerk's settings, identity and clock.

Lives here: :class:`Workspace` (the git archive, the settings, who saves, the clock, and
the :class:`~workflow.services.cache.Cache` the services share), the translation of
archive failures into clerk sentences (:func:`archive_errors`, :func:`disk_sentence`),
the refusal of a save made from a version that is no longer the newest (:class:`Moved`)
and who the clerk is (:func:`clerk_identity`: the name and e-mail in the settings, else
git's; never the login name, so a clerk who has set neither is asked, see
:class:`NoIdentity`). The services (meetings, lifecycle,
decisions, documents, history, sync) are built on one workspace each and share it; a
workspace is closed once, by whoever opened it.

Must not live here: any operation on a meeting (the services do those).
"""

from __future__ import annotations

import configparser
import contextlib
import datetime as dt
import errno
import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import archive as store
from workflow.clock import now as clock_now
from workflow.clock import today as clock_today
from workflow.errors import MinutebookError, Refused
from workflow.rules.calendars import cached_calendar
from workflow.rules.deadlines import WorkingCalendar
from workflow.services.cache import Cache
from workflow.settings import Settings, load_settings

__all__ = [
    "IDENTITY_HELP",
    "Moved",
    "NoIdentity",
    "Workspace",
    "archive_errors",
    "clerk_identity",
    "disk_sentence",
]

IDENTITY_HELP = (
    "minutebook does not know your name yet, and records it with every version you save; "
    'set it with `minutebook init --name "Your Name" --email you@council.gov.uk` (it is kept '
    "in your settings); nothing was saved."
)


class NoIdentity(MinutebookError):
    """A save with no clerk's name set (in the settings, the environment or git)."""

    title = "Your name"


class Moved(Refused):
    """A save stated the version it was made from, and someone else has since saved a
    version changing the same files; nothing was saved. The services merge or redo."""

    title = "Changed elsewhere"

    def __init__(self, message: str, *, head: str, paths: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.head = head
        """The newest version now."""
        self.paths = paths
        """The files both changed."""


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
    where = f" ({exc.filename})" if exc.filename else ""
    if exc.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return f"The archive could not be written{where}: the disk is full; nothing was saved."
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"The archive cannot be written{where}: it is read-only for you; nothing was saved."
    return f"The archive could not be used{where}: {exc.strerror or exc}; nothing was saved."


def clerk_identity(settings: Settings) -> store.Identity | None:
    """Who saves: the settings' name and e-mail, else git's; None when no name is set."""
    name, email = settings.clerk_name.strip(), settings.clerk_email.strip()
    if not name or not email:
        git_name, git_email = _git_identity()
        name = name or git_name.strip()
        email = email or git_email.strip()
    return store.Identity(name=name, email=email) if name else None


def _git_identity() -> tuple[str, str]:
    path = os.environ.get("GIT_CONFIG_GLOBAL") or str(Path.home() / ".gitconfig")
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
        return parser.get("user", "name", fallback=""), parser.get("user", "email", fallback="")
    except (configparser.Error, OSError, UnicodeDecodeError):
        return "", ""


class Workspace:
    """An open archive with the clerk's settings, identity, clock and the shared cache."""

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
        """The time versions are saved at (fixed in tests)."""
        self.known = identity or clerk_identity(settings)
        """Who saves, when known (see :attr:`identity`)."""
        self.cache = Cache()
        """What the services remember between calls, each entry tied to the archive's head."""

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        settings: Settings | None = None,
        create: bool = True,
        clock: Callable[[], dt.datetime] = clock_now,
    ) -> Workspace:
        """The archive at ``path`` (the default archive if None), created if ``create``."""
        settings = settings or load_settings()
        target = Path(path) if path is not None else store.default_archive_path()
        with archive_errors():
            repo = store.GitArchive.open_or_init(target) if create else store.GitArchive.open(target)
        return cls(repo, settings, clock=clock)

    def close(self) -> None:
        self.archive.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def identity(self) -> store.Identity:
        """Who saves: the author of every version; :class:`NoIdentity` when not set."""
        if self.known is None:
            raise NoIdentity(IDENTITY_HELP)
        return self.known

    @property
    def author(self) -> str:
        """The author a document names: the clerk, or the council when no name is set."""
        return self.known.name if self.known is not None else self.settings.council

    @property
    def root(self) -> Path:
        """The archive's folder."""
        return Path(self.archive.path)

    @property
    def is_demo(self) -> bool:
        """True for an archive of sample meetings made for trying minutebook out."""
        return self.archive.is_demo

    def today(self) -> dt.date:
        """The day deadlines count from (``MINUTEBOOK_TODAY`` or the clock's)."""
        return clock_today(self.clock)

    def head(self) -> str:
        """The newest version's commit, or ``""`` in an archive with none yet."""
        with archive_errors():
            try:
                return self.archive.head()
            except store.RevisionNotFound:
                return ""

    def calendar(self) -> WorkingCalendar:
        """The working-day calendar of the council's region (bank holidays from the
        maintained ``holidays`` library, kept in the user's cache between runs)."""
        return cached_calendar(self.settings.holiday_country, self.settings.holiday_subdivision)

    def save_files(
        self,
        files: Mapping[str, bytes | None],
        message: str,
        trailers: Mapping[str, str],
        *,
        based_on: str | None,
    ) -> store.Version:
        """Commit ``files`` (None removes one) as a version by the clerk, now.

        ``based_on`` is the version the files were made from (None only for files new to
        the archive): when someone else has since changed any of them, :class:`Moved` is
        raised and nothing is saved."""
        with archive_errors():
            try:
                return self.archive.save(
                    files, message=message, author=self.identity, trailers=dict(trailers),
                    when=self.clock(), expect_parent=based_on or None,
                )
            except store.SaveConflict as exc:
                raise Moved(exc.message, head=exc.head, paths=exc.paths) from None

    def tag(self, name: str, commit: str, message: str) -> str:
        """Tag ``commit`` as ``name`` (``name-2``… when taken); the name given."""
        with archive_errors():
            existing = self.archive.tags(name)
            candidate, n = name, 2
            while candidate in existing:
                candidate, n = f"{name}-{n}", n + 1
            self.archive.tag(candidate, commit, message, tagger=self.identity, when=self.clock())
        return candidate
