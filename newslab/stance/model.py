"""The ``trained`` method: :class:`StanceModel`, a scikit-learn estimator, and its file format.

Scoring needs none of this module: :class:`StanceModel` is built on
:class:`newslab.stance.predictor.StancePredictor` (the same answers without scikit-learn);
this module adds fitting, saving and what scikit-learn expects of an estimator.

``X`` is a DataFrame with the columns ``text, start, end`` (the target is
``text[start:end]``); ``y`` the labels negative / neutral / positive. Parameters are stored
as given to ``__init__``; everything learned lives in attributes ending in ``_``; predicting
changes nothing. ``sklearn.base.clone``, ``Pipeline``, ``cross_val_score`` and
``GridSearchCV`` work on it.

Features (see ``newslab.stance.features``): TF-IDF word 1-2-grams of the sentence with the
target masked, of the words left of the target, of the words right of it and of the
target's own clause (the rules' clause, target masked) and of the target's own words
(who it is, for people and leaders, never a country's name: :data:`TARGET_KINDS`; five
vocabularies), and the hand-built signals of the rules (role, act, neutral cues, rule
score, lexicon polarity near the target, position, quotes). Classifier: one-vs-rest
logistic regression (liblinear, one binary model per class), balanced class weights,
optional sample weights; probabilities are the normalised one-vs-rest sigmoids.

File format (:meth:`StanceModel.save`, :func:`load_model`): one NumPy ``.npz`` archive read
with ``allow_pickle=False`` holding only numeric arrays and one JSON document (parameters,
vocabularies, feature names, classes, card). Nothing in the file can run code; anything
else is refused with a one-line :class:`NewslabError`.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin

from ..errors import NewslabError
from .predictor import (FORMAT, FORMAT_VERSION, TARGET_KINDS, TEXT_BLOCKS,  # noqa: F401
                        StancePredictor, _as_frame, _ngrams, _tfidf, read_model)


def _fit_vocab(docs: list[str], n_max: int, min_df: int) -> tuple[list[str], np.ndarray]:
    df = Counter()
    for d in docs:
        df.update(set(_ngrams(d, n_max)))
    vocab = sorted(t for t, c in df.items() if c >= min_df)
    n = len(docs)
    idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocab], dtype=float)
    return vocab, idf


class StanceModel(StancePredictor, ClassifierMixin, BaseEstimator):
    """Target-dependent stance classifier (see the module doc; parameters: those of
    :class:`~newslab.stance.predictor.StancePredictor`)."""

    def fit(self, X, y, sample_weight=None):
        """Learn vocabularies, feature names and weights from ``X`` (text, start, end)
        and ``y`` (labels); ``sample_weight`` weighs rows (e.g. a small in-domain set)."""
        from sklearn.linear_model import LogisticRegression
        if isinstance(self.C, bool) or not isinstance(self.C, (int, float)) or \
                not (self.C > 0 and math.isfinite(self.C)):
            raise NewslabError(f"C must be a positive number, not {self.C!r}")
        X = _as_frame(X)
        labels = np.array([str(v) for v in (y.tolist() if hasattr(y, "tolist") else list(y))],
                          dtype=object)
        if len(labels) != len(X):
            raise NewslabError(f"X has {len(X)} rows but y {len(labels)} labels")
        classes = sorted(set(labels))
        if len(classes) < 2:
            raise NewslabError("training data needs at least two different labels")
        w = np.ones(len(labels)) if sample_weight is None else \
            np.asarray(sample_weight, dtype=float)
        docs, feats = self._docs(X)
        self.vocabulary_, self.idf_, self._index_ = {}, {}, {}
        for b in TEXT_BLOCKS:
            v, idf = _fit_vocab(docs[b], int(self.ngram_max), int(self.min_df))
            self.vocabulary_[b], self.idf_[b] = v, idf
            self._index_[b] = {t: i for i, t in enumerate(v)}
        self.feature_names_ = sorted({k for f in feats for k in f})
        self._feature_index_ = {k: i for i, k in enumerate(self.feature_names_)}
        M = self._design(docs, feats)
        # one-vs-rest: one binary logistic regression per class (liblinear), each with
        # scikit-learn's "balanced" weights for its two sides, times the sample weights
        coefs, inter = [], []
        for c in classes:
            yc = (labels == c).astype(int)
            if self.class_weight == "balanced":
                wsum = np.array([w[yc == 0].sum(), w[yc == 1].sum()])
                side = w.sum() / (2 * np.maximum(wsum, 1e-12))
                sw = w * side[yc]
            elif isinstance(self.class_weight, dict):
                sw = w * np.where(yc == 1, float(self.class_weight.get(c, 1.0)), 1.0)
            else:
                sw = w
            lr = LogisticRegression(C=float(self.C), solver="liblinear", random_state=0)
            lr.fit(M, yc, sample_weight=sw)
            coefs.append(lr.coef_.ravel())
            inter.append(float(lr.intercept_[0]))
        self.classes_ = np.array(classes, dtype=object)
        self.coef_ = np.vstack(coefs)
        self.intercept_ = np.array(inter, dtype=float)
        self.n_train_ = len(labels)
        return self

    # files -----------------------------------------------------------------------------
    def save(self, path, *, card: dict | None = None) -> Path:
        """Write the model to ``path`` (a ``.npz`` file; see the module doc)."""
        self._check_fitted()
        p = Path(path)
        if p.is_dir():
            raise NewslabError(f"--out {path} is a folder: give a file name (model.npz)")
        meta = {"format": FORMAT, "version": FORMAT_VERSION, "params": self.get_params(),
                "classes": [str(c) for c in self.classes_], "n_train": int(self.n_train_),
                "vocabulary": self.vocabulary_, "feature_names": self.feature_names_,
                "card": card or {}}
        arrays = {"coef": self.coef_, "intercept": self.intercept_,
                  **{f"idf_{b}": self.idf_[b] for b in TEXT_BLOCKS},
                  "meta_json": np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)}
        try:
            p.parent.mkdir(parents=True, exist_ok=True)
            with p.open("wb") as fh:
                np.savez_compressed(fh, **arrays)
        except OSError as e:
            raise NewslabError(f"cannot write the model to {path}: {e.strerror}") from None
        return p



def load_model(path) -> StanceModel:
    """A :class:`StanceModel` from a file written by :meth:`StanceModel.save` (or
    ``newslab train-stance``): see ``newslab.stance.predictor.read_model``."""
    return read_model(path, StanceModel)


def train_model(gold: pd.DataFrame, **params) -> StanceModel:
    """Fit a :class:`StanceModel` on a gold table (text, start, end, label)."""
    return StanceModel(**params).fit(gold[["text", "start", "end"]], gold["label"])
