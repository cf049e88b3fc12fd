"""Sentences, tokens, KWIC and term frequencies."""

import subprocess
import sys

import pandas as pd
import pytest

from newslab import kwic, sentences, term_frequencies, tokens
from newslab.load import _frame
from newslab.tokenize import (SENTENCE_COLUMNS, STOP_WORDS, TOKEN_COLUMNS, news_abbreviations,
                              split_sentences, word_spans)


def article(*paragraphs, aid="a1"):
    return _frame([{"article_id": aid, "title": "", "date": None, "url": None, "outlet": None,
                    "dateline": None, "text": "\n".join(paragraphs),
                    "paragraphs": list(paragraphs), "n_paragraphs": len(paragraphs),
                    "path": "x", "line": None, "duplicate_of": None}])


def sents(text):
    return [text[a:b] for a, b in split_sentences(text)]


def words(text):
    return [text[a:b] for a, b in word_spans(text)]


# --- sentences -------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Talks are set for Jan. 10. Biden will not attend.",
     ["Talks are set for Jan. 10.", "Biden will not attend."]),
    ("The U.S. said it would respond. Russia denied it.",
     ["The U.S. said it would respond.", "Russia denied it."]),
    ("Gen. Milley spoke. Sen. Graham did not.", ["Gen. Milley spoke.", "Sen. Graham did not."]),
    ("Mr. Putin and Dr. Smith met at St. Petersburg on Dec. 3. Then they left.",
     ["Mr. Putin and Dr. Smith met at St. Petersburg on Dec. 3.", "Then they left."]),
    ("The U.K. and the U.N. agreed. Talks resume Feb. 1.",
     ["The U.K. and the U.N. agreed.", "Talks resume Feb. 1."]),
    ('"We will respond," he said. "Decisively."', ['"We will respond," he said.',
                                                   '"Decisively."']),
    # an unbalanced quote must not swallow the rest of the paragraph
    ('Blinken "reiterated support, Price said. Russia massed troops.',
     ['Blinken "reiterated support, Price said.', "Russia massed troops."]),
])
def test_sentence_splitting(text, expected):
    assert sents(text) == expected


def test_abbreviation_list_is_data():
    abbr = news_abbreviations()
    assert {"jan", "u.s", "gen", "mr", "sen"} <= abbr
    assert "ill" not in abbr  # a word that often ends a sentence


def test_seed_sentences(seed_articles, seed_sentences):
    s = seed_sentences
    assert list(s.columns) == SENTENCE_COLUMNS
    assert len(s) == 33
    text = seed_articles.text[0]
    for r in s.itertuples():
        assert text[r.start:r.end] == r.text  # offsets round-trip
    assert s.text[0] == ("The United States and Russia are scheduled to hold security talks "
                         "on Jan. 10.")
    assert (s.sentence_id == range(len(s))).all()
    assert s.paragraph_id.is_monotonic_increasing
    assert s.paragraph_id.max() == 18


def test_sentences_never_cross_paragraphs():
    a = article("First para without end", "Second para. Two sentences.")
    s = sentences(a)
    assert s.text.tolist() == ["First para without end", "Second para.", "Two sentences."]
    assert s.paragraph_id.tolist() == [0, 1, 1]
    text = a.text[0]
    assert all(text[r.start:r.end] == r.text for r in s.itertuples())


