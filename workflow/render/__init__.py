"""Rendering: the meeting record as the documents the council publishes.

- :mod:`~workflow.render.blocks` — meeting -> blocks (styled paragraphs), pure;
- :mod:`~workflow.render.documents` — the agenda and minutes as Word, Markdown, HTML or
  JSON, and writing a document to a path;
- :mod:`~workflow.render.docx` — blocks -> Word (python-docx) in the house style;
- :mod:`~workflow.render.text` — blocks -> Markdown and HTML; :mod:`~workflow.render.preview`
  the screen's preview;
- :mod:`~workflow.render.decision` — records of decision and the forward plan;
- :mod:`~workflow.render.redline` — Word tracked changes between two versions;
- :mod:`~workflow.render.pack` — the agenda pack PDF (needs LibreOffice).

Nothing here imports Textual, git or Cerberus; python-docx is imported by the modules
that write Word documents only, so previews and text exports do without it.
"""
