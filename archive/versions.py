"""What one saved version looks like: ``Identity``, ``Version`` and commit messages.

A commit message is a subject line, an optional body and a trailer block
(``Meeting: ...``, ``Status: ...``) separated by blank lines. ``compose_message`` builds
one and ``parse_message`` reads one back. ``LOG_FORMAT``/``parse_log`` turn a single
``git log -z`` run into ``Version`` objects. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from archive.errors import InvalidName

__all__ = [
    "LOG_FORMAT",
    "Identity",
    "Version",
    "compose_message",
    "parse_log",
    "parse_message",
]

_TRAILER_KEY = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9-]*\Z")
_TRAILER_LINE = re.compile(r"\A([A-Za-z0-9][A-Za-z0-9-]*): (.*)\Z")
_BAD_IDENT = re.compile(r"[<>\x00-\x1f\x7f]")
_BAD_TEXT = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Identity:
    """Who made a version: the clerk's name and email, as git records them."""

    name: str
    """Display name, e.g. "Jo Bloggs"."""
    email: str
    """Email address; may be empty."""

    def __post_init__(self) -> None:
        if not self.name.strip() or _BAD_IDENT.search(self.name):
            raise InvalidName(
                f"The name '{self.name}' cannot be recorded; it must not be empty "
                "or contain '<', '>' or line breaks."
            )
        if _BAD_IDENT.search(self.email):
            raise InvalidName(
                f"The email '{self.email}' cannot be recorded; it must not contain "
                "'<', '>' or line breaks."
            )


@dataclass(frozen=True, slots=True)
class Version:
    """One saved version (a commit) of the archive."""

    commit: str
    """Full commit id (40 hex digits)."""
    short: str
    """Abbreviated commit id for display."""
    author: Identity
    """The clerk who saved it."""
    when: dt.datetime
    """When it was saved (timezone-aware)."""
    subject: str
    """The first line of the message, e.g. "Item 20: resolution (b) amended"."""
    body: str = ""
    """Further lines of the message, without trailers."""
    trailers: dict[str, str] = field(default_factory=dict, hash=False)
    """Trailers such as {"Meeting": "scrutiny-board/2025-01-31", "Status": "agenda draft"}."""
    tags: tuple[str, ...] = ()
    """Tags pointing at this version."""
    paths: tuple[str, ...] = ()
    """Files changed by this version (empty for merges)."""
    parents: tuple[str, ...] = ()
    """Parent commit ids (two for a merge made by sync)."""
    unchanged: bool = False
    """True when a save found nothing new and returned the existing head instead."""


def _check_text(text: str, what: str) -> None:
    if _BAD_TEXT.search(text):
        raise InvalidName(f"The {what} contains control characters and cannot be recorded.")


def compose_message(message: str, trailers: Mapping[str, str] = {}) -> str:
    """Subject, blank line, body, blank line, trailers; always ends with a newline."""
    _check_text(message, "save message")
    lines = message.strip().splitlines()
    subject = lines[0].strip() if lines else ""
    if not subject:
        raise InvalidName("A save needs a message saying what changed.")
    body = "\n".join(lines[1:]).strip("\n")
    text = subject + "\n"
    if body:
        text += "\n" + body + "\n"
    if trailers:
        block = []
        for key, value in trailers.items():
            if not _TRAILER_KEY.match(key) or "\n" in value or "\r" in value:
                raise InvalidName(
                    f"The trailer '{key}: {value}' cannot be recorded; use a word key "
                    "and a one-line value."
                )
            _check_text(value, f"trailer '{key}'")
            block.append(f"{key}: {value.strip()}")
        text += "\n" + "\n".join(block) + "\n"
    return text


def parse_message(text: str) -> tuple[str, str, dict[str, str]]:
    """(subject, body, trailers) of a commit message."""
    paragraphs = [p for p in _PARAGRAPH.split(text.strip("\n")) if p.strip()]
    if not paragraphs:
        return "", "", {}
    first = paragraphs[0]
    subject = " ".join(line.strip() for line in first.splitlines()) if "\n" in first else first.strip()
    rest = paragraphs[1:]
    trailers: dict[str, str] = {}
    if rest:
        matches = [_TRAILER_LINE.match(line) for line in rest[-1].splitlines()]
        if all(matches):
            trailers = {m.group(1): m.group(2) for m in matches if m}
            rest = rest[:-1]
    return subject, "\n\n".join(rest), trailers


LOG_FORMAT = "%x1e%H%x00%P%x00%an%x00%ae%x00%aI%x00%D%x00%B%x00"
"""``git log --format`` matching ``parse_log``; use with ``-z --name-only``. (No ``%h``:
an abbreviation git must check for uniqueness costs a tenth of a long history's time;
``Version.short`` is the id's first ten digits.)"""


def _tags(decoration: str) -> tuple[str, ...]:
    if not decoration:
        return ()
    return tuple(sorted(d[5:] for d in decoration.split(", ") if d.startswith("tag: ")))


@functools.lru_cache(maxsize=256)
def _recorded_identity(name: str, email: str) -> Identity:
    """An Identity for a recorded commit, tolerating what other tools may have written."""
    return Identity(_BAD_IDENT.sub("", name).strip() or "(unknown)", _BAD_IDENT.sub("", email))


def parse_log(output: bytes) -> list[Version]:
    """Versions from ``git log -z --name-only --format=LOG_FORMAT`` output."""
    return [parse_record(r) for r in output.decode("utf-8", "replace").split("\x1e")[1:]]


def parse_record(record: str) -> Version:
    """One version from one ``LOG_FORMAT`` record (the text after its ``\\x1e``)."""
    fields = record.split("\0", 7)
    commit, parents, name, email, when, deco, message, rest = fields
    rest = rest.lstrip("\0")
    if rest.startswith("\n"):
        rest = rest[1:]
    subject, body, trailers = parse_message(message)
    return Version(
        commit=commit,
        short=commit[:10],
        author=_recorded_identity(name, email),
        when=dt.datetime.fromisoformat(when),
        subject=subject,
        body=body,
        trailers=trailers,
        tags=_tags(deco),
        paths=tuple(p for p in rest.split("\0") if p) if rest else (),
        parents=tuple(parents.split()),
    )
