"""The ``trained`` method's scoring: :class:`StancePredictor`, a trained stance model read
from its file, without scikit-learn.

Scoring a mention with a model needs only NumPy, SciPy's sparse matrices and the model's
arrays and JSON; scikit-learn (about 1.2 CPU-s to import) is needed only to train one. The
predictor holds what :class:`newslab.stance.model.StanceModel` (the scikit-learn estimator,
built on this class) learns and computes its answers with the same code: the same design
matrix, decision function and probabilities, bit for bit. The shipped model
(``newslab.stance.shipped_model``) and models given to scoring by path are predictors;
:func:`newslab.stance.load_model` still gives a :class:`StanceModel`.

File format: see ``newslab.stance.model`` (:func:`load_predictor` reads the same files and
refuses the same things, in one line).
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse

from ..errors import NewslabError
from .features import contexts, masked, target_signals
from .persons import target_kind

#: the format tag written into every model file
FORMAT = "newslab-stance-model"
FORMAT_VERSION = 4
#: the blocks of TF-IDF text features, in design-matrix order
TEXT_BLOCKS = ("sentence", "left", "right", "clause", "target")
#: the target kinds (``newslab.stance.persons.target_kind``) whose own words are a text
#: block: people and leaders (who they are is a prior NewsMTSC's labels carry); a country's
#: name never is (the codebook: how the sentence presents it, not which country it is)
TARGET_KINDS = frozenset(("other", "pronoun", "leader"))
_TOKEN = re.compile(r"(?u)\b\w[\w']*\b")


# --- TF-IDF, written out so that fitting and a loaded file compute the same thing -----------

def _ngrams(doc: str, n_max: int) -> list[str]:
    words = _TOKEN.findall(doc.lower())
    out = list(words)
    for n in range(2, n_max + 1):
        out += [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return out


def _tfidf(docs: list[str], index: dict[str, int], idf: np.ndarray, n_max: int):
    """Sublinear TF-IDF rows (1 + log count) x idf, each L2-normalised, as a CSR matrix;
    one pass over the documents, the arithmetic done once over all of them."""
    get = index.get
    indptr, cols, counts = [0], [], []
    seen: dict[str, dict[int, int]] = {}  # a document repeated: its counts once
    for d in docs:
        c = seen.get(d)
        if c is None:
            c = seen[d] = {}
            for t in _ngrams(d, n_max):
                j = get(t)
                if j is not None:
                    c[j] = c.get(j, 0) + 1
        cols.extend(c)
        counts.extend(c.values())
        indptr.append(len(cols))
    shape = (len(docs), len(idf))
    if not cols:
        return sparse.csr_matrix(shape)
    ix = np.asarray(cols, dtype=np.int64)
    v = (1.0 + np.log(np.asarray(counts, dtype=float))) * idf[ix]
    ptr = np.asarray(indptr, dtype=np.int64)
    nonempty = ptr[1:] > ptr[:-1]
    norms = np.sqrt(np.add.reduceat(v * v, ptr[:-1][nonempty]))
    v /= np.repeat(norms, np.diff(ptr)[nonempty])
    return sparse.csr_matrix((v, ix, ptr), shape=shape)


def _as_frame(X) -> pd.DataFrame:
    if isinstance(X, pd.DataFrame):
        missing = [c for c in ("text", "start", "end") if c not in X.columns]
        if missing:
            raise NewslabError(f"StanceModel needs X with columns text, start, end "
                               f"(missing {', '.join(missing)})")
        return X
    raise NewslabError("StanceModel needs X as a DataFrame with columns text, start, end, "
                       f"not {type(X).__name__}")


class StancePredictor:
    """A trained stance model's answers (``decision_function``, ``predict_proba``,
    ``predict``; columns in ``classes_`` order), from :func:`load_predictor` or as the base
    of :class:`newslab.stance.model.StanceModel`.

    Parameters: ``C`` (inverse regularisation, > 0), ``ngram_max`` (longest word n-gram),
    ``min_df`` (fewest training sentences a term must occur in), ``context`` (words left
    and right of the target in the context vocabularies), ``class_weight``.
    """

    def __init__(self, C: float = 1.0, ngram_max: int = 2, min_df: int = 2,
                 context: int = 6, class_weight="balanced"):
        self.C = C
        self.ngram_max = ngram_max
        self.min_df = min_df
        self.context = context
        self.class_weight = class_weight

    # design matrix ---------------------------------------------------------------------
    def _docs(self, X: pd.DataFrame):
        texts = [str(t) for t in X["text"]]
        starts = [int(s) for s in X["start"]]
        ends = [int(e) for e in X["end"]]
        # once per distinct target (text, start, end): a sentence repeated in a corpus
        # (duplicates, boilerplate) gives the same documents and signals
        done: dict[tuple, tuple] = {}
        keys = list(zip(texts, starts, ends))
        for k in keys:
            if k not in done:
                t, s, e = k
                sig, clause = target_signals(t, s, e)
                left, right = contexts(t, s, e, self.context)
                own = t[s:e] if target_kind(t[s:e]) in TARGET_KINDS else ""
                done[k] = (masked(t, s, e), left, right, clause, own, sig)
        rows = [done[k] for k in keys]
        return ({b: [r[i] for r in rows] for i, b in enumerate(TEXT_BLOCKS)},
                [r[-1] for r in rows])

    def _design(self, docs: dict, feats: list[dict]):
        parts = [_tfidf(docs[b], self._index_[b], self.idf_[b], int(self.ngram_max))
                 for b in TEXT_BLOCKS]
        # every row's signals in one pass: the known names with a non-zero value, in order
        get = self._feature_index_.get
        rows = np.repeat(np.arange(len(feats)), [len(f) for f in feats])
        cols = np.array([-1 if j is None else j for f in feats for j in map(get, f)],
                        dtype=np.int64)
        vals = np.array([v for f in feats for v in f.values()], dtype=float)
        keep = (cols >= 0) & (vals != 0)
        parts.append(sparse.csr_matrix((vals[keep], (rows[keep], cols[keep])),
                                       shape=(len(feats), len(self.feature_names_))))
        return sparse.hstack(parts).tocsr()

    def _check_fitted(self):
        if not hasattr(self, "coef_"):
            raise NewslabError("the stance model is not trained: call fit() first")

    def decision_function(self, X) -> np.ndarray:
        self._check_fitted()
        docs, feats = self._docs(_as_frame(X))
        return np.asarray(self._design(docs, feats) @ self.coef_.T) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, columns in ``classes_`` order."""
        d = self.decision_function(X)
        p = 1.0 / (1.0 + np.exp(-d))
        s = p.sum(axis=1, keepdims=True)
        s[s == 0] = 1.0
        return p / s

    def predict(self, X) -> np.ndarray:
        return self.classes_[self.predict_proba(X).argmax(axis=1)]

    @classmethod
    def _from_file(cls, meta: dict, arrays: dict) -> "StancePredictor":
        m = cls(**meta["params"])
        m.classes_ = np.array(meta["classes"], dtype=object)
        m.n_train_ = int(meta["n_train"])
        m.vocabulary_ = {b: list(meta["vocabulary"][b]) for b in TEXT_BLOCKS}
        m.idf_ = {b: np.asarray(arrays[f"idf_{b}"], dtype=float) for b in TEXT_BLOCKS}
        m._index_ = {b: {t: i for i, t in enumerate(m.vocabulary_[b])} for b in TEXT_BLOCKS}
        m.feature_names_ = list(meta["feature_names"])
        m._feature_index_ = {k: i for i, k in enumerate(m.feature_names_)}
        m.coef_ = np.asarray(arrays["coef"], dtype=float)
        m.intercept_ = np.asarray(arrays["intercept"], dtype=float)
        m.card_ = meta.get("card") or {}
        width = sum(len(m.vocabulary_[b]) for b in TEXT_BLOCKS) + len(m.feature_names_)
        if m.coef_.shape != (len(m.classes_), width) or m.intercept_.shape != (len(m.classes_),):
            raise ValueError("array shapes do not match the vocabularies")
        return m

    def __repr__(self):
        n = getattr(self, "n_train_", None)
        return f"{type(self).__name__}(C={self.C}{'' if n is None else f', trained on {n}'})"


