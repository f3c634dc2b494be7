"""The site's search without a server: a small JSON index of the public text.

:func:`entries` gives one entry per item of business of a meeting (from its public
minutes when they are out, else its public agenda): the item's page and anchor, its
heading, where it was taken, and its text, all taken from the blocks of the public
documents, so exempt business is in the index only as the public agenda prints it.
:func:`index_json` joins the entries of every meeting into ``search-index.json``, which
``static/search.js`` searches in the browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from workflow.site.meetings import Digest, Prepared, item_of

__all__ = ["INDEX_FORMAT", "entries", "index_json"]

INDEX_FORMAT = 1

Entry = list[str]
"""``[href from the site's root, heading, where, text]``."""


def entries(prep: Prepared, digest: Digest) -> list[Entry]:
    """The searchable items of one meeting, in order."""
    which = "minutes" if prep.minutes else "agenda"
    blocks = prep.minutes or prep.agenda
    if not blocks:
        return []
    where = f"{'Draft minutes' if digest['minutes'] == 'draft' else which.capitalize()}: " \
            f"{digest['title']}"
    found: dict[str, tuple[str, list[str]]] = {}
    for block in blocks:
        uid = item_of(block)
        if not uid:
            continue
        heading, texts = found.setdefault(uid, ("", []))
        if block.key.endswith("/title"):
            found[uid] = (block.text, texts)
        else:
            texts.append(f"{block.label} {block.text}".strip() if block.label else block.text)
    anchors = prep.anchors[which]
    return [[f"{digest['url']}/{which}.html#{anchors.get(uid, '')}", heading or digest["title"],
             where, " ".join(" ".join(texts).split())]
            for uid, (heading, texts) in found.items()]


def index_json(all_entries: Iterable[Entry]) -> bytes:
    return (json.dumps({"format": INDEX_FORMAT, "documents": list(all_entries)},
                       ensure_ascii=False, separators=(",", ":")) + "\n").encode()
