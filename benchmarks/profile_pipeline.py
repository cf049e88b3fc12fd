"""Where ``newslab analyze`` spends its time: one run in this process under cProfile.

Runs ``newslab.analyze`` on ``--n`` BBC News articles (``benchmarks/make_corpus.py``, generated
into ``benchmarks/out/``, never committed) with ``jobs=1`` (everything in this process, so
the profile sees every stage), Parquet only, and prints the top functions by own time and by
cumulative time, plus the time of each stage function (cumulative).

    python benchmarks/profile_pipeline.py --n 1000
    python benchmarks/profile_pipeline.py --n 2000 --top 40 --by month
    python benchmarks/profile_pipeline.py --n 1000 --save /tmp/prof.out   # for snakeviz etc.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus  # noqa: E402

OUT = ROOT / "benchmarks" / "out"


def stage_times(stats: pstats.Stats, stages) -> list[tuple[str, float]]:
    """Cumulative seconds of each stage function (as the profile saw it)."""
    rows = []
    for st in stages:
        code = getattr(st.fn, "__code__", None)
        if code is None:
            continue
        key = (code.co_filename, code.co_firstlineno, code.co_name)
        entry = stats.stats.get(key)
        if entry:
            rows.append((st.name, entry[3]))
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    ap.add_argument("--by", action="append", default=[], help="a --by key for analyze")
    ap.add_argument("--csv", action="store_true", help="also write the CSV copies")
    ap.add_argument("--save", help="also save the raw profile to this file")
    args = ap.parse_args(argv)

    corpus = make_corpus(args.n, OUT / f"corpus_{args.n}")
    out = OUT / f"profile_{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    t_imp = time.perf_counter()
    import newslab as nl
    from newslab.pipeline import DEFAULT_STAGES
    t_imp = time.perf_counter() - t_imp

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    res = nl.analyze(corpus, out, jobs=1, csv=args.csv, by=args.by or None, quiet=True)
    prof.disable()
    wall = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    if args.save:
        prof.dump_stats(args.save)

    n_words = 0
    import json
    for f in sorted(Path(corpus).glob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            n_words += sum(len(json.loads(line)["text"].split()) for line in fh)
    print(f"profile_pipeline: {args.n} articles, {n_words:,} words; import newslab "
          f"{t_imp:.2f} s; analyze {wall:.2f} s under cProfile "
          f"({n_words / wall:,.0f} words/s profiled; cProfile slows Python code down)")
    print(f"rows: {', '.join(f'{k} {v:,}' for k, v in res.counts.items())}"
          if hasattr(res, "counts") else "")
    stats = pstats.Stats(prof)
    total = stats.total_tt
    print("\nstage functions (cumulative seconds, share of the profiled run):")
    for name, sec in stage_times(stats, DEFAULT_STAGES):
        print(f"  {name:<16} {sec:7.2f} s  {100 * sec / total:5.1f}%")
    for order, label in (("tottime", "own time"), ("cumulative", "cumulative time")):
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(order).print_stats(args.top)
        text = buf.getvalue()
        start = text.find("   ncalls")
        print(f"\ntop {args.top} functions by {label}:")
        print(text[start:].rstrip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
