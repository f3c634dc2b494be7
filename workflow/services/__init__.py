"""The clerk's operations on an open archive, one service per concern.

Every service is built on one :class:`~workflow.services.workspace.Workspace` (the git
archive, the clerk's settings, identity and clock, and the shared
:class:`~workflow.services.cache.Cache`) and asks the others it needs for theirs:

- :mod:`~workflow.services.register`: the people register and the committees;
- :mod:`~workflow.services.meetings`: reading, creating, saving and renumbering meetings;
- :mod:`~workflow.services.checks`: every problem of a record, for the validation panel;
- :mod:`~workflow.services.lifecycle`: publish, minutes, circulate, approve, amend;
- :mod:`~workflow.services.decisions`: records of decision, call-in, the forward plan;
- :mod:`~workflow.services.documents`: Word, text and PDF documents, the redline;
- :mod:`~workflow.services.history`: versions, differences, restoring;
- :mod:`~workflow.services.search` and :mod:`~workflow.services.sync`;
- :mod:`~workflow.services.editing`: a meeting in the clerk's own editor, kept in the
  autosave folder until it is saved;
- :mod:`~workflow.services.importing` (published minutes into the archive) and
  :mod:`~workflow.services.archives` (creating an archive, the sample).

The command line and the terminal UI open a workspace and ask for the service they need.
"""
