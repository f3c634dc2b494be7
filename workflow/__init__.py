"""minutebook's domain: the meeting record, its rules, its documents and its services.

- :mod:`workflow.record`: what a meeting is and how it is stored (model, codec, numbering,
  the public view, the validation glue);
- :mod:`workflow.rules`: what may happen to a meeting (lifecycle, approval, publication,
  deadlines, decisions, follow-up), each rule a pure function;
- :mod:`workflow.drafting`: building and editing a meeting (templates, a new meeting's
  agenda, items, attendance, the typed fields of the minutes);
- :mod:`workflow.diff`: what changed between two versions;
- :mod:`workflow.render`: documents (Word, Markdown, HTML, JSON, the pack);
- :mod:`workflow.importers`: reading published minutes and agendas;
- :mod:`workflow.services`: the clerk's operations on an open archive, one per concern;
- :mod:`workflow.text`: dates, numerals and lists as the clerk reads and types them;
- :mod:`workflow.errors`, :mod:`workflow.settings` and :mod:`workflow.clock`, which all of
  them use.

Nothing here imports Textual; the terminal UI and the command line in ``tui`` are clients
of this package. The parts depend one way (checked by import-linter, see pyproject.toml):
services -> render, importers, drafting -> diff, rules -> record -> text.
"""
