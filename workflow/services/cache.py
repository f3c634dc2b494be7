"""What the services remember between calls on one workspace.

Lives here: :class:`Cache`, one explicit memo shared by the services of a
:class:`~workflow.services.workspace.Workspace`. Each entry is stamped with the archive's
head when it was made and made again once the head has moved, so a cached value is
always what reading the archive again would give. Everything here can be dropped at any
moment without losing anything.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

__all__ = ["Cache"]

T = TypeVar("T")


class Cache:
    """Values worked out from the archive, each valid while the archive's head is the same."""

    def __init__(self) -> None:
        self._entries: dict[Hashable, tuple[str, object]] = {}

    def at(self, head: str, key: Hashable, make: Callable[[], T]) -> T:
        """The value for ``key`` at ``head``, made by ``make`` once per head."""
        found = self._entries.get(key)
        if found is not None and found[0] == head:
            return found[1]  # type: ignore[return-value]
        value = make()
        self._entries[key] = (head, value)
        return value

    def clear(self) -> None:
        """Forget everything (the next call reads the archive again)."""
        self._entries.clear()
