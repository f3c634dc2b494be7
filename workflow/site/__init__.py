"""The archive's public record as a static website, with feeds and open data.

- :mod:`workflow.site.source` — the one reader of the archive (public view only);
- :mod:`workflow.site.values` — the plain values it hands over, and where pages live;
- :mod:`workflow.site.meetings` — one meeting's public blocks, anchors and digest;
- :mod:`workflow.site.pages` — the HTML pages (Jinja2 templates in ``templates/``);
- :mod:`workflow.site.feeds` — the iCalendar and Atom feeds;
- :mod:`workflow.site.opendata` — Open Civic Data event JSON and Akoma Ntoso minutes;
- :mod:`workflow.site.search` — the JSON index searched in the browser;
- :mod:`workflow.site.output` — the manifest and writing only what changed;
- :mod:`workflow.site.builder` — :func:`build_site`, which puts them together.
"""
