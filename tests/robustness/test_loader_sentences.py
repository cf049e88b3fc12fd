"""Sentence splitting with bounded work: a huge paragraph among ordinary articles keeps every
article, every sentence span is exact, and the work does not depend on the clock."""

from __future__ import annotations

import random

import pandas as pd
import pytest

from newslab import sentences, tokens
from newslab.load import frame
from newslab.tokenize import MAX_PIECE, sentence_splitter, split_sentences

WORDS = ("the talks went on for hours and officials said nothing new about Mr. Smith or "
         "U.S. policy in Jan. while markets").split()


def prose(n: int, seed: int = 0) -> str:
    rnd = random.Random(seed)
    out, size = [], 0
    while size < n:
        s = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 30)))
        s = s[0].upper() + s[1:] + rnd.choice([".", ".", ".", "?", "!", '."'])
        out.append(s)
        size += len(s) + 1
    return " ".join(out)[:n].rstrip()


LONG = {
    "prose": lambda n: prose(n),
    "no whitespace": lambda n: "x" * n,
    "only periods": lambda n: "." * n,
    "periods and spaces": lambda n: ". " * (n // 2),
    "abbreviations": lambda n: ("U.S. Gen. Jan. " * (n // 15 + 1))[:n],
    "table row": lambda n: ("| 1,234 | 5.6% | x |" * (n // 20 + 1))[:n],
    "no sentence end": lambda n: ("word " * (n // 5 + 1))[:n],
    "CJK": lambda n: ("新闻报道说。" * (n // 6 + 1))[:n],
}


def article(aid, *paragraphs):
    return {"article_id": aid, "title": "", "date": None, "url": None, "outlet": None,
            "dateline": None, "text": "\n".join(paragraphs), "paragraphs": list(paragraphs),
            "n_paragraphs": len(paragraphs), "path": "x", "line": None, "duplicate_of": None}


def assert_exact_cover(text: str, spans):
    """Spans in order, not overlapping, each a stripped slice, covering every non-space."""
    pos = 0
    covered = 0
    for s, e in spans:
        assert pos <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert not text[pos:s].strip()
        covered += e - s
        pos = e
    assert not text[pos:].strip()


@pytest.mark.parametrize("kind", list(LONG))
def test_a_long_paragraph_is_split_exactly(kind):
    text = LONG[kind](2 * MAX_PIECE + 123)
    spans = split_sentences(text)
    assert_exact_cover(text, spans)
    assert split_sentences(text) == spans  # deterministic


@pytest.mark.parametrize("n", [100, MAX_PIECE - 1, MAX_PIECE])
def test_paragraphs_up_to_the_cap_are_plain_punkt(n):
    text = prose(n, seed=n)
    assert split_sentences(text) == list(sentence_splitter().span_tokenize(text))


def test_a_huge_paragraph_among_300_articles_keeps_all_300():
    arts = [article(f"a{k:03d}", prose(400, seed=k), prose(300, seed=k + 1000))
            for k in range(300)]
    arts[150] = article("a150", "Intro.", prose(400_000, seed=7), "Outro.")
    df = frame(arts)
    sents = sentences(df)
    assert sents["article_id"].nunique() == 300
    texts = dict(zip(df.article_id, df.text))
    assert all(texts[r.article_id][r.start:r.end] == r.text for r in sents.itertuples())
    big = sents[sents.article_id == "a150"]
    assert big.text.iloc[0] == "Intro." and big.text.iloc[-1] == "Outro."
    assert big.text.str.len().max() <= MAX_PIECE
    toks = tokens(sents)
    assert toks["article_id"].nunique() == 300


def test_offsets_stay_right_after_a_cut_paragraph():
    long = prose(3 * MAX_PIECE, seed=3)
    df = frame([article("a", long, "After the long one. Second.")])
    s = sentences(df)
    assert s.text.iloc[-2:].tolist() == ["After the long one.", "Second."]
    assert (s.paragraph_id.iloc[-2:] == 1).all()
    assert all(df.text[0][r.start:r.end] == r.text for r in s.itertuples())
    assert pd.Index(s.sentence_id).is_monotonic_increasing
