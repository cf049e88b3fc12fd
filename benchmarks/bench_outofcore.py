"""Corpus-level aggregates out of core (DuckDB over the Parquet parts) against today's path
(the stage reads its tables into pandas), on the tables of a finished ``newslab analyze``.

For the attention counts (articles and mentions per country, share of the counted articles)
and the tone inputs, each side runs in its own child process; the script reports wall time
and peak resident memory of each and checks that the results are identical, row for row.

    python benchmarks/bench_outofcore.py DIR          # DIR: a finished run (--keep)
    python benchmarks/bench_pipeline.py --stage-memory 10000 --keep   # makes one
    python benchmarks/bench_outofcore.py DIR --replicate 10   # DIR's articles and mentions
                                                              # x10, new ids: 10^5 from 10^4

With ``--replicate K`` the ``articles`` (metadata only) and ``mentions`` parts of DIR are
copied K times with the article ids suffixed ``-rK`` into ``DIR_xK``, so that the aggregate
can be measured at K times the size without running the batch stages again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ATTENTION_SQL = """
WITH counted AS (SELECT DISTINCT article_id FROM articles WHERE duplicate_of IS NULL),
     mm AS (SELECT m.article_id, m.iso3, m.country FROM mentions m
            JOIN counted c USING (article_id) WHERE m.kind IS DISTINCT FROM 'organization'),
     total AS (SELECT count(*) AS n FROM counted)
SELECT iso3, country, count(DISTINCT article_id) AS n_articles, count(*) AS n_mentions,
       round(count(DISTINCT article_id) / (SELECT n FROM total), 6) AS share_articles
FROM mm GROUP BY iso3, country
ORDER BY n_articles DESC, n_mentions DESC, iso3
"""


def child(side: str, out: Path) -> dict:
    import resource

    import pandas as pd

    from newslab.pipeline import Tables
    info = json.loads((out / "_run.json").read_text())
    tables = Tables(out, info["tables"])
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    if side == "pandas":
        from newslab.countries import attention_stage
        arg = {"mentions": tables.columns("mentions", ["article_id", "iso3", "country", "kind"]),
               "articles": tables.columns("articles", ["article_id", "duplicate_of"])}
        res = attention_stage(arg)["attention"]
    else:
        res = tables.sql(ATTENTION_SQL, memory_limit="256MB", threads=1)
        res["n_articles"] = res["n_articles"].astype("int64")
        res["n_mentions"] = res["n_mentions"].astype("int64")
    seconds = time.perf_counter() - t0
    peak = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base) * 1024
    res.to_parquet(out / f".bench_attention_{side}.parquet")
    return {"side": side, "seconds": seconds, "peak_bytes": peak, "rows": len(res)}


def replicate(src: Path, k: int) -> Path:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from newslab.pipeline.tables import part_files
    dst = src.with_name(f"{src.name}_x{k}")
    for name in ("articles", "mentions"):
        (dst / name).mkdir(parents=True, exist_ok=True)
        i = 0
        for f in part_files(src, name):
            t = pq.read_table(f)
            if name == "articles":
                t = t.drop_columns([c for c in ("text", "paragraphs") if c in t.column_names])
            for r in range(k):
                cols = {c: t[c] for c in t.column_names}
                for c in ("article_id", "duplicate_of"):
                    if c in cols:
                        cols[c] = pc.binary_join_element_wise(
                            cols[c].cast(pa.string()), pa.scalar(f"-r{r}"), "")
                pq.write_table(pa.table(cols), dst / name / f"part-{i:05d}.parquet")
                i += 1
    n = json.loads((src / "_run.json").read_text())["rows"]["articles"] * k
    (dst / "_run.json").write_text(json.dumps({"tables": ["articles", "mentions"],
                                               "rows": {"articles": n}}))
    return dst


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", nargs="?", type=Path)
    ap.add_argument("--replicate", type=int, default=1, metavar="K")
    ap.add_argument("--only", choices=["pandas", "duckdb"], help="one side only")
    ap.add_argument("--child", nargs=2, metavar=("SIDE", "DIR"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child[0], Path(args.child[1]))))
        return 0
    import pandas as pd
    out = args.dir if args.replicate == 1 else replicate(args.dir, args.replicate)
    n = json.loads((out / "_run.json").read_text())["rows"]["articles"]
    res = {}
    sides = [args.only] if args.only else ["pandas", "duckdb"]
    for side in sides:
        r = subprocess.run([sys.executable, __file__, "--child", side, str(out)],
                           capture_output=True, text=True, check=True)
        res[side] = json.loads(r.stdout)
        print(f"attention, {side:<7} {n:,} articles: {res[side]['seconds']:6.2f} s, peak "
              f"{res[side]['peak_bytes'] / 2**20:7.1f} MB above the interpreter "
              f"({res[side]['peak_bytes'] / n:,.0f} B/article), {res[side]['rows']} rows")
    if len(sides) == 1:
        (out / f".bench_attention_{sides[0]}.parquet").unlink()
        return 0
    a = pd.read_parquet(out / ".bench_attention_pandas.parquet")
    b = pd.read_parquet(out / ".bench_attention_duckdb.parquet")
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                  check_dtype=False)
    print("identical: the same rows, in the same order")
    for side in ("pandas", "duckdb"):
        (out / f".bench_attention_{side}.parquet").unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
