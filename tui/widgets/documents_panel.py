"""The documents just written, each by its whole path: copy a path or open its folder.

Lives here: :class:`DocumentsPanel`, an option list shown under the editors once a step or
a render has written files (hidden until then), and :func:`open_folder`, which hands a
folder to the desktop's file manager. Must not live here: writing documents (the services).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

__all__ = ["DocumentsPanel", "open_folder"]


def open_folder(folder: Path) -> str:
    """Open ``folder`` in the desktop's file manager (waits for the opener, which hands
    the folder over and returns); a sentence saying what happened."""
    if sys.platform == "win32":  # pragma: no cover - not the platform the tests run on
        os.startfile(folder)  # type: ignore[attr-defined]  # noqa: S606
        return f"Opened {folder}."
    opener = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if opener is None:
        return f"No program to open folders was found; the folder is {folder}."
    try:
        done = subprocess.run([opener, str(folder)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True, timeout=20, check=False)
    except subprocess.TimeoutExpired:
        return f"The file manager did not answer; the folder is {folder}."
    except OSError as exc:
        return f"The folder {folder} cannot be opened: {exc.strerror or exc}."
    if done.returncode != 0:
        return f"The folder {folder} could not be opened (the opener said no)."
    return f"Opened {folder}."


class DocumentsPanel(OptionList):
    """Paths of the documents written last, in full; hidden until there are some."""

    BINDINGS = [
        Binding("c", "copy", "Copy path", id="documents.copy",
                tooltip="Copy the highlighted document's whole path"),
        Binding("o", "open_folder", "Open folder", id="documents.open",
                tooltip="Open the folder the highlighted document is in"),
        Binding("escape", "hide", "Hide", id="documents.hide", tooltip="Hide the list of documents"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="documents")
        self.paths: tuple[Path, ...] = ()
        self.display = False

    def show(self, paths: Sequence[Path], *, focus: bool = True) -> None:
        """List ``paths`` (each whole) and show the panel."""
        self.paths = tuple(paths)
        self.clear_options()
        self.add_options(Option(Text(str(p)), id=str(i)) for i, p in enumerate(self.paths))
        noun = "document" if len(self.paths) == 1 else "documents"
        self.border_title = f"{len(self.paths)} {noun} written · c copies the path · o opens its folder"
        self.display = bool(self.paths)
        if self.paths:
            self.highlighted = 0
            if focus:
                self.focus()

    @property
    def current(self) -> Path | None:
        if not self.paths or self.highlighted is None:
            return None
        return self.paths[self.highlighted]

    def action_copy(self) -> None:
        path = self.current
        if path is not None:
            self.app.copy_to_clipboard(str(path))
            self.app.notify(str(path), title="Path copied", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_copy()

    def action_open_folder(self) -> None:
        path = self.current
        if path is not None:
            self.open_in_file_manager(path.parent)

    @work(thread=True, exit_on_error=False, description="Opening the folder")
    def open_in_file_manager(self, folder: Path) -> None:
        said = open_folder(folder)
        self.app.call_from_thread(self.app.notify, said, title="Documents", markup=False)

    def action_hide(self) -> None:
        self.display = False
        self.screen.focus_next()
