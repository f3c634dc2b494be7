"""Drafting: meeting templates and the agenda a new meeting starts from.

- :mod:`~workflow.drafting.templates`: the template catalogue (``templates/*.yaml`` as
  objects) and building a committee's next meeting from one.
"""
