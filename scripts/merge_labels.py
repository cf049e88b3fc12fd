"""Merge two coders' labels of a reference sample into the gold file, with their agreement.

Each coder writes one JSON line per row (``uid`` plus the task's fields) without seeing the
other's file. This script reads both, reports agreement (Cohen's kappa and Krippendorff's
alpha, nominal, from ``newslab.evaluation.metrics.coder_agreement``; the confusion of coder
A's labels against coder B's), lists the rows they disagree on for a third reading, and,
given the third reader's decisions (``--settle FILE``: ``{"uid": ..., <field>: ...}`` per
line), writes the gold file: the reference rows plus the gold field, both coders'
values and how each row was settled (``agreed`` or ``third reading``). Nothing of the text is
read or written: the rows are the references under ``data/annotations/``.

Tasks (``--task``):
- ``stance``: field ``label`` (negative / neutral / positive); a coder's ``not_country`` is
  kept (true when either coder flagged the mention). Writes ``label``, ``coder_a``, ``coder_b``,
  ``settled``, ``not_country``.
- ``mentions``: field ``correct`` (yes / no) and ``gold_iso3``; writes ``correct``,
  ``gold_iso3``, ``note``, ``correct_coder1``, ``correct_coder2``, ``settled``.
- ``sentences``: field ``countries`` (a set of ISO3 codes); agreement per (row, country) code
  pair; writes ``countries``, ``note``, ``countries_coder1``, ``countries_coder2``, ``settled``.

    python scripts/merge_labels.py --task stance --refs data/annotations/stance_real2_refs.jsonl \\
        --a A.jsonl --b B.jsonl [--settle THIRD.jsonl --out data/annotations/stance_real2.jsonl]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from newslab.evaluation.metrics import coder_agreement

FIELDS = {"stance": "label", "mentions": "correct", "sentences": "countries"}


def read(path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(ln) for ln in f if ln.strip()]


def by_uid(rows: list[dict], name: str) -> dict:
    out = {}
    for r in rows:
        if r["uid"] in out:
            raise SystemExit(f"{name}: uid {r['uid']} twice")
        out[r["uid"]] = r
    return out


def value(row: dict, task: str):
    v = row.get(FIELDS[task])
    if task == "sentences":
        return tuple(sorted(set(v or ())))
    if task == "mentions":  # "yes", "no", or "no:FRA" (a country, but another one)
        v = str(v).lower()
        code = row.get("gold_iso3") or "" if v == "no" else ""
        return f"{v}:{code}" if code else v
    return v


def agreement(refs: list[dict], a: dict, b: dict, task: str) -> dict:
    """Agreement of the two coders over the reference rows both labelled."""
    uids = [r["uid"] for r in refs if r["uid"] in a and r["uid"] in b]
    if task == "sentences":  # one decision per (row, country either coder coded)
        ya, yb = [], []
        for u in uids:
            sa, sb = set(value(a[u], task)), set(value(b[u], task))
            for c in sorted(sa | sb):
                ya.append(c in sa)
                yb.append(c in sb)
        same_rows = sum(value(a[u], task) == value(b[u], task) for u in uids)
        return {"rows": len(uids), "rows_identical": same_rows, "codes": len(ya),
                "codes_agreed": sum(x == y for x, y in zip(ya, yb)),
                "kappa": None}  # no negative class to count: report the agreement only
    ya = [str(value(a[u], task)) for u in uids]
    yb = [str(value(b[u], task)) for u in uids]
    ag = coder_agreement(ya, yb)
    labels = sorted(set(ya) | set(yb))
    conf = [[sum(1 for x, y in zip(ya, yb) if x == la and y == lb) for lb in labels]
            for la in labels]
    return {"rows": len(uids), "agreed": sum(x == y for x, y in zip(ya, yb)),
            "kappa": round(ag["kappa"], 3), "alpha": round(ag["alpha"], 3), "labels": labels,
            "confusion_a_by_b": conf,
            "counts_a": dict(Counter(ya)), "counts_b": dict(Counter(yb))}


def merge(refs: list[dict], a: dict, b: dict, settle: dict, task: str) -> list[dict]:
    out = []
    for r in refs:
        u = r["uid"]
        if u not in a or u not in b:
            raise SystemExit(f"row {u}: labelled by {'neither' if u not in a and u not in b else 'one coder only'}")
        va, vb = value(a[u], task), value(b[u], task)
        if va == vb:
            gold, how = a[u], "agreed"
        elif u in settle:
            gold, how = settle[u], "third reading"
        else:
            raise SystemExit(f"row {u}: the coders disagree and --settle has no decision")
        row = dict(r)
        if task == "stance":
            row.update(label=gold["label"], coder_a=a[u]["label"], coder_b=b[u]["label"],
                       settled=how,
                       not_country=bool(a[u].get("not_country") or b[u].get("not_country")))
        elif task == "mentions":
            row.update(correct=str(gold["correct"]).lower(),
                       gold_iso3=gold.get("gold_iso3") or "", note=gold.get("note") or "",
                       correct_coder1=str(a[u]["correct"]).lower(),
                       correct_coder2=str(b[u]["correct"]).lower(), settled=how)
        else:
            row.update(countries=sorted(set(gold["countries"])), note=gold.get("note") or "",
                       countries_coder1=sorted(set(a[u]["countries"])),
                       countries_coder2=sorted(set(b[u]["countries"])), settled=how)
        out.append(row)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--task", choices=sorted(FIELDS), required=True)
    ap.add_argument("--refs", type=Path, required=True)
    ap.add_argument("--a", type=Path, required=True, help="coder A's labels")
    ap.add_argument("--b", type=Path, required=True, help="coder B's labels")
    ap.add_argument("--settle", type=Path, help="the third reading of the disagreements")
    ap.add_argument("--out", type=Path, help="write the gold file here")
    a = ap.parse_args(argv)
    refs = read(a.refs)
    ca, cb = by_uid(read(a.a), "coder A"), by_uid(read(a.b), "coder B")
    print(json.dumps(agreement(refs, ca, cb, a.task)))
    dis = [r["uid"] for r in refs if r["uid"] in ca and r["uid"] in cb
           and value(ca[r["uid"]], a.task) != value(cb[r["uid"]], a.task)]
    print("disagreements:", len(dis), " ".join(dis))
    if a.out:
        settle = by_uid(read(a.settle), "settle") if a.settle else {}
        rows = merge(refs, ca, cb, settle, a.task)
        with open(a.out, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"wrote {len(rows)} rows to {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
