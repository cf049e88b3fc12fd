"""Stance speed: per-mention scoring by method, attribution, aggregates, model training.

Everything runs in this one process on the same tables, best of ``--repeat`` runs:

- baseline: ``method="sentence"`` (one VADER compound per sentence, cached per sentence);
- ``method="rules"``: clause segmentation, role rules, VADER on the clause as fallback;
- ``method="trained"``: the shipped model (``newslab/data/stance_model.npz``);
- attribution (``newslab.attribution.attribute_sentences``), sentences per second;
- aggregates (``article_stance``, ``country_stance``, ``dyads``) with bootstrap intervals;
- training a model on NewsMTSC train (8,739 targets), seconds (when ../shared/eval is there).

Corpus: BBC News (2,225 articles) from ../shared/eval when present (read at run time, never
copied), else the seed article repeated; ``--n`` articles at most.

Seconds are wall and CPU (``time.process_time``: fair on a loaded machine); best of
``--repeat``. ``trained, cold`` empties the sentence, rules, lexicon and VADER window caches
before each run (a run's first pass over new sentences); ``trained`` runs after ``rules``
with them warm, as before. ``--no-train`` leaves the training out. ``NEWSLAB_TREE=DIR``
imports newslab from another tree (paired runs of two trees, alternating)::

    python benchmarks/bench_stance.py [--n 2225] [--repeat 2] [--no-train]
    for i in 1 2 3; do for t in benchmarks/out/tree-7374bce .; do
        NEWSLAB_TREE=$t python benchmarks/bench_stance.py --no-train; done; done
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(os.environ.get("NEWSLAB_TREE", ROOT)).resolve()))

import pandas as pd  # noqa: E402

import newslab as nl  # noqa: E402
from newslab import stance  # noqa: E402
from newslab.attribution import attribute_sentences  # noqa: E402
from newslab.countries import find_mentions  # noqa: E402

EVAL = Path(os.environ.get("NEWSLAB_EVAL_DIR", ROOT.parent / "shared" / "eval"))


def best(fn, repeat, before=None):
    """(best wall seconds, best CPU seconds, the last output) of ``repeat`` runs of ``fn``
    (``before()`` first, untimed, each run)."""
    times, cpu, out = [], [], None
    for _ in range(repeat):
        if before is not None:
            before()
        t, c = time.perf_counter(), time.process_time()
        out = fn()
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    return min(times), min(cpu), out


def cold():
    """Empty what the stance scorers cache across calls (whichever of them this tree has)."""
    from newslab.stance import clauses, features, rules
    for f in (getattr(clauses, "_analysed", None), getattr(rules, "_rules_cached", None),
              getattr(features, "_lexicon_hits", None), getattr(features, "_vader", None)):
        if f is not None:
            f.cache_clear()


def corpus(n: int) -> pd.DataFrame:
    bbc = EVAL / "bbc_news" / "bbc_news.jsonl"
    if bbc.is_file():
        rows = [json.loads(x) for x in bbc.read_text(encoding="utf-8").splitlines()][:n]
        with tempfile.TemporaryDirectory() as d:
            p = Path(d) / "bbc.jsonl"
            pd.DataFrame({"id": [r["id"] for r in rows], "title": [r["title"] for r in rows],
                          "text": [r["text"] for r in rows]}).to_json(p, orient="records",
                                                                      lines=True)
            return nl.load_articles(p, verbose=False), "BBC News"
    seed = nl.load_articles(ROOT / "seeds", verbose=False)
    reps = [seed.assign(article_id=f"{a}-{i}") for i in range(n) for a in seed["article_id"]]
    return pd.concat(reps, ignore_index=True), "seed article repeated"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2225, help="articles (default: 2225)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per measurement (best kept)")
    ap.add_argument("--no-train", action="store_true", help="leave training out")
    args = ap.parse_args(argv)

    arts, name = corpus(args.n)
    sents = nl.sentences(arts)
    ments = find_mentions(sents, arts)
    print(f"newslab from {Path(nl.__file__).parent.parent}")
    print(f"corpus: {name}, {len(arts)} articles, {len(sents)} sentences, "
          f"{len(ments)} mentions")

    mtsc = EVAL / "newsmtsc" / "train.jsonl"
    if mtsc.is_file() and not args.no_train:
        train = stance.read_gold(mtsc)
        t_train, _, _ = best(lambda: stance.train_model(train), 1)
        print(f"train-stance on NewsMTSC train ({len(train)} targets): {t_train:.1f} s")
    model = stance.shipped_model()

    t_att, _, att = best(lambda: attribute_sentences(sents, articles=arts), args.repeat)
    print(f"attribution: {t_att:.2f} s, {len(sents) / t_att:,.0f} sentences/s "
          f"({len(att)} attributed, {att['speaker_iso3'].notna().sum()} with a country)")

    results = {}
    for method in ("sentence", "trained, cold", "rules", "trained"):
        m = method.split(",")[0]
        kw = {"model": model} if m == "trained" else {}
        results[method] = best(lambda: stance.score_mentions(sents, ments, method=m,
                                                             attribution=att, **kw),
                               args.repeat, before=cold if "cold" in method else None)
    base = results["sentence"][0]
    n = len(results["sentence"][2])
    print(f"\n{'method':<14} {'seconds':>8} {'mentions/s':>11} {'x baseline time':>16} "
          f"{'CPU-s':>7} {'mentions/CPU-s':>15}")
    for method, (t, c, _) in results.items():
        print(f"{method:<14} {t:>8.2f} {n / t:>11,.0f} {t / base:>16.2f} {c:>7.2f} "
              f"{n / c:>15,.0f}")
    st = results["rules"][2]
    t_agg, _, _ = best(lambda: (stance.article_stance(st), stance.country_stance(st, arts),
                             stance.dyads(st, arts)), args.repeat)
    print(f"\naggregates (article, country, dyads; 1000 bootstrap resamples each): {t_agg:.2f} s")
    agree = (results["rules"][2]["label"] == results["sentence"][2]["label"]).mean()
    print(f"rules and sentence labels agree on {agree:.1%} of mentions")
    for method in ("rules", "trained"):
        lab = results[method][2]["label"].value_counts(normalize=True)
        print(f"{method}: " + ", ".join(f"{k} {v:.1%}" for k, v in lab.items()))
    digest = hashlib.sha256(results["trained"][2].to_csv().encode()).hexdigest()[:16]
    print(f"trained table sha256 {digest} (equal across trees: the same answers)")
    base = st["rule"].str.split("+").str[0]
    top = base.value_counts(normalize=True).head(8)
    print("rules decided by: " + ", ".join(f"{k} {v:.1%}" for k, v in top.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
