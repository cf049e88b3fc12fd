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
``plots``) holds the rest of its functions. Every name here is imported on first use
(``import newslab`` itself loads nothing heavy), so a script pays only for what it uses.
"""

from importlib import import_module

from .errors import NewslabError

__version__ = "0.1.0"

#: public name -> (module, attribute; None: the module itself), imported on first use
_LAZY = {
    "countries": (".countries", None), "keywords": (".keywords", None),
    "schema": (".schema", None), "sentiment": (".sentiment", None),
    "stance": (".stance", None),
    **{n: (".countries", n) for n in ("count_by_article", "count_by_country",
                                      "countries_only", "find_mentions")},
    "keywords_table": (".keywords", "keywords"),
    **{n: (".load", n) for n in ("load_articles", "read_corpus", "skipped_table")},
    **{n: (".pipeline", n) for n in ("analyze", "read_table")},
    **{n: (".sentiment", n) for n in ("article_tone", "score_paragraphs", "score_sentences")},
    **{n: (".stance", n) for n in ("analyze_stance", "score_mentions", "score_target")},
    **{n: (".tokenize", n) for n in ("kwic", "sentences", "term_frequencies", "tokens")},
}

__all__ = sorted(["NewslabError", "__version__", *_LAZY])


def __getattr__(name):
    try:
        module, attr = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    value = import_module(module, __name__)
    if attr is not None:
        value = getattr(value, attr)
    globals()[name] = value
    return value


def __dir__():
    return sorted(set(globals()) | set(_LAZY))
