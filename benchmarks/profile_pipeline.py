"""Where ``newslab analyze`` spends its time: CPU seconds per stage, then cProfile.

Runs ``newslab.analyze`` on ``--n`` BBC News articles (``benchmarks/make_corpus.py``, generated
into ``benchmarks/out/``, never committed) with ``jobs=1`` (everything in this process),
Parquet only, twice:

1. plain, each stage function and the Parquet writing wrapped in a timer: CPU seconds
   (``time.process_time``, which other load on the machine changes less than wall time)
   per stage (a corpus stage that hands a table back in pieces also gets the time spent
   making each piece while it is written), for writing, and for the rest of the run
   (loading, bookkeeping, reading parts back for the corpus stages), with the time to
   import newslab: the "where time goes" table;
2. under cProfile (unless ``--no-profile``): the top functions by own and cumulative time
   (cProfile slows Python code several times, unevenly: use it to find hot spots, and the
   first table for shares).

    python benchmarks/profile_pipeline.py --n 1000
    python benchmarks/profile_pipeline.py --n 2000 --top 40 --by month
    python benchmarks/profile_pipeline.py --n 1000 --save /tmp/prof.out   # for snakeviz etc.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import io
import json
import pstats
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus

OUT = ROOT / "benchmarks" / "out"


def timed_run(corpus: Path, out: Path, args) -> tuple[dict, float, object]:
    """One plain run with every stage function and ``write_part`` timed (CPU seconds)."""
    import newslab as nl
    from newslab.pipeline import DEFAULT_STAGES
    from newslab.pipeline import batches as batches_mod
    spent: dict[str, float] = {}

    def add(name, t):
        spent[name] = spent.get(name, 0.0) + time.process_time() - t

    def pieces(name, it):
        """A table handed back in pieces: the time to make each piece is the stage's."""
        it = iter(it)
        while True:
            t = time.process_time()
            try:
                df = next(it)
            except StopIteration:
                add(name, t)
                return
            add(name, t)
            yield df

    def timer(name, fn):
        def run(*a, **kw):
            t = time.process_time()
            try:
                got = fn(*a, **kw)
            finally:
                add(name, t)
            if isinstance(got, dict):  # a corpus stage's tables may be lazy iterators
                got = {k: v if hasattr(v, "columns") else pieces(name, v)
                       for k, v in got.items()}
            return got
        return run

    import newslab.attribution
    import newslab.stance.stage
    stages = [dataclasses.replace(st, fn=timer(f"{st.kind} stage {st.name}", st.fn))
              for st in DEFAULT_STAGES]
    # the parts of the stance stage (shown indented under it), and the Parquet writing
    wrapped = [(batches_mod, "write_part", "write Parquet parts"),
               (newslab.attribution, "attribute_sentences", "  stance: attribution"),
               (newslab.stance.stage, "score_mentions", "  stance: score_mentions"),
               (newslab.stance.stage, "article_stance", "  stance: article_stance")]
    saved = [(mod, attr, getattr(mod, attr)) for mod, attr, _ in wrapped]
    for mod, attr, label in wrapped:
        setattr(mod, attr, timer(label, getattr(mod, attr)))
    try:
        t0 = time.process_time()
        res = nl.analyze(corpus, out, stages=stages, jobs=1, csv=args.csv,
                         by=args.by or None, quiet=True)
        total = time.process_time() - t0
    finally:
        for mod, attr, fn in saved:
            setattr(mod, attr, fn)
    return spent, total, res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="articles (default 1000)")
    ap.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    ap.add_argument("--by", action="append", default=[], help="a --by key for analyze")
    ap.add_argument("--csv", action="store_true", help="also write the CSV copies")
    ap.add_argument("--no-profile", action="store_true", help="only the timed run")
    ap.add_argument("--save", help="also save the raw profile to this file")
    args = ap.parse_args(argv)

    corpus = make_corpus(args.n, OUT / f"corpus_{args.n}")
    out = OUT / f"profile_{args.n}"
    shutil.rmtree(out, ignore_errors=True)
    t_imp = time.process_time()
    import newslab as nl
    import newslab.pipeline  # noqa: F401 - newslab loads names on first use: the import a run pays
    t_imp = time.process_time() - t_imp
    n_words = 0
    for f in sorted(Path(corpus).rglob("*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            n_words += sum(len(json.loads(line)["text"].split()) for line in fh)

    spent, total, res = timed_run(corpus, out, args)
    shutil.rmtree(out, ignore_errors=True)
    print(f"profile_pipeline: {args.n} articles, {n_words:,} words, jobs=1, Parquet "
          f"{'and CSV' if args.csv else 'only'}{', by ' + ', '.join(args.by) if args.by else ''}")
    print(f"rows: {', '.join(f'{k} {v:,}' for k, v in res.counts.items())}")
    whole = total + t_imp
    print(f"\nwhere time goes (CPU seconds; {n_words / whole:,.0f} words per CPU-second "
          f"including the import):")
    parts = {k: v for k, v in spent.items() if k.startswith(" ")}
    top = sorted(((k, v) for k, v in spent.items() if k not in parts), key=lambda kv: -kv[1])
    rows = [("import newslab and its pipeline", t_imp)]
    for k, v in top:
        rows.append((k, v))
        if k == "batch stage stance":
            rows += sorted(parts.items(), key=lambda kv: -kv[1])
    rows.append(("the rest (load, bookkeeping, reading parts back, report)",
                 total - sum(v for k, v in top)))
    for name, sec in rows:
        print(f"  {name:<58} {sec:7.2f} s  {100 * sec / whole:5.1f}%")
    print(f"  {'total':<58} {whole:7.2f} s")
    print("the run's own phases (wall seconds, reading the parts back included): "
          + ", ".join(f"{k} {v:.2f}" for k, v in getattr(res, "timings", {}).items()))
    if args.no_profile:
        return 0

    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    nl.analyze(corpus, out, jobs=1, csv=args.csv, by=args.by or None, quiet=True)
    prof.disable()
    wall = time.perf_counter() - t0
    shutil.rmtree(out, ignore_errors=True)
    if args.save:
        prof.dump_stats(args.save)
    print(f"\nunder cProfile: {wall:.2f} s wall")
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
