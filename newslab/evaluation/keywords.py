"""Keyphrase evaluation: the benchmark folders' reader and precision, recall, F1 at k.

``newslab evaluate keywords DOCS_DIR KEYS_DIR [--k 10] [--method NAME]``
(:func:`evaluate_keyphrases`): precision, recall and F1 at k against gold keyphrases, both
sides lower-cased, split into words and Porter-stemmed, exact match of the stemmed phrase.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import NewslabError
from ..keywords import DEFAULT_METHOD, METHODS, keywords
from ..keywords.normalize import normalize_phrase, stem_phrases


def read_documents(docs_dir, keys_dir=None):
    """Documents of a keyphrase benchmark: ``DOCS_DIR/*.txt`` (one document per file,
    paragraphs one per line) and, if given, ``KEYS_DIR/<same stem>.key`` (one gold
    keyphrase per line). Returns ``(articles, gold)``: an articles table (article_id = the
    file stem; title empty; text = the non-empty lines joined by newlines) and a dict
    article_id -> list of gold phrases. Documents without a key file are left out."""
    d = Path(docs_dir)
    if not d.is_dir():
        raise NewslabError(f"documents folder not found: {docs_dir}")
    files = sorted(d.glob("*.txt"))
    if not files:
        raise NewslabError(f"no .txt documents in {docs_dir}")
    gold = {}
    if keys_dir is not None:
        k = Path(keys_dir)
        if not k.is_dir():
            raise NewslabError(f"keys folder not found: {keys_dir}")
        for f in files:
            kf = k / f"{f.stem}.key"
            if kf.is_file():
                lines = kf.read_text(encoding="utf-8", errors="replace").splitlines()
                gold[f.stem] = [ln.strip() for ln in lines if ln.strip()]
        if not gold:
            raise NewslabError(f"no .key file in {keys_dir} matches a document in {docs_dir}")
        files = [f for f in files if f.stem in gold]
    rows = []
    for f in files:
        raw = f.read_bytes().decode("utf-8", errors="replace").replace("\r\n", "\n")
        paras = [" ".join(ln.split()) for ln in raw.split("\n") if ln.strip()]
        rows.append({"article_id": f.stem, "title": "", "text": "\n".join(paras),
                     "paragraphs": paras, "n_paragraphs": len(paras)})
    return pd.DataFrame(rows), gold


def prf_at_k(gold: dict, predicted: dict, k: int) -> dict:
    """Precision, recall and F1 at ``k``, averaged over documents (macro), after
    :func:`normalize_phrase` on both sides (duplicates after normalisation count once).

    Per document: P = matches in the first k distinct predictions / number of those
    predictions (k, or fewer when the document yields fewer), R = matches / distinct gold
    phrases, F1 their harmonic mean (0 when both are 0); a document with no prediction scores
    0. Also returns micro-averaged figures (``micro_*``) and ``n`` (documents)."""
    ps, rs, fs = [], [], []
    tp = npred = ngold = 0
    for doc, g in gold.items():
        gs = set(stem_phrases(g)) - {""}
        seen, preds = set(), []
        for p in predicted.get(doc, []):
            q = normalize_phrase(p)
            if q and q not in seen:
                seen.add(q)
                preds.append(q)
            if len(preds) == k:
                break
        m = len(gs.intersection(preds))
        p = m / len(preds) if preds else 0.0
        r = m / len(gs) if gs else 0.0
        ps.append(p)
        rs.append(r)
        fs.append(2 * p * r / (p + r) if p + r else 0.0)
        tp, npred, ngold = tp + m, npred + len(preds), ngold + len(gs)
    mp = tp / npred if npred else 0.0
    mr = tp / ngold if ngold else 0.0
    return {"n": len(gold), "k": k, "precision": float(np.mean(ps)),
            "recall": float(np.mean(rs)), "f1": float(np.mean(fs)),
            "micro_precision": mp, "micro_recall": mr,
            "micro_f1": 2 * mp * mr / (mp + mr) if mp + mr else 0.0}


def evaluate_keyphrases(docs_dir, keys_dir, *, k: int = 10, method: str = DEFAULT_METHOD,
                        ks=None) -> dict:
    """Run ``method`` over the documents of DOCS_DIR (all together: corpus statistics such
    as document frequencies come from DOCS_DIR itself) and score its top ``k`` against the
    gold keyphrases of KEYS_DIR (:func:`prf_at_k`). With ``ks`` (a list of k) the result
    holds ``at`` = {k: metrics} as well."""
    from ..tokenize import sentences as _sentences, tokens as _tokens
    if k < 1:
        raise NewslabError("--k must be at least 1")
    if method not in METHODS:
        raise NewslabError(f"unknown keyword method {method!r}; choose from "
                           f"{', '.join(METHODS)}")
    arts, gold = read_documents(docs_dir, keys_dir)
    sents = _sentences(arts)
    toks = _tokens(sents)
    kmax = max([k, *(ks or [])])
    df = keywords(toks, method=method, top=kmax + 10, sentences=sents)
    pred = {a: g["term"].tolist() for a, g in df.groupby("article_id", sort=False)}
    out = prf_at_k(gold, pred, k)
    out["method"] = method
    if ks:
        out["at"] = {int(x): prf_at_k(gold, pred, int(x)) for x in ks}
    return out
