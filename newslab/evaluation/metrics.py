"""Classification and set metrics, and the JSON Lines gold reader every task shares.

Used by ``newslab evaluate sentiment|stance|countries|keywords``. Metrics come from
scikit-learn so that they mean what a reader expects.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

from ..errors import NewslabError

LABELS = ("negative", "neutral", "positive")


def read_jsonl(path, required: tuple[str, ...] = ()) -> list[dict]:
    """Read a gold JSON Lines file; a missing file or bad line is a :class:`NewslabError`."""
    p = Path(path)
    if not p.is_file():
        raise NewslabError(f"gold file not found: {path}")
    rows = []
    with p.open(encoding="utf-8-sig") as fh:
        for i, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise NewslabError(f"{p.name}:{i}: invalid JSON ({e.msg})") from None
            missing = [k for k in required if k not in obj]
            if missing:
                raise NewslabError(f"{p.name}:{i}: missing key(s) {', '.join(missing)}")
            rows.append(obj)
    if not rows:
        raise NewslabError(f"gold file is empty: {path}")
    return rows


def classification_metrics(gold: list[str], pred: list[str],
                           labels: tuple[str, ...] = LABELS) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Keys: ``n, accuracy, macro_f1, per_class, confusion, labels`` (confusion rows are gold,
    columns predicted, both in ``labels`` order).
    """
    labels = list(labels)
    bad = sorted({g for g in gold if g not in labels})
    if bad:
        raise NewslabError(f"unknown gold label(s): {', '.join(map(str, bad))}; "
                           f"expected {', '.join(labels)}")
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    return {
        "n": len(gold),
        "accuracy": float(accuracy_score(gold, pred)),
        "macro_f1": float(np.mean(f)),
        "per_class": {lab: {"precision": float(p[i]), "recall": float(r[i]),
                            "f1": float(f[i]), "support": int(s[i])}
                      for i, lab in enumerate(labels)},
        "confusion": confusion_matrix(gold, pred, labels=labels).tolist(),
        "labels": labels,
    }


def format_classification(m: dict, title: str = "") -> str:
    """A plain-text report of :func:`classification_metrics`."""
    labels = m["labels"]
    out = []
    if title:
        out.append(title)
    out.append(f"n = {m['n']}   accuracy = {m['accuracy']:.3f}   macro-F1 = {m['macro_f1']:.3f}")
    out.append("")
    out.append(f"{'class':<10} {'precision':>9} {'recall':>7} {'F1':>6} {'support':>8}")
    for lab in labels:
        c = m["per_class"][lab]
        out.append(f"{lab:<10} {c['precision']:>9.3f} {c['recall']:>7.3f} {c['f1']:>6.3f} "
                   f"{c['support']:>8d}")
    out.append("")
    out.append("confusion (rows: gold, columns: predicted)")
    w = max(len(x) for x in labels) + 1
    out.append(" " * w + "".join(f"{lab[:8]:>9}" for lab in labels))
    for lab, row in zip(labels, m["confusion"]):
        out.append(f"{lab:<{w}}" + "".join(f"{v:>9d}" for v in row))
    return "\n".join(out)


def set_metrics(gold_sets: list[set], pred_sets: list[set]) -> dict:
    """Micro-averaged precision, recall and F1 over per-item sets (e.g. countries per sentence)."""
    tp = sum(len(g & p) for g, p in zip(gold_sets, pred_sets))
    npred = sum(len(p) for p in pred_sets)
    ngold = sum(len(g) for g in gold_sets)
    precision = tp / npred if npred else 1.0
    recall = tp / ngold if ngold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"n": len(gold_sets), "precision": precision, "recall": recall, "f1": f1,
            "tp": tp, "n_pred": npred, "n_gold": ngold}