def read_model(path, cls=StancePredictor):
    """A ``cls`` (:class:`StancePredictor` or a subclass) from a file written by
    ``StanceModel.save`` (or ``newslab train-stance``). Only NumPy arrays and JSON are read;
    pickles, joblib files and anything else are refused with a one-line
    :class:`NewslabError`."""
    p = Path(path)
    if p.is_dir():
        raise NewslabError(f"stance model {path} is a folder, not a model file")
    if not p.is_file():
        raise NewslabError(f"stance model not found: {path}")
    bad = (f"{path} is not a newslab stance model (expected a .npz file written by "
           "`newslab train-stance`; pickle and joblib files are never loaded)")
    if not zipfile.is_zipfile(p):
        raise NewslabError(bad)
    try:
        with np.load(p, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
        meta = json.loads(arrays.pop("meta_json").tobytes().decode("utf-8"))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise ValueError("not our format")
        if meta.get("version") != FORMAT_VERSION:
            raise NewslabError(f"{path}: stance model format version {meta.get('version')!r}, "
                               f"this newslab reads version {FORMAT_VERSION} (train it again)")
        return cls._from_file(meta, arrays)
    except NewslabError:
        raise
    except Exception:  # noqa: BLE001 - any malformed archive is a bad file, in one line
        raise NewslabError(bad) from None




def load_predictor(path) -> StancePredictor:
    """A :class:`StancePredictor` from a model file (see :func:`read_model`)."""
    return read_model(path)
