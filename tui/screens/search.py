"""Search across the archive: meetings and items that mention some words.

Lives here: :class:`SearchScreen` (``Screen[SearchHit | None]``: the hit the clerk opened,
or None). Each result names the meeting, the item with its citable reference ("Minute
12/26") and the sentence, the words highlighted; exempt business is searched only when
the clerk ticks "Private business too", and each such result is marked NOT FOR
PUBLICATION. Must not live here: searching (:class:`workflow.services.search.Search`) or
opening the meeting (the screen that pushed this one).
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from tui.screens.base import AppScreen
from tui.widgets.busy import BusyIndicator
from workflow.services.search import Search, SearchHit, SearchResults

__all__ = ["LIMIT", "SearchScreen", "hit_text"]

LIMIT = 200
"""At most this many results are listed; the clerk is told when there are more."""


def hit_text(hit: SearchHit) -> Text:
    """A result as two lines: meeting and item (marked when private), then the sentence
    with the words highlighted."""
    text = Text()
    text.append(hit.meeting_name, style="bold")
    text.append(" · ")
    text.append(hit.where, style="bold")
    if hit.confidential:
        text.append(" ")
        text.append(" NOT FOR PUBLICATION ", style="bold reverse red")
    text.append("\n")
    sentence = Text(hit.text)
    for start, end in hit.spans:
        sentence.stylize("bold reverse", start, end)
    text.append_text(sentence)
    return text


class SearchScreen(AppScreen, Screen[SearchHit | None]):
    """Type words, Enter searches; Enter on a result opens the meeting at that item."""

    HELP = (
        "Search every saved meeting for some words. Results name the meeting, the item with "
        "its minute reference and the sentence found. Private (exempt) business is searched "
        "only when 'Private business too' is ticked (Ctrl+L), and is marked NOT FOR PUBLICATION."
    )
    BINDINGS = [
        Binding("enter", "open", "Open", id="search.open", tooltip="Open the meeting at this item"),
        Binding("ctrl+l", "private", "Private too", id="search.private",
                tooltip="Search private (exempt) business too, or stop doing so"),
        Binding("down", "results", "Results", show=False, id="search.results",
                tooltip="Go from the words to the results"),
        Binding("escape", "back", "Back", id="search.back", tooltip="Close the search"),
    ]

    def __init__(self, words: str = "") -> None:
        super().__init__()
        self.words = words
        self.hits: SearchResults = SearchResults()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="search-bar"):
            yield Input(self.words, placeholder="Words to search for, then Enter", id="search-words")
            yield Checkbox("Private business too", id="search-private")
        yield OptionList(id="search-results")
        with Horizontal(id="status-bar"):
            yield Static("Type some words and press Enter.", id="status-line", markup=False)
            yield BusyIndicator(id="busy")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.sub_title = "Search the archive"
        self.query_one("#search-words", Input).focus()
        if self.words:
            self.run_search()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return self.query_one("#search-results", OptionList).has_focus and bool(self.hits)
        if action == "results":
            return not self.query_one("#search-results", OptionList).has_focus and bool(self.hits)
        return True

    def status(self, text: str) -> None:
        self.query_one("#status-line", Static).update(text)

    @property
    def private(self) -> bool:
        return self.query_one("#search-private", Checkbox).value

    @on(Input.Submitted, "#search-words")
    def run_search(self) -> None:
        words = self.query_one("#search-words", Input).value.strip()
        if not words:
            self.status("Type the words to search for, then press Enter.")
            return
        self.words = words
        self.status(f"Searching for '{words}'…")
        self.search(words, self.private)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="Searching")
    def search(self, words: str, private: bool) -> None:
        with self.app.open_workspace() as workspace:
            hits = Search(workspace).search(words, confidential=private, limit=LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._found, words, private, hits)

    def _found(self, words: str, private: bool, hits: SearchResults) -> None:
        self.hits = hits
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        for i, hit in enumerate(hits):
            if i:
                results.add_option(None)
            results.add_option(Option(hit_text(hit), id=str(i)))
        where = "public and private business" if private else "public business"
        if not hits:
            self.status(f"Nothing in the {where} mentions '{words}'.")
        else:
            meetings = len({h.meeting for h in hits})
            more = " (the first ones: add words to narrow the search)" if hits.more else ""
            self.status(f"{len(hits)} matches in {meetings} meetings{more}, {where}; Enter opens one.")
            results.highlighted = 0
            results.focus()
        self.refresh_bindings()

    @on(Checkbox.Changed, "#search-private")
    def _private_changed(self) -> None:
        if self.query_one("#search-words", Input).value.strip():
            self.run_search()

    @on(OptionList.OptionSelected, "#search-results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.hits[int(event.option_id or 0)])

    def current(self) -> SearchHit | None:
        """The highlighted result."""
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is None or not self.hits:
            return None
        return self.hits[int(results.get_option_at_index(results.highlighted).id or 0)]

    @on(OptionList.OptionHighlighted, "#search-results")
    def _moved(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_open(self) -> None:
        hit = self.current()
        if hit is not None:
            self.dismiss(hit)

    def action_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_private(self) -> None:
        box = self.query_one("#search-private", Checkbox)
        box.value = not box.value

    def action_back(self) -> None:
        self.dismiss(None)
