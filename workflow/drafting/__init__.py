"""Drafting: meeting templates, a new meeting's agenda, and the edits of items and attendance.

- :mod:`~workflow.drafting.meeting_templates`: the template catalogue (``templates/*.yaml``
  as validated objects) and how standing items become items;
- :mod:`~workflow.drafting.new_meeting`: a committee's next meeting from its template;
- :mod:`~workflow.drafting.items`: adding, moving and removing items;
- :mod:`~workflow.drafting.attendance`: marking attendance, the chair and substitutes, and
  adding anyone from the people register (or new to it);
- :mod:`~workflow.drafting.item_parts`: the forms of an item's declarations, motions with
  their votes, and actions, read into the record with problems in the clerk's words;
- :mod:`~workflow.drafting.minutes_fields`: the minutes typed as text, and back.

Each is a pure function of records; the services save what they return.
"""
