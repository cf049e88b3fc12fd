"""Keywords, key phrases and keyness: what an article is about, what sets a group apart.

Every method takes the ``tokens`` table (``newslab.tokenize.tokens``) and returns a tidy
table with at least ``group, term, score, rank`` (higher score = more key; rank 1 = best
within the group), plus columns of its own. What lives where:

- ``terms``: the preprocessing every method shares (:func:`term_mask`: alphabetic or an
  abbreviation, not a stop word, two letters or more), sparse counts, article chunks;
- ``tfidf``: :func:`tfidf`, TF-IDF of each article's terms;
- ``keyness``: :func:`keyness`, :func:`keyness_by`, :func:`article_keyness`,
  :func:`keyness_arrays`: G2 and weighted log-odds of term frequencies, against the rest of
  the corpus, another table or general English (wordfreq);
- ``documents``: :func:`document_keyness`, the test to use between groups of articles
  (outlets, periods): it counts articles, not words, so its p-values hold;
- ``phrases``: :func:`candidate_phrases`, :func:`key_phrases` (the default method),
  :func:`rake`, :func:`yake_like`; ``ngrams``: the candidates as integer codes with
  64-bit phrase hashes (what :func:`key_phrases` and the stage score);
- ``collocations``: :func:`collocations` (NLTK finders); ``countries``: :func:`country_terms`;
- ``normalize``: :func:`normalize_phrase` (Porter stems, cached per word);
- ``stage``: :func:`keywords` (one method, one shape) and :func:`keywords_stage` (over
  pieces of articles; :func:`keywords_parts` hands its output over piece by piece).

Evaluation against gold keyphrases lives in ``newslab.evaluation.keywords``.
"""

from .collocations import collocations
from .countries import MENTION_COLUMNS, country_terms
from .documents import article_test, benjamini_hochberg, document_keyness
from .keyness import (ENGLISH_COMMON, ENGLISH_SIZE, article_keyness, common_english,
                      english_frequencies, keyness, keyness_arrays, keyness_by)
from .normalize import normalize_phrase, stem_phrases
from .phrases import candidate_phrases, key_phrases, rake, yake_like
from .stage import (DEFAULT_METHOD, KEYWORD_COLUMNS, METHODS, STAGE_METHODS, keywords,
                    keywords_parts, keywords_stage)
from .terms import CHUNK_ARTICLES, term_mask
from .tfidf import tfidf

__all__ = ["CHUNK_ARTICLES", "DEFAULT_METHOD", "ENGLISH_COMMON", "ENGLISH_SIZE",
           "KEYWORD_COLUMNS", "MENTION_COLUMNS", "METHODS", "STAGE_METHODS",
           "article_keyness", "article_test", "benjamini_hochberg", "candidate_phrases",
           "collocations", "common_english", "country_terms", "document_keyness",
           "english_frequencies", "key_phrases", "keyness", "keyness_arrays", "keyness_by",
           "keywords", "keywords_parts", "keywords_stage", "normalize_phrase", "rake",
           "stem_phrases", "term_mask", "tfidf", "yake_like"]

_EVALUATION = ("read_documents", "prf_at_k", "evaluate_keyphrases")


def __getattr__(name):
    # the evaluation functions moved to newslab.evaluation.keywords; old paths keep working
    if name in _EVALUATION:
        from ..evaluation import keywords as _ev
        return getattr(_ev, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
