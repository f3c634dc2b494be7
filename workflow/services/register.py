"""The people register and the committees, as the archive holds them.

Lives here: :class:`Register`: reading and saving the register of members and officers
(``people/register.yaml``) and the committees (``committees/<slug>.yaml``), and the
validation context every record is checked against (the people it may name, the
council's exempt paragraphs and minute references). Must not live here: meetings.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

import archive as store
from schemas import ValidationContext
from workflow.errors import InvalidRecord, MinutebookError, NotFound, UsageError
from workflow.record import codec, files
from workflow.record.model import Committee, Person
from workflow.services.workspace import Moved, Workspace, archive_errors
from workflow.settings import Settings

__all__ = ["Register", "not_found"]


class Register:
    """People and committees; built on one :class:`Workspace`."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace

    @property
    def settings(self) -> Settings:
        return self.workspace.settings

    # ------------------------------------------------------------------ people

    def people(self, rev: str = "HEAD") -> dict[str, Person]:
        """The register as saved at ``rev`` (read once per version)."""
        archive = self.workspace.archive
        with archive_errors():
            commit = archive.resolve(rev)
        return self.workspace.cache.at(commit, ("people", commit), lambda: self._read_people(commit))

    def _read_people(self, commit: str) -> dict[str, Person]:
        archive = self.workspace.archive
        with archive_errors():
            if not archive.exists(files.REGISTER_PATH, commit):
                return {}
            text = archive.read(files.REGISTER_PATH, commit)
        return files.parse_people(text, trusted=True)

    def save_people(self, people: Mapping[str, Person], message: str) -> store.Version:
        """Save the whole register as a new version (it replaces whatever is saved)."""
        data = files.people_file(people)
        return self.workspace.save_files(
            {files.REGISTER_PATH: data}, message, {"Register": "people"}, based_on=None
        )

    def add_person(self, person: Person) -> store.Version:
        """Add ``person`` to the register as a new version; refused when the id is taken.
        Based on the register it read, so a person another clerk added meanwhile is kept
        (the addition is made again on the newer register)."""
        title = f"{person.title} {person.name}".strip()
        for _ in range(5):
            head = self.workspace.head()
            people = self.people(head) if head else {}
            if person.id in people:
                raise UsageError(f"The register already has {person.id}; choose another id.")
            try:
                return self.workspace.save_files(
                    {files.REGISTER_PATH: files.people_file({**people, person.id: person})},
                    f"Register: {title} added", {"Register": "people"}, based_on=head or None,
                )
            except Moved:
                continue
        raise Moved("The register kept changing while this person was being added; try again.",
                    head=self.workspace.head(), paths=(files.REGISTER_PATH,))

    def context(self) -> ValidationContext:
        """What records are validated against: the register and the council's settings."""
        return files.context_for(self.settings, self.people())

    # ------------------------------------------------------------------ committees

    def committee_slugs(self) -> list[str]:
        with archive_errors():
            found = self.workspace.archive.list_files("committees/")
        return sorted(Path(f).stem for f in found if f.endswith(".yaml") and f.count("/") == 1)

    def committee(self, slug: str) -> Committee:
        path = files.committee_path(slug)
        archive = self.workspace.archive
        with archive_errors():
            if not store.is_valid_slug(slug) or not archive.exists(path):
                raise NotFound(not_found("committee", slug, self.committee_slugs()))
            text = archive.read(path)
        return files.parse_committee(text, where=path, context=None)

    def committees(self) -> list[Committee]:
        return [self.committee(slug) for slug in self.committee_slugs()]

    def committee_or_none(self, slug: str) -> Committee:
        """The committee, or a bare one named by its slug when its file cannot be read."""
        try:
            return self.committee(slug)
        except MinutebookError:
            return Committee(slug=slug, name=slug)

    def committee_file(self, committee: Committee) -> tuple[str, bytes]:
        """A committee validated and written as its file (path, content), to be saved."""
        data = codec.encode(committee)
        found = files.problems("committee", data, self.context())
        if any(p.severity == "error" for p in found):
            raise InvalidRecord(files.committee_path(committee.slug), found)
        return files.committee_path(committee.slug), codec.dump_yaml(data).encode("utf-8")

    def save_committee(self, committee: Committee, message: str) -> store.Version:
        """Validate and save a committee as a new version."""
        path, text = self.committee_file(committee)
        return self.workspace.save_files({path: text}, message, {"Committee": committee.slug},
                                         based_on=None)

    def council(self) -> str:
        """The council in the settings; while that is the default, the one the committees share."""
        if self.settings.council != Settings().council:
            return self.settings.council
        named = {self.committee_or_none(slug).council for slug in self.committee_slugs()}
        named.discard("")
        return named.pop() if len(named) == 1 else self.settings.council


def not_found(what: str, name: str, known: list[str]) -> str:
    """"There is no meeting 'x' in the archive; did you mean 'y'?"."""
    sentence = f"There is no {what} '{name}' in the archive"
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"{sentence}; did you mean '{close[0]}'?"
    if known:
        return f"{sentence}; `minutebook {'list' if what == 'meeting' else 'committees list'}` shows them."
    return sentence + "."
