"""Exceptions that newslab raises for problems a user can fix."""


class NewslabError(Exception):
    """A problem with the user's input (a missing path, no articles, a bad gold file).

    The command line prints its message on one line, without a traceback, and exits 2.
    """


class NewslabWarning(UserWarning):
    """Something the user should know that did not stop the run (a batch that failed and
    went to the skipped table). The command line prints it as ``newslab: warning: ...``."""
