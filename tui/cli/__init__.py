"""The command line: the contract that the terminal UI, scripts and tests share.

:mod:`~tui.cli.main` builds the parser and runs one command; each command group has its
module (:mod:`~tui.cli.archive`, :mod:`~tui.cli.meetings`, :mod:`~tui.cli.people`,
:mod:`~tui.cli.committees`, :mod:`~tui.cli.templates`, :mod:`~tui.cli.lifecycle`,
:mod:`~tui.cli.documents`, :mod:`~tui.cli.importing`, :mod:`~tui.cli.history`,
:mod:`~tui.cli.search`, :mod:`~tui.cli.decisions`), and what they share is in
:mod:`~tui.cli.common`. A handler opens the archive, asks one service and prints the
result: text for people, ``--json`` for scripts.
"""
