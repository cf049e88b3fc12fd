"""newslab: analyse how news covers countries.

The public vocabulary, one verb family per stage (see ``newslab.schema`` for the tables):

- ``load_articles(path)`` -> articles; ``skipped_table(articles)`` -> skipped
- ``sentences(articles)`` -> sentences; ``tokens(sentences)`` -> tokens
- ``kwic(tokens, "pattern")``, ``term_frequencies(tokens)``
- ``find_mentions(sentences, articles)`` -> mentions; ``count_by_country(mentions)``
- ``score_sentences(sentences)`` -> sentence sentiment; ``article_tone(sentences)``
- ``keywords_table(tokens, method=...)`` and the rest of ``newslab.keywords``
- ``analyze_stance(articles)`` -> stance tables; ``score_target(text, start, end)``
- ``analyze(path, out)``: the whole pipeline, as ``newslab analyze``

Each stage's module (``countries``, ``sentiment``, ``keywords``, ``stance``, ``attribution``,
``plots``) holds the rest of its functions.
"""

from . import countries, keywords, schema, sentiment, stance
from .countries import count_by_article, count_by_country, countries_only, find_mentions
from .errors import NewslabError
from .keywords import keywords as keywords_table
from .load import load_articles, read_corpus, skipped_table
from .pipeline import analyze, read_table
from .sentiment import article_tone, score_paragraphs, score_sentences
from .stance import analyze_stance, score_mentions, score_target
from .tokenize import kwic, sentences, term_frequencies, tokens

__version__ = "0.1.0"

__all__ = ["NewslabError", "analyze", "analyze_stance", "article_tone", "count_by_article",
           "count_by_country", "countries", "countries_only", "find_mentions", "keywords",
           "keywords_table", "kwic", "load_articles", "read_corpus", "read_table", "schema",
           "score_mentions", "score_paragraphs", "score_sentences", "score_target",
           "sentences", "sentiment", "skipped_table", "stance", "term_frequencies", "tokens",
           "__version__"]
