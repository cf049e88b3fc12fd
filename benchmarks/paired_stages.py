"""Paired CPU seconds of each batch stage: code trees alternating, one fresh process a run.

``paired_cpu.py`` times the whole ``newslab analyze``; a change of a few per cent to one
stage drowns there when the machine is loaded. Here each run is a child process that
imports one tree, loads the corpus (``benchmarks/make_corpus.py``'s BBC corpus, generated
into ``benchmarks/out/``), warms what every run loads once (the stance model, the lexicon,
the countries matcher) and then runs the batch stages of ``DEFAULT_STAGES`` in order over
batches of ``--batch`` articles, as ``analyze --jobs 1`` does, timing each stage with
``time.process_time``; nothing is written. The trees alternate, ``--rounds`` rounds; the
medians per stage are printed, and the ratio of the totals.

    python benchmarks/paired_stages.py --n 2000 --rounds 3 --tree rev:31a4e3e --tree .
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
from make_corpus import make_corpus
from paired_cpu import OUT, tree_path

CHILD = r"""
import json, sys, time
import newslab as nl
from newslab.countries import matcher
from newslab.pipeline import DEFAULT_STAGES
from newslab.sentiment import get_analyzer
from newslab.stance.score import shipped_model
arts = nl.load_articles(sys.argv[1])
batch = int(sys.argv[2])
shipped_model(); get_analyzer("news"); matcher()
spent = {}
for lo in range(0, len(arts), batch):
    tables = {"articles": arts.iloc[lo:lo + batch].reset_index(drop=True)}
    for st in DEFAULT_STAGES:
        if st.kind != "batch":
            continue
        t = time.process_time()
        tables.update(st.fn({k: tables[k] for k in st.needs if k in tables}))
        spent[st.name] = spent.get(st.name, 0.0) + time.process_time() - t
spent["total"] = sum(spent.values())
print(json.dumps(spent))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2,000)")
    ap.add_argument("--batch", type=int, default=500, help="articles a batch (default 500)")
    ap.add_argument("--rounds", type=int, default=3, help="rounds (default 3)")
    ap.add_argument("--tree", action="append", default=[],
                    help="a code tree: '.', a folder or rev:REV (repeatable)")
    args = ap.parse_args(argv)
    trees = [(spec, tree_path(spec)) for spec in (args.tree or ["."])]
    corpus = make_corpus(args.n, OUT / f"corpus_{args.n}")
    got: dict[str, list[dict]] = {spec: [] for spec, _ in trees}
    for r in range(args.rounds):
        for spec, path in trees:
            out = subprocess.run([sys.executable, "-c", CHILD, str(corpus), str(args.batch)],
                                 cwd=path, env={**os.environ, "PYTHONPATH": str(path)},
                                 capture_output=True, text=True, check=False)
            if out.returncode != 0:
                sys.exit(f"paired_stages: {spec} failed:\n{out.stderr[-2000:]}")
            got[spec].append(json.loads(out.stdout.strip().splitlines()[-1]))
            print(f"round {r + 1}: {spec:<24} total {got[spec][-1]['total']:6.2f} CPU-s",
                  flush=True)
    print(f"\n{args.n:,} articles in batches of {args.batch}; medians of {args.rounds} "
          f"round(s), CPU seconds; load average at the end {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores")
    stages = list(got[trees[0][0]][0])
    print(f"  {'stage':<12}" + "".join(f"{spec:>24}" for spec, _ in trees))
    med = {spec: {s: statistics.median(run[s] for run in runs) for s in stages}
           for spec, runs in got.items()}
    for s in stages:
        print(f"  {s:<12}" + "".join(f"{med[spec][s]:>24.3f}" for spec, _ in trees))
    first = trees[0][0]
    for spec, _ in trees[1:]:
        print(f"  total {first} / {spec}: {med[first]['total'] / med[spec]['total']:.3f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
