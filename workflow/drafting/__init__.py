"""Drafting: meeting templates, a new meeting's agenda, and the edits of items and attendance.

- :mod:`~workflow.drafting.meeting_templates`: the template catalogue (``templates/*.yaml``
  as validated objects) and how standing items become items;
- :mod:`~workflow.drafting.new_meeting`: a committee's next meeting from its template;
- :mod:`~workflow.drafting.items`: adding, moving and removing items;
- :mod:`~workflow.drafting.attendance`: marking attendance, the chair and substitutes.

Each is a pure function of records; the services save what they return.
"""
