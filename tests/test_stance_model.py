"""The model's TF-IDF arithmetic and the rules' cache: fast paths equal to plain ones."""

import math
from collections import Counter
from importlib import resources

import numpy as np

from newslab.stance import model as M
from newslab.stance.rules import _rules, rules_score


def _plain_tfidf(docs, index, idf, n_max):
    out = np.zeros((len(docs), len(idf)))
    for r, d in enumerate(docs):
        c = Counter(t for t in M._ngrams(d, n_max) if t in index)
        for t, k in c.items():
            out[r, index[t]] = (1 + math.log(k)) * idf[index[t]]
        n = np.sqrt((out[r] ** 2).sum())
        if n:
            out[r] /= n
    return out


def test_tfidf_matches_the_plain_formula_with_empty_rows():
    docs = ["the cat sat on the mat", "", "a dog, a cat and a bird", "nothing known here",
            "the the the cat", ""]
    vocab, idf = M._fit_vocab(docs[:3] + docs[4:], 2, 1)
    index = {t: i for i, t in enumerate(vocab)}
    got = M._tfidf(docs, index, idf, 2).toarray()
    assert got.shape == (6, len(vocab))
    assert np.allclose(got, _plain_tfidf(docs, index, idf, 2), atol=1e-12)
    assert not got[1].any() and not got[5].any() and not got[3].any()
    assert M._tfidf(["", ""], index, idf, 2).nnz == 0


def test_cached_rules_equal_the_uncached_ones():
    ref = resources.files("newslab").joinpath("data/stance_verbs.csv")
    texts = [("Russia invaded Ukraine.", "Ukraine"), ("Talks on Syria ended.", "Syria"),
             ("Critics call Maria Lopez a corrupt fraud.", "Maria Lopez")]
    with resources.as_file(ref) as path:
        for text, target in texts:
            s = text.index(target)
            a = rules_score(text, s, s + len(target))
            assert a == rules_score(text, s, s + len(target))  # from the cache
            assert a == _rules(text, s, s + len(target), str(path))
