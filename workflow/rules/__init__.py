"""The rules: what may happen to a meeting, each as a pure function of records and dates.

- :mod:`~workflow.rules.lifecycle`: the states, the one table of transitions, each step;
- :mod:`~workflow.rules.approval`: approval at a later meeting, the lock, amendments;
- :mod:`~workflow.rules.publication`: what an agenda must meet before it goes out;
- :mod:`~workflow.rules.deadlines` and :mod:`~workflow.rules.calendars`: clear working days
  and the bank holidays behind them;
- :mod:`~workflow.rules.decisions`: key decisions, records of decision, call-in;
- :mod:`~workflow.rules.followup`: actions carried forward, minute citations;
- :mod:`~workflow.rules.membership`: who serves on a committee and is expected to attend;
- :mod:`~workflow.rules.next_steps`: the meeting list, and what the clerk does next for
  each meeting.

Nothing here reads or writes the archive: the services pass records in and store results.
"""
