"""Command palette provider: the domain verbs of the screen in front ("Minutes: Circulate").

Lives here: :class:`DomainCommands`, built from the active bindings (their ids are
``scope.verb``), so the palette, the footer and F1 help always agree; actions the
lifecycle does not allow now are left out. Must not live here: any action's behaviour.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.screen import Screen

__all__ = ["DomainCommands", "domain_verbs"]

_SKIP = {"app.quit", "app.help", "meeting.close", "history.back", "decision.back", "problems.jump"}


def domain_verbs(screen: Screen[object]) -> Iterator[tuple[str, str, DOMNode, str]]:
    """(title, help, node, action) of each enabled binding with a ``scope.verb`` id."""
    seen: set[str] = set()
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.id or binding.id in _SKIP or binding.id in seen or not active.enabled:
            continue
        seen.add(binding.id)
        scope = binding.id.split(".", 1)[0].capitalize()
        yield f"{scope}: {binding.description}", binding.tooltip or binding.description, active.node, binding.action


class DomainCommands(Provider):
    """Save, publish, circulate, compare… whatever the current screen offers now."""

    def _verbs(self) -> list[tuple[str, str, DOMNode, str]]:
        return list(domain_verbs(self.screen))

    async def discover(self) -> Hits:
        for title, help_text, node, action in self._verbs()[:5]:
            yield DiscoveryHit(title, partial(node.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, node, action in self._verbs():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(node.run_action, action), help=help_text)
