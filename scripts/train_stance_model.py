"""Train the stance model that ships with newslab (``newslab/data/stance_model.npz``).

Reproducible from referenced files only (nothing is copied into the repository):

- NewsMTSC train (``../shared/eval/newsmtsc/train.jsonl``; Hamborg & Donnay, EACL 2021,
  MIT licence), 8,739 targets, weight 1;
- the project's own sentences, ``data/annotations/stance_gold.jsonl`` (279 targets), and
  the project's real-text labels, ``data/annotations/stance_real.jsonl``,
  ``stance_real2.jsonl`` and ``stance_real3.jsonl``, split ``train`` only (239 + 203 + 200
  references into
  ``../shared/corpora`` and ``../shared/seeds``, resolved at run time), both weight
  ``--weight`` (default 5: few rows, the construct the project measures).

Never BBC text, never ``../shared/eval/country_stance``, never a test split. Parameters:
``StanceModel(C=0.5, context=6)``, chosen on a 12% hold-out of NewsMTSC train (never its
devtest files). ``--cv K`` only cross-validates every method on the real train rows of every
round, K folds by article (the figures the default method is chosen by, with the dev
set). The model card (what it was trained on, how it scores, its figures) goes into the
file's JSON and into ``newslab/data/stance_model.md`` (figures from ``--card``).

    PYTHONPATH=. python scripts/train_stance_model.py [--shared DIR] [--out PATH] [--weight 5]
    PYTHONPATH=. python scripts/train_stance_model.py --cv 5
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


def real_train(shared: Path) -> pd.DataFrame:
    """The train rows of the project's real-text labels, every round (references resolved
    against ``shared``), with their ``file`` (the article) for grouped folds."""
    parts = [ev.split(ev.read_gold(ROOT / "data" / "annotations" / name, shared=shared),
                      "train").assign(labels_file=name) for name in REAL]
    return pd.concat(parts, ignore_index=True)


def training_data(shared: Path, weight: float, real: pd.DataFrame | None = None):
    mtsc = ev.read_gold(shared / "eval" / "newsmtsc" / "train.jsonl", format="newsmtsc")
    own = ev.read_gold(ROOT / "data" / "annotations" / "stance_gold.jsonl")
    real = real_train(shared) if real is None else real
    parts = [("NewsMTSC train.jsonl (MIT)", mtsc, 1.0),
             ("data/annotations/stance_gold.jsonl", own, weight)]
    parts += [(f"data/annotations/{name} split=train", real[real["labels_file"] == name],
               weight) for name in REAL]
    X = pd.concat([p[COLS] for _, p, _ in parts], ignore_index=True)
    w = np.concatenate([np.full(len(p), wt) for _, p, wt in parts])
    sources = [{"source": name, "rows": len(p), "weight": wt,
                "labels": {k: int(v) for k, v in p["label"].value_counts().sort_index().items()}}
               for name, p, wt in parts]
    return X, w, sources


def cross_validate(shared: Path, weight: float, C: float, k: int = 5) -> dict:
    """Macro-F1 of every method on the real train rows of every round, ``k``-fold by article
    (a fold's articles never in its training rows; NewsMTSC train and stance_gold always in
    them): out-of-fold labels pooled over the folds."""
    import hashlib

    from newslab.evaluation.metrics import classification_metrics
    real = real_train(shared)
    fold = real["file"].map(lambda f: int(hashlib.sha256(f.encode()).hexdigest(), 16) % k)
    pred = {m: [None] * len(real) for m in stance.METHODS}
    for i in range(k):
        test = real[fold == i]
        X, w, _ = training_data(shared, weight, real[fold != i])
        model = stance.StanceModel(C=C, context=6).fit(X[["text", "start", "end"]],
                                                      X["label"], sample_weight=w)
        for m in stance.METHODS:
            got = stance.score_targets(test["text"], test["start"], test["end"], method=m,
                                       model=model if m in ("trained", "combined") else None)
            for j, lab in zip(test.index, got["label"]):
                pred[m][j] = lab
    gold = real["label"].tolist()
    return {m: round(classification_metrics(gold, p)["macro_f1"], 3) for m, p in pred.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=None, help="the shared data folder (default ../shared)")
    ap.add_argument("--out", default=str(ROOT / "newslab" / "data" / "stance_model.npz"))
    ap.add_argument("--weight", type=float, default=5.0,
                    help="weight of the project's own rows (default 5)")
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="only cross-validate: K-fold by article on the real train rows, "
                         "every method, macro-F1 (no model written)")
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
                             "any test split (NewsMTSC devtest_rw/devtest_mt, "
                             "stance_real split=test)"],
        "how_it_scores": "one-vs-rest logistic regression over TF-IDF word 1-2-grams of the "
                         "sentence with the target masked, of the 6 words left and right of "
                         "the target, and the rules' signals (role, act, rule, neutral "
                         "decisions, lexicon polarity near the target, position, quotes); "
                         "label = most probable class, score = p(positive) - p(negative)",
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
