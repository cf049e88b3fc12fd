"""Sentiment of sentences, paragraphs and articles: VADER, made fit for news, validated.

The scorer is VADER (Hutto & Gilbert 2014), re-implemented here so that it

- runs offline on a fresh install: the lexicon is read from the installed ``vaderSentiment``
  distribution (it ships ``vader_lexicon.txt`` and ``emoji_utf8_lexicon.txt``) through
  ``importlib.resources``; NLTK's port needs ``nltk.download("vader_lexicon")`` and refuses a
  lexicon at an arbitrary path, so it is not used;
- gives the SAME scores as the reference implementation (``vaderSentiment`` 3.3.2, by VADER's
  authors) with ``lexicon="vader"``; ``tests/test_sentiment.py`` checks this to 1e-6;
- is faster than the reference (``benchmarks/bench_sentiment.py``): the reference
  re-lowercases the whole sentence several times per lexicon word, builds the emoji-free
  text one character at a time, and keeps the per-token work (strip, lower, look-ups)
  uncached; here each distinct token is analysed once and cached, the emoji pass is skipped
  when a sentence has no emoji, and the rules only run around lexicon words. The
  reference's "but" rule is quadratic in the text's length (a ``list.index`` per word);
  newslab gives the same result in linear time, which matters when a whole article is
  scored at once. NLTK's port is slower still: its ``SentiText`` builds two dictionaries
  of every word joined with each of 17 punctuation strings for every sentence (34 string
  joins per word) and re-lowers the token list in every rule; it also differs from the
  reference in places (drops one-letter tokens, no "no X" negation, "never so" boost 1.5
  instead of 1.25, a smaller booster list).

``lexicon="news"`` (the default) adds the project's news extension,
``newslab/data/vader_news.tsv``: conflict, diplomatic and economic vocabulary that VADER's
social-media lexicon lacks (invasion, sanctions, ceasefire, refugees; rose, fell, default,
layoffs) and financial-sense overrides for words whose everyday sense misleads in news
("share", "interest", "credit" become neutral). Each entry has a category and a note; the
file's header says how entries were chosen. The rules (negation, boosters, "but", capitals,
punctuation) are VADER's, unchanged.

Labels come from the compound score with VADER's recommended cut-offs:
``compound >= POS_THRESHOLD`` is positive, ``compound <= NEG_THRESHOLD`` negative, the rest
neutral.

One pass over the words: every sentence is scored once (:func:`sentence_stats`: VADER's
sums and GDELT's word counts, each distinct token analysed once), and paragraphs and articles
are combined from their sentences' valences (each sentence keeps its own rules, so a "but" in
one sentence never rescales the next); ``whole_text=True`` runs VADER again on each
paragraph's and article's text, as before.

Where things live: ``vader`` (the VADER port: constants, lexicon files, :class:`Analyzer`),
``lexicons`` (the news extension, TSV extensions, :func:`get_analyzer`), ``scoring``
(:func:`score_sentences`, :func:`score_paragraphs`, labels), ``tone`` (:func:`article_tone`,
GDELT tone), ``stage`` (the pipeline stages ``sentiment_stage`` and ``tone_stage``). Tables:
``sentence_sentiment``, ``paragraph_sentiment``, ``article_sentiment``, ``tone`` (columns in
``newslab.schema``). Gold readers and evaluation: ``newslab.evaluation.sentiment``
(``newslab evaluate sentiment GOLD [--lexicon vader|news] [--format ...]``).
"""

from .lexicons import (LEXICONS, NEWS_LEXICON_FILE, get_analyzer, load_lexicon,
                       news_analyzer, news_extension, polarity_scores, read_lexicon_file)
from .scoring import (NEG_THRESHOLD, POS_THRESHOLD, STATS, combined_scores, label_changes,
                      label_from_compound, score_paragraphs, score_sentences, sentence_stats)
from .stage import sentiment_stage, tone_stage
from .tone import article_tone
from .vader import (B_DECR, B_INCR, BOOSTER_DICT, C_INCR, N_SCALAR, NEGATE, SPECIAL_CASES,
                    Analyzer, combine_stats, emoji_lexicon, vader_lexicon)

__all__ = ["Analyzer", "B_DECR", "B_INCR", "BOOSTER_DICT", "C_INCR", "LEXICONS",
           "NEG_THRESHOLD", "NEGATE", "NEWS_LEXICON_FILE", "N_SCALAR", "POS_THRESHOLD",
           "SPECIAL_CASES", "STATS", "article_tone", "combine_stats", "combined_scores",
           "emoji_lexicon", "get_analyzer", "label_changes", "label_from_compound",
           "load_lexicon", "news_analyzer", "news_extension", "polarity_scores",
           "read_lexicon_file", "score_paragraphs", "score_sentences", "sentence_stats",
           "sentiment_stage", "tone_stage", "vader_lexicon"]
