"""Train the stance model that ships with newslab (``newslab/data/stance_model.npz``).

Reproducible from referenced files only (nothing is copied into the repository):

- NewsMTSC train (``../shared/eval/newsmtsc/train.jsonl``; Hamborg & Donnay, EACL 2021,
  MIT licence), 8,739 targets, weight 1;
- the project's own sentences, ``data/annotations/stance_gold.jsonl`` (279 targets), and
  the project's real-text labels of rounds 1-3, ``data/annotations/stance_real.jsonl``,
  ``stance_real2.jsonl`` and ``stance_real3.jsonl``, both splits (development data since
  round 4), and the official-statement rows of round 4, ``stance_real4.jsonl`` (200 rows,
  state.gov and en.kremlin.ru; its 200 BBC rows never: BBC text may not be trained on;
  round 4 is development data since round 5 was drawn), and the official-statement rows
  of round 5, ``stance_real5.jsonl`` (200 rows, state.gov and en.kremlin.ru, read once as
  a test at the end of session 20, development data since round 6 was drawn; its 200 BBC
  rows never); references into
  ``../shared/corpora`` and ``../shared/seeds``, resolved at run time; weight ``--weight``
  (default 2: few rows, the construct the project measures).

Never BBC text, never ``../shared/eval/country_stance``, never NewsMTSC's devtest files,
never round 5's BBC rows, never round 6. Parameters: ``StanceModel(C=2.0, context=6)``, C chosen by the mean of the
two cross-validations: ``--cv-newsmtsc 5`` (NewsMTSC train, 5 folds by sentence; the
project's rows always in training) and ``--cv K`` (every method on the project's rows of
rounds 1-3, K folds by article; NewsMTSC train, stance_gold and the official rows of rounds
4 and 5 always in the training folds), and ``combined`` at several thresholds: the figures the default method and
``COMBINED_MIN_PROB`` are checked by, with the dev set. The model card (what it was trained
on, how it scores, its figures) goes into the file's JSON (figures from ``--card``) and
into ``newslab/data/stance_model.md``.

    PYTHONPATH=. python scripts/train_stance_model.py [--shared DIR] [--out PATH] [--weight 2]
    PYTHONPATH=. python scripts/train_stance_model.py --cv 5
    PYTHONPATH=. python scripts/train_stance_model.py --cv-newsmtsc 5 [--C 1.0]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from newslab import stance  # noqa: E402
from newslab.evaluation import references  # noqa: E402
from newslab.evaluation import stance as ev  # noqa: E402

COLS = ["text", "start", "end", "label"]


REAL = ("stance_real.jsonl", "stance_real2.jsonl", "stance_real3.jsonl")
#: the splits of REAL trained on (all: development data since round 4)
SPLITS = ("train", "test")
#: round 4: only its official-statement rows are trained on (never its BBC rows)
REAL4 = "stance_real4.jsonl"
#: round 5: likewise only its official-statement rows (never its BBC rows)
REAL5 = "stance_real5.jsonl"
#: the default C (the best mean of the two cross-validations; see the model card)
C_DEFAULT = 2.0


def official_rows(shared: Path, name: str = REAL4) -> pd.DataFrame:
    """The official-statement rows of round 4 or 5 (``source`` other than ``bbc``;
    references resolved against ``shared``)."""
    gold = ev.read_gold(ROOT / "data" / "annotations" / name, shared=shared)
    out = gold[gold["source"].astype(str) != "bbc"].reset_index(drop=True)
    if out["file"].astype(str).str.contains("bbc", case=False).any():
        raise SystemExit(f"{name}: a BBC row left among the official rows")
    return out


def real_rows(shared: Path) -> pd.DataFrame:
    """The rows of the project's real-text labels of rounds 1-3, both splits (references
    resolved against ``shared``), with their ``file`` (the article) for grouped folds."""
    parts = []
    for name in REAL:
        gold = ev.read_gold(ROOT / "data" / "annotations" / name, shared=shared)
        parts += [ev.split(gold, sp).assign(labels_file=name) for sp in SPLITS]
    return pd.concat(parts, ignore_index=True)


def _fold(key: str, k: int) -> int:
    """The cross-validation fold of ``key`` (an article's file, a sentence): a hash, so the
    same key is in the same fold in every run."""
    import hashlib
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % k


def training_data(shared: Path, weight: float, real: pd.DataFrame | None = None):
    mtsc = ev.read_gold(shared / "eval" / "newsmtsc" / "train.jsonl", format="newsmtsc")
    own = ev.read_gold(ROOT / "data" / "annotations" / "stance_gold.jsonl")
    real = real_rows(shared) if real is None else real
    parts = [("NewsMTSC train.jsonl (MIT)", mtsc, 1.0),
             ("data/annotations/stance_gold.jsonl", own, weight)]
    parts += [(f"data/annotations/{name} split=train+test", real[real["labels_file"] == name],
               weight) for name in REAL]
    parts += [(f"data/annotations/{name} official statements only (state.gov, "
               "en.kremlin.ru)", official_rows(shared, name), weight) for name in (REAL4, REAL5)]
    X = pd.concat([p[COLS] for _, p, _ in parts], ignore_index=True)
    w = np.concatenate([np.full(len(p), wt) for _, p, wt in parts])
    sources = [{"source": name, "rows": len(p), "weight": wt,
                "labels": {k: int(v) for k, v in p["label"].value_counts().sort_index().items()}}
               for name, p, wt in parts]
    return X, w, sources


def cross_validate(shared: Path, weight: float, C: float, k: int = 5,
                   thresholds=(0.6, 0.7, 0.8, 0.9)) -> dict:
    """Macro-F1 of every method on the project's rows of rounds 1-3, ``k``-fold by article
    (a fold's articles never in its training rows; NewsMTSC train, stance_gold and the
    official rows of rounds 4 and 5 always in them): out-of-fold labels pooled over the folds; and ``combined`` with each of
    ``thresholds`` as ``COMBINED_MIN_PROB``."""
    from newslab.evaluation.metrics import classification_metrics
    from newslab.stance import score as sc
    real = real_rows(shared)
    fold = real["file"].map(lambda f: _fold(f, k))
    runs = list(stance.METHODS) + [f"combined@{t}" for t in thresholds]
    pred = {m: [None] * len(real) for m in runs}
    for i in range(k):
        test = real[fold == i]
        X, w, _ = training_data(shared, weight, real[fold != i])
        model = stance.StanceModel(C=C, context=6).fit(X[["text", "start", "end"]],
                                                      X["label"], sample_weight=w)
        for m in runs:
            meth, _, t = m.partition("@")
            old = sc.COMBINED_MIN_PROB
            sc.COMBINED_MIN_PROB = float(t) if t else old
            try:
                got = stance.score_targets(test["text"], test["start"], test["end"],
                                           method=meth, model=model if meth in (
                                               "trained", "combined") else None)
            finally:
                sc.COMBINED_MIN_PROB = old
            for j, lab in zip(test.index, got["label"]):
                pred[m][j] = lab
    gold = real["label"].tolist()
    return {"rows": len(real), "folds": k,
            **{m: round(classification_metrics(gold, p)["macro_f1"], 3)
               for m, p in pred.items()}}


def cross_validate_newsmtsc(shared: Path, weight: float, C: float, k: int = 5,
                            class_weight="balanced") -> dict:
    """Macro-F1 of ``trained`` on NewsMTSC train, ``k``-fold by sentence (a fold's sentences
    never in its training rows; the project's rows always in them, at ``weight``): how C
    and the class weights are chosen (never on NewsMTSC's devtest files)."""
    from newslab.evaluation.metrics import classification_metrics
    X, w, sources = training_data(shared, weight)
    n = sources[0]["rows"]  # NewsMTSC train comes first
    fold = np.array([_fold(t, k) if i < n else -1 for i, t in enumerate(X["text"])])
    pred = np.empty(n, dtype=object)
    for i in range(k):
        fit = fold != i
        model = stance.StanceModel(C=C, context=6, class_weight=class_weight).fit(
            X.loc[fit, ["text", "start", "end"]], X.loc[fit, "label"], sample_weight=w[fit])
        pred[fold[:n] == i] = model.predict(X.loc[fold == i, ["text", "start", "end"]])
    m = classification_metrics(X["label"].iloc[:n].tolist(), pred.tolist())
    return {"newsmtsc_train_cv": k, "C": C, "class_weight": class_weight,
            "macro_f1": round(m["macro_f1"], 3)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=None, help="the shared data folder (default ../shared)")
    ap.add_argument("--out", default=str(ROOT / "newslab" / "data" / "stance_model.npz"))
    ap.add_argument("--weight", type=float, default=2.0,
                    help="weight of the project's own rows (default 2)")
    ap.add_argument("--C", type=float, default=C_DEFAULT)
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="only cross-validate: K-fold by article on the project's rows of "
                         "rounds 1-3, "
                         "every method, macro-F1 (no model written)")
    ap.add_argument("--cv-newsmtsc", type=int, default=0, metavar="K",
                    help="only cross-validate the trained model on NewsMTSC train, K folds "
                         "by sentence (the project's rows always in training), macro-F1")
    ap.add_argument("--card", default=None,
                    help="a JSON file of measured figures to put into the model card")
    args = ap.parse_args(argv)
    shared = references.shared_dir(args.shared)
    if not (shared / "eval" / "newsmtsc" / "train.jsonl").is_file():
        print(f"skipped: NewsMTSC not found under {shared}")
        return 0
    if args.cv:
        print(json.dumps(cross_validate(shared, args.weight, args.C, args.cv)))
        return 0
    if args.cv_newsmtsc:
        print(json.dumps(cross_validate_newsmtsc(shared, args.weight, args.C,
                                                 args.cv_newsmtsc)))
        return 0
    X, w, sources = training_data(shared, args.weight)
    t = time.perf_counter()
    model = stance.StanceModel(C=args.C, context=6).fit(X[["text", "start", "end"]],
                                                        X["label"], sample_weight=w)
    secs = time.perf_counter() - t
    figures = json.loads(Path(args.card).read_text(encoding="utf-8")) if args.card else {}
    card = {
        "name": "newslab shipped stance model",
        "trained_on": sources,
        "never_trained_on": ["BBC News text", "../shared/eval/country_stance (dev or held-out)",
                             "NewsMTSC devtest_rw/devtest_mt",
                             "the BBC rows of data/annotations/stance_real4.jsonl and "
                             "stance_real5.jsonl",
                             "round 6 (the untouched test set)"],
        "how_it_scores": "one-vs-rest logistic regression (balanced class weights) over "
                         "TF-IDF word 1-2-grams of the sentence with the target masked, of "
                         "the 6 words left and right of the target, of its clause and of the "
                         "target's own words (people and leaders), and the rules' signals (role, "
                         "act, rule, neutral decisions, lexicon polarity near the target with "
                         "negation scope, crossed with the role, position, quotes); label = "
                         "most probable class, score = p(positive) - p(negative)",
        "credit": "NewsMTSC: F. Hamborg and K. Donnay, NewsMTSC: A Dataset for "
                  "(Multi-)Target-dependent Sentiment Classification in Political News "
                  "Articles, EACL 2021 (MIT licence)",
        "params": model.get_params(), "n_train": int(model.n_train_),
        "train_seconds": round(secs, 1), "figures": figures,
        "reproduce": "PYTHONPATH=. python scripts/train_stance_model.py",
    }
    p = model.save(args.out, card=card)
    print(f"trained on {len(X)} targets in {secs:.0f} s; saved to {p}")
    for s in sources:
        print(f"  {s['source']}: {s['rows']} rows, weight {s['weight']}, {s['labels']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
