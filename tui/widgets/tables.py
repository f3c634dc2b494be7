"""Tables filled afresh: columns sized to what they hold now, each time they are filled.

Lives here: :func:`fresh_columns`. A ``DataTable`` cleared of its rows keeps its columns'
widths, which only ever grow; a table that is filled again (after a save, a restore or
recovered edits) clears its columns too, so each column fits its content again.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import DataTable

__all__ = ["fresh_columns"]


def fresh_columns(table: DataTable, headings: Sequence[str]) -> None:  # type: ignore[type-arg]
    """Empty ``table`` and give it the columns ``headings``, sized from the rows added next."""
    table.clear(columns=True)
    table.add_columns(*headings)
