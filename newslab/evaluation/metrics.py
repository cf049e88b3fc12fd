"""Classification and set metrics, and the JSON Lines gold reader every task shares.

Used by ``newslab evaluate sentiment|stance|countries|keywords``. Metrics come from
scikit-learn so that they mean what a reader expects; it is imported when a metric is
computed (about 1.2 CPU-s), not by the readers and labels here, which every command's
parser and a run's scoring load.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from ..errors import NewslabError

LABELS = ("negative", "neutral", "positive")


def read_jsonl(path, required: tuple[str, ...] = (), *, numbered: bool = False) -> list:
    """Read a gold JSON Lines file: one JSON object per line (blank lines skipped).

    Every problem is one :class:`NewslabError` naming the file (and line): a missing file or
    a folder, a binary or UTF-16 file, bytes that are not UTF-8, invalid JSON, a line that
    is not an object (a bare number, a list), missing keys, no lines at all. With
    ``numbered=True`` the rows come as ``(line number, object)`` pairs."""
    p = Path(path)
    if not p.exists():
        raise NewslabError(f"gold file not found: {path}")
    if not p.is_file():
        raise NewslabError(f"gold file {path} is not a file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise NewslabError(f"cannot read {path}: {e.strerror}") from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise NewslabError(f"{p.name}: UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise NewslabError(f"{p.name}: a binary file, not JSON Lines")
    rows = []
    for i, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8-sig" if i == 1 else "utf-8")
        except UnicodeDecodeError as e:
            raise NewslabError(f"{p.name}:{i}: not UTF-8 (byte {e.start + 1} of the line)") \
                from None
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:
            msg = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            raise NewslabError(f"{p.name}:{i}: invalid JSON ({msg})") from None
        if not isinstance(obj, dict):
            kind = {list: "a list", str: "a string", bool: "true/false", type(None): "null",
                    int: "a number", float: "a number"}.get(type(obj), type(obj).__name__)
            raise NewslabError(f"{p.name}:{i}: expected a JSON object, got {kind}")
        missing = [k for k in required if k not in obj]
        if missing:
            raise NewslabError(f"{p.name}:{i}: missing key(s) {', '.join(missing)}")
        rows.append((i, obj) if numbered else obj)
    if not rows:
        raise NewslabError(f"gold file is empty: {path}")
    return rows


def classification_metrics(gold: list[str], pred: list[str],
                           labels: tuple[str, ...] = LABELS) -> dict:
    """Accuracy, macro-F1, per-class precision/recall/F1/support and the confusion matrix.

    Keys: ``n, accuracy, macro_f1, per_class, confusion, labels`` (confusion rows are gold,
    columns predicted, both in ``labels`` order).
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
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


def coder_agreement(a: list, b: list) -> dict:
    """Agreement of two coders who answered the same rows (``a[i]`` and ``b[i]``, any
    hashable answers: labels, tuples of codes): ``n``, ``agree`` (share of rows with the same
    answer), Cohen's kappa (scikit-learn's; 1.0 when both gave one and the same answer
    throughout) and Krippendorff's alpha (nominal, two coders, no missing values:
    ``1 - (N - 1) * D / (N^2 - sum_c n_c^2)``, N = 2 values per row, n_c how often answer c
    was given, D = 2 per disagreeing row)."""
    if len(a) != len(b) or not a:
        raise ValueError("coder_agreement needs two equally long, non-empty lists")
    ids: dict = {}
    ya = [ids.setdefault(x, len(ids)) for x in a]
    yb = [ids.setdefault(x, len(ids)) for x in b]
    n = len(ya)
    disagree = sum(x != y for x, y in zip(ya, yb))
    from sklearn.metrics import cohen_kappa_score
    kappa = 1.0 if len(ids) == 1 else float(cohen_kappa_score(ya, yb))
    counts = np.bincount(ya + yb)
    expected = (2 * n) ** 2 - int((counts ** 2).sum())
    alpha = 1.0 if expected == 0 else 1 - (2 * n - 1) * 2 * disagree / expected
    return {"n": n, "agree": 1 - disagree / n, "kappa": kappa, "alpha": alpha}
