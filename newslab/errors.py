"""Exceptions that newslab raises for problems a user can fix."""


class NewslabError(Exception):
    """A problem with the user's input (a missing path, no articles, a bad gold file).

    The command line prints its message on one line, without a traceback, and exits 2.
    """
