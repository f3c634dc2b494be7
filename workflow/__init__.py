"""minutebook's domain: the meeting record, its rules, its documents and its services.

Nothing here imports Textual; the terminal UI and the command line in ``tui`` are
clients of this package.
"""
