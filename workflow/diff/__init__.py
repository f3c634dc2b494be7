"""What changed between two versions of a meeting, word by word, in a clerk's terms.

- :mod:`~workflow.diff.words`: the words inserted and deleted between two texts;
- :mod:`~workflow.diff.meetings`: comparing two versions of a meeting;
- :mod:`~workflow.diff.changes`: the differences found, as text, summary and JSON.
"""
