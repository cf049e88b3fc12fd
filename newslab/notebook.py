"""What the notebooks share, so that each notebook holds only its narrative and charts.

- :func:`load_or_stop` / :func:`analyze_or_stop`: read the notebook's ``CORPUS`` (or run
  the pipeline on it); when there is nothing to analyse, the cell stops with one line
  (``Nothing to analyse in '...': why``) and no traceback, in Jupyter as under papermill.
- :func:`show`: draw a chart of :mod:`newslab.plots`, then its alt text as a caption.
"""

from __future__ import annotations

from .errors import NewslabError


def _stop(corpus, err) -> NewslabError:
    """A :class:`NewslabError` that IPython shows as its one line (``_render_traceback_``)."""
    stop = NewslabError(f"Nothing to analyse in {str(corpus)!r}: {err}")
    stop._render_traceback_ = lambda: [str(stop)]
    return stop


def load_or_stop(corpus, **kwargs):
    """``newslab.load_articles(corpus, verbose=False, **kwargs)``, or one line and stop."""
    from .load import load_articles
    try:
        articles = load_articles(corpus, verbose=False, **kwargs)
    except NewslabError as err:
        raise _stop(corpus, err) from None
    if articles.empty:
        raise _stop(corpus, "no usable article (see newslab.skipped_table)")
    return articles


def analyze_or_stop(corpus, out, **kwargs):
    """``newslab.analyze(corpus, out, quiet=True, **kwargs)``, or one line and stop."""
    from .pipeline import analyze
    try:
        return analyze(corpus, out, quiet=True, **kwargs)
    except NewslabError as err:
        raise _stop(corpus, err) from None


def show(ax) -> None:
    """Draw the figure, then its alt text (set on the figure by :mod:`newslab.plots`)."""
    import matplotlib.pyplot as plt
    from IPython.display import Markdown, display

    from .plots import alt_text
    plt.show()
    display(Markdown(f"*Alt text: {alt_text(ax)}*"))
