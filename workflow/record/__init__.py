"""The meeting record: what is stored about a meeting and how it is stored.

- :mod:`~workflow.record.model`: the immutable dataclasses, with the parts of an item in
  :mod:`~workflow.record.business` and people in :mod:`~workflow.record.people`;
- :mod:`~workflow.record.codec`: records <-> plain data <-> YAML text, the one way a
  record is read or written (its YAML half is :mod:`~workflow.record.yaml_text`);
- :mod:`~workflow.record.redaction`: the public view, the one choke point for exempt content;
- :mod:`~workflow.record.numbering`: municipal years, item and minute numbers, resolution
  labels, minute references;
- :mod:`~workflow.record.names`: people's names as printed;
- :mod:`~workflow.record.places`: where a problem is in a meeting, in the clerk's words;
- :mod:`~workflow.record.files`: records as files in the archive, and the validation glue.

Nothing here opens the archive or decides what may happen to a record (see
:mod:`workflow.rules`).
"""
