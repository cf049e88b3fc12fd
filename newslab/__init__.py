"""newslab: analyse how news covers countries.

The public vocabulary, one verb family per stage (see ``newslab.schema`` for the tables):

- ``load_articles(path)`` -> articles; ``skipped_table(articles)`` -> skipped
- ``sentences(articles)`` -> sentences; ``tokens(sentences)`` -> tokens
- ``kwic(tokens, "pattern")``, ``term_frequencies(tokens)``
- ``analyze(path, out)``: the whole pipeline, as ``newslab analyze``
"""

from .errors import NewslabError
from .load import load_articles, read_corpus, skipped_table
from .pipeline import analyze
from .tokenize import kwic, sentences, term_frequencies, tokens

__version__ = "0.1.0"

__all__ = ["NewslabError", "analyze", "kwic", "load_articles", "read_corpus", "sentences",
           "skipped_table", "term_frequencies", "tokens", "__version__"]
