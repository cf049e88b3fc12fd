"""Make a corpus of any size from the BBC News articles in ../shared/eval/bbc_news/.

The 2,225 real articles are repeated, each copy with its own id (``bbc-<copy>-<category>-<n>``)
and a date (spread over 2004-2005, deterministic), and written as JSON Lines shards of
``--shard`` articles each, as a news archive export would be, the shards dealt in turn to
the sub-folders of :data:`OUTLETS` (no URL: the loader takes each article's outlet from its
sub-folder). Copies after the first have the same text, so newslab flags them as duplicates
(they are still analysed in full; ``--include-duplicates`` counts them in the aggregates).

The corpus is generated at run time into a folder that is not committed
(``benchmarks/out/`` is git-ignored); the BBC text is never copied into the repository.

    python benchmarks/make_corpus.py --n 100000 --out benchmarks/out/corpus_100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = Path(os.environ.get("NEWSLAB_EVAL_DIR", ROOT.parent / "shared" / "eval")) \
    / "bbc_news" / "bbc_news.jsonl"
#: The outlet sub-folders the shards are dealt to (shard k goes to OUTLETS[k % 4]).
OUTLETS = ("daily-courier", "evening-post", "morning-herald", "weekly-observer")
#: Written to ``.complete`` with the size: a corpus of an older layout is made again.
LAYOUT = "outlets-1"


def read_bbc(path: Path = BBC) -> list[dict]:
    if not path.is_file():
        sys.exit(f"make_corpus: BBC News data not found at {path} "
                 "(set NEWSLAB_EVAL_DIR to the shared evaluation folder)")
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def make_corpus(n: int, out, *, shard: int = 1000, source: Path = BBC) -> Path:
    """Write ``n`` articles as ``out/<outlet>/shard-NNNNN.jsonl``; return ``out``.

    A corpus already there with the same size is reused (the file ``out/.complete`` says so).
    """
    out = Path(out)
    stamp = out / ".complete"
    if stamp.is_file() and stamp.read_text().strip() == f"{n} {shard} {LAYOUT}":
        return out
    out.mkdir(parents=True, exist_ok=True)
    for f in [*out.glob("shard-*.jsonl"), *out.glob("*/shard-*.jsonl")]:
        f.unlink()
    for o in OUTLETS:
        (out / o).mkdir(exist_ok=True)
    bbc = read_bbc(source)
    day0 = dt.date(2004, 1, 1)
    fh = None
    for k in range(n):
        if k % shard == 0:
            if fh:
                fh.close()
            i = k // shard
            fh = open(out / OUTLETS[i % len(OUTLETS)] / f"shard-{i:05d}.jsonl", "w",
                      encoding="utf-8")
        a = bbc[k % len(bbc)]
        copy = k // len(bbc)
        cat, num = a["id"].split("/")
        aid = f"bbc-{copy:04d}-{cat}-{num}"
        date = day0 + dt.timedelta(days=(k * 7919) % 730)
        fh.write(json.dumps({"id": aid, "title": a["title"], "date": date.isoformat(),
                             "text": a["text"]}) + "\n")
    if fh:
        fh.close()
    stamp.write_text(f"{n} {shard} {LAYOUT}")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10_000, help="number of articles")
    ap.add_argument("--shard", type=int, default=1000, help="articles per JSONL file")
    ap.add_argument("--out", type=Path, default=None,
                    help="folder (default: benchmarks/out/corpus_N)")
    args = ap.parse_args(argv)
    out = args.out or ROOT / "benchmarks" / "out" / f"corpus_{args.n}"
    make_corpus(args.n, out, shard=args.shard)
    print(f"{args.n} articles in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
