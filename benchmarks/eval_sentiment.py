"""Sentiment accuracy on every labelled set in ../shared/eval, plain VADER vs news lexicon,
plus an ablation of the news extension (each category left out, the rule turned off).

The sets are read in place at run time (never copied): Financial PhraseBank's four
agreement files (nested: each lower-agreement file contains every sentence of the higher
ones) and NewsMTSC's three files (sentence label = the polarity shared by all its targets;
sentences with mixed targets are left out; see ``newslab.evaluation.sentiment.read_gold``), then the
project's own ``data/annotations/stance_gold.jsonl`` (sentences about countries in conflict,
diplomacy and economy news; per-target stance labels, used the same way). Each
figure equals ``newslab evaluate sentiment FILE --lexicon vader|news``.

    python benchmarks/eval_sentiment.py [--no-ablation] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
EVAL = ROOT.parent / "shared" / "eval"

SETS = [
    ("PhraseBank AllAgree", "financial_phrasebank/Sentences_AllAgree.txt"),
    ("PhraseBank 75Agree", "financial_phrasebank/Sentences_75Agree.txt"),
    ("PhraseBank 66Agree", "financial_phrasebank/Sentences_66Agree.txt"),
    ("PhraseBank 50Agree", "financial_phrasebank/Sentences_50Agree.txt"),
    ("NewsMTSC devtest_rw", "newsmtsc/devtest_rw.jsonl"),
    ("NewsMTSC devtest_mt", "newsmtsc/devtest_mt.jsonl"),
    ("NewsMTSC train", "newsmtsc/train.jsonl"),
]
#: the project's own set (in this repository): sentences about countries, per-target labels
PROJECT_SETS = [("newslab stance_gold", ROOT / "data" / "annotations" / "stance_gold.jsonl")]
ABLATION_SETS = ["PhraseBank AllAgree", "PhraseBank 50Agree", "NewsMTSC devtest_rw",
                 "newslab stance_gold"]


def main(argv=None) -> int:
    from newslab import sentiment as st
    from newslab.evaluation import sentiment as ev
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-ablation", action="store_true", help="skip the ablation table")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    args = ap.parse_args(argv)
    if not EVAL.is_dir():
        print(f"evaluation data not found at {EVAL}", file=sys.stderr)
        return 2
    gold = {name: ev.read_gold(EVAL / rel) for name, rel in SETS if (EVAL / rel).is_file()}
    gold.update({name: ev.read_gold(p) for name, p in PROJECT_SETS if p.is_file()})
    out = {"thresholds": [st.NEG_THRESHOLD, st.POS_THRESHOLD], "sets": {}, "ablation": {}}
    for name, g in gold.items():
        out["sets"][name] = {"n": len(g)}
        for lx in ("vader", "news"):
            m = ev.evaluate(g, lexicon=lx)
            out["sets"][name][lx] = {"macro_f1": m["macro_f1"], "accuracy": m["accuracy"]}
    if not args.no_ablation:
        cats = sorted(st.news_extension()["category"].unique())
        variants = [("full news lexicon", st.news_analyzer()),
                    ("without the direction rule", st.news_analyzer(rule=False))]
        variants += [(f"without {c}", st.news_analyzer(exclude=(c,))) for c in cats]
        for label, an in variants:
            out["ablation"][label] = {name: ev.evaluate(gold[name], lexicon=an)["macro_f1"]
                                      for name in ABLATION_SETS if name in gold}
    if args.json:
        print(json.dumps(out))
        return 0
    print(f"labels: compound >= {st.POS_THRESHOLD} positive, <= {st.NEG_THRESHOLD} negative\n")
    print(f"{'set':<22}{'n':>6}  {'VADER F1':>8} {'acc':>6}  {'news F1':>8} {'acc':>6}")
    for name, r in out["sets"].items():
        print(f"{name:<22}{r['n']:>6}  {r['vader']['macro_f1']:>8.3f} "
              f"{r['vader']['accuracy']:>6.3f}  {r['news']['macro_f1']:>8.3f} "
              f"{r['news']['accuracy']:>6.3f}")
    if out["ablation"]:
        cols = [c for c in ABLATION_SETS if c in gold]
        print("\nablation, macro-F1 with the news lexicon")
        print(f"{'variant':<28}" + "".join(f"{c:>21}" for c in cols))
        for label, r in out["ablation"].items():
            print(f"{label:<28}" + "".join(f"{r[c]:>21.3f}" for c in cols))
    return 0


if __name__ == "__main__":
    sys.exit(main())