def test_sentence_splitting_needs_no_nltk_data(tmp_path):
    """Same sentences with NLTK data hidden: run in a subprocess with NLTK_DATA empty."""
    code = ("import nltk; nltk.data.path[:] = []; "
            "from newslab.tokenize import split_sentences; "
            "print(split_sentences('The U.S. met on Jan. 10. Gen. Milley spoke.'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={"NLTK_DATA": str(tmp_path), "PATH": ""}, check=True).stdout
    assert out.strip() == "[(0, 24), (25, 43)]"


# --- tokens ----------------------------------------------------------------------------


@pytest.mark.parametrize("text,expected", [
    ("Russia's troops", ["Russia", "'s", "troops"]),
    ("Russia\u2019s troops", ["Russia", "\u2019s", "troops"]),
    ("They don't know", ["They", "do", "n't", "know"]),
    ("the U.S. and U.K.", ["the", "U.S.", "and", "U.K."]),
    ("on Jan. 10, Gen. Milley", ["on", "Jan.", "10", ",", "Gen.", "Milley"]),
    ("100,000 troops, 5.2% growth, $3.5", ["100,000", "troops", ",", "5.2%", "growth", ",",
                                            "$3.5"]),
    ("de-escalate U.S.-Russia talks", ["de-escalate", "U.S.", "-", "Russia", "talks"]),
    ('"severe consequences" if', ['"', "severe", "consequences", '"', "if"]),
    ("O'Brien said... yes", ["O'Brien", "said", "...", "yes"]),
    ("COVID-19 and G7", ["COVID-19", "and", "G7"]),
    ("see https://nbcnews.com/x?a=1 now", ["see", "https://nbcnews.com/x?a=1", "now"]),
])
def test_word_tokens(text, expected):
    assert words(text) == expected


def test_tokens_table(seed_articles, seed_sentences, seed_tokens):
    t = seed_tokens
    assert list(t.columns) == TOKEN_COLUMNS
    text = seed_articles.text[0]
    assert all(text[a:b] == tok for a, b, tok in zip(t.start, t.end, t.token))
    first = t[t.sentence_id == 0]
    assert first.token.tolist()[:5] == ["The", "United", "States", "and", "Russia"]
    assert (first.token_id == range(len(first))).all()
    row = t[t.token == "de-escalate"].iloc[0]
    assert row.is_alpha and not row.is_stop
    assert t[t.lower == "the"].is_stop.all()
    assert not t[t.token == "100,000"].is_alpha.any()
    # keys: one row per (article, sentence, token)
    assert not t.duplicated(["article_id", "sentence_id", "token_id"]).any()


def test_possessives_count_with_the_name(seed_tokens):
    freq = term_frequencies(seed_tokens).set_index("term")
    # "Russia's" appears in the seed: its "Russia" counts with the plain name
    assert freq.loc["russia", "n"] == 16
    assert "'s" not in freq.index


def test_stop_words_come_from_scikit_learn():
    """newslab/data/stop_words_en.txt is scikit-learn's list, word for word."""
    text = pytest.importorskip("sklearn.feature_extraction.text")
    assert STOP_WORDS == text.ENGLISH_STOP_WORDS and len(STOP_WORDS) == 318


def test_term_frequencies_shape(seed_tokens):
    f = term_frequencies(seed_tokens)
    assert list(f.columns) == ["term", "n", "share"]
    assert f.term.tolist()[:4] == ["russia", "biden", "ukraine", "said"]
    assert f.n.is_monotonic_decreasing
    assert f.share.sum() == pytest.approx(1.0)
    by = term_frequencies(seed_tokens, by="article_id")
    assert list(by.columns) == ["article_id", "term", "n", "share"]


# --- KWIC ------------------------------------------------------------------------------


def test_kwic_word(seed_tokens):
    k = kwic(seed_tokens, "sanctions", window=3)
    assert list(k.columns) == ["article_id", "sentence_id", "token_id", "start", "end",
                               "left", "keyword", "right"]
    assert len(k) == 6
    assert (k.keyword.str.lower() == "sanctions").all()


def test_kwic_phrase_glob_and_text(seed_articles, seed_tokens):
    k = kwic(seed_tokens, "security talks", window=2, articles=seed_articles)
    assert k.keyword.tolist() == ["security talks"]
    assert k.left[0] == "to hold" and k.right[0] == "on Jan."
    g = kwic(seed_tokens, "inva*", window=1)
    assert sorted(g.keyword.str.lower().unique()) == ["invade", "invaded", "invades",
                                                      "invasion"]
    text = seed_articles.text[0]
    assert all(text[a:b].lower().startswith("inva") for a, b in zip(g.start, g.end))


def test_kwic_case_and_empty(seed_tokens):
    assert len(kwic(seed_tokens, "RUSSIA")) == 16
    assert len(kwic(seed_tokens, "RUSSIA", ignore_case=False)) == 0
    with pytest.raises(ValueError):
        kwic(seed_tokens, "  ")


def test_empty_articles_give_empty_tables():
    a = article("x").iloc[:0]
    s = sentences(a)
    t = tokens(s)
    assert list(s.columns) == SENTENCE_COLUMNS and s.empty
    assert list(t.columns) == TOKEN_COLUMNS and t.empty
    assert isinstance(t, pd.DataFrame)
