"""The loader's slow robustness cases: big files, huge fields and paragraphs, 10^5 files.

Each case generates its input (self-written text, in a temporary folder), loads it in a
fresh process and prints: what came in, articles + skipped rows (every unit accounted
for), seconds and the process's peak memory (max RSS). The fast cases of the same families
are in ``tests/robustness/test_loader_*.py``.

    python benchmarks/bench_robustness_loader.py            # every case, full size
    python benchmarks/bench_robustness_loader.py --scale 0.1 --case files
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

WORDS = ("the talks went on for hours and officials said nothing new about the plan or the "
         "policy while markets in Türkiye and Côte d’Ivoire waited").split()


def prose(n: int, rnd: random.Random) -> str:
    out, size = [], 0
    while size < n:
        s = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 30)))
        s = s[0].upper() + s[1:] + rnd.choice([".", ".", "?", "!"])
        out.append(s)
        size += len(s) + 1
    return " ".join(out)


# --- generators: each writes its input and returns (path, expected units, description) ---


def gen_long_paragraph(d: Path, scale: float):
    rnd = random.Random(0)
    n = 300
    for k in range(n):
        body = "\n".join(prose(600, rnd) for _ in range(3))
        if k == 150:
            body = prose(int(3_000_000 * scale), rnd) + "\n" + body
        (d / f"{k:03d}.txt").write_text(f"Article {k}\n20211130\nhttps://example.org/{k}\n"
                                        f"{body}\n", encoding="utf-8")
    return d, n, f"300 .txt articles, one with a {3 * scale:.1f} MB paragraph (analyze)"


def _rows(n, rnd, size=500):
    for k in range(n):
        yield {"id": f"r{k}", "title": f"Row {k}", "date": "2021-11-30",
               "text": prose(size, rnd), "section": rnd.choice(["World", "Business"])}


def gen_big_jsonl(d: Path, scale: float):
    rnd = random.Random(1)
    n = int(200_000 * scale)
    with open(d / "big.jsonl", "wb") as fh:
        for k, r in enumerate(_rows(n, rnd)):
            line = json.dumps(r, ensure_ascii=False).encode("utf-8")
            if k == n // 2:  # one stray Windows-1252 byte in one row
                line = line.replace(b"Row", b"Row\x92", 1)
            fh.write(line + b"\n")
    mb = (d / "big.jsonl").stat().st_size / 2**20
    return d / "big.jsonl", n, f"JSON Lines {mb:.0f} MB, {n:,} rows, one bad byte"


def gen_big_csv(d: Path, scale: float):
    import csv
    rnd = random.Random(2)
    n = int(200_000 * scale)
    with open(d / "big.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, ["id", "title", "date", "text", "section"])
        w.writeheader()
        for r in _rows(n, rnd):
            w.writerow(r)
    mb = (d / "big.csv").stat().st_size / 2**20
    return d / "big.csv", n, f"CSV {mb:.0f} MB, {n:,} rows"


def gen_big_parquet(d: Path, scale: float):
    import pandas as pd
    rnd = random.Random(3)
    n = int(200_000 * scale)
    pd.DataFrame(list(_rows(n, rnd))).to_parquet(d / "big.parquet", row_group_size=20_000)
    mb = (d / "big.parquet").stat().st_size / 2**20
    return d / "big.parquet", n, f"Parquet {mb:.0f} MB, {n:,} rows"


def gen_huge_field(d: Path, scale: float):
    rnd = random.Random(4)
    big = prose(int(50_000_000 * scale), rnd)
    with open(d / "field.csv", "w", encoding="utf-8") as fh:
        fh.write(f'title,text\nHuge,"{big}"\nSmall,A short body.\n')
    return d / "field.csv", 2, f"CSV with a {len(big) / 1e6:.0f} M-character field"


def gen_json_array(d: Path, scale: float):
    rnd = random.Random(5)
    n = int(100_000 * scale)
    (d / "array.json").write_text(json.dumps(list(_rows(n, rnd)), indent=2), encoding="utf-8")
    mb = (d / "array.json").stat().st_size / 2**20
    return d / "array.json", n, f"pretty-printed JSON array {mb:.0f} MB, {n:,} objects"


def gen_many_files(d: Path, scale: float):
    n = int(100_000 * scale)
    for k in range(n):
        sub = d / f"{k // 1000:03d}"
        if k % 1000 == 0:
            sub.mkdir()
        (sub / f"{k:06d}.txt").write_text(f"T{k}\n20211130\nBody number {k}.\n",
                                          encoding="utf-8")
    return d, n, f"{n:,} tiny .txt files in {n // 1000 or 1} folders"


CASES = {"paragraph": gen_long_paragraph, "jsonl": gen_big_jsonl, "csv": gen_big_csv,
         "parquet": gen_big_parquet, "field": gen_huge_field, "array": gen_json_array,
         "files": gen_many_files}

# --- the measured part, in a fresh process ------------------------------------------------

CHILD = r"""
import json, resource, sys, time, tempfile, warnings
warnings.simplefilter("ignore")
case, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
if case == "paragraph":
    from newslab.pipeline import analyze
    with tempfile.TemporaryDirectory() as out:
        res = analyze(path, out, jobs=1, quiet=True, progress=False)
        counts = res.counts
    n_art, n_skip = counts.get("articles", 0), counts.get("skipped", 0)
    extra = {"sentences": counts.get("sentences", 0)}
else:
    from newslab.load import batches, walk
    files, problems = walk(path)
    n_art = n_skip = 0
    extra = {}
    for _, a, s in batches(files, batch_size=5000, problems=problems):
        n_art += len(a)
        n_skip += len(s)
        if case == "jsonl":
            bad = a[a.title.str.contains("\u2019", regex=False)]
            if len(bad):
                extra["bad row title"] = bad.title.iloc[0].encode("unicode_escape").decode()
            extra["rows with mojibake"] = extra.get("rows with mojibake", 0) + int(
                a.text.str.contains("\u00c3|\ufffd").sum())
        if case == "field":
            extra["longest text"] = max(extra.get("longest text", 0),
                                        int(a.text.str.len().max()))
secs = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"articles": n_art, "skipped": n_skip, "seconds": round(secs, 1),
                  "peak_mb": round(rss), **extra}))
"""


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--case", action="append", choices=list(CASES),
                    help="run only these cases (repeatable)")
    ap.add_argument("--scale", type=float, default=1.0, help="input size factor (default 1)")
    args = ap.parse_args(argv)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for name in args.case or list(CASES):
        with tempfile.TemporaryDirectory(prefix=f"newslab-bench-{name}-") as tmp:
            t0 = time.perf_counter()
            path, units, what = CASES[name](Path(tmp), args.scale)
            gen = time.perf_counter() - t0
            r = subprocess.run([sys.executable, "-c", CHILD, name, str(path)], env=env,
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{name}: FAILED\n{r.stderr[-2000:]}")
                continue
            got = json.loads(r.stdout.strip().splitlines()[-1])
            ok = got["articles"] + got["skipped"] == units
            print(f"{name:<10} {what}")
            print(f"{'':<10} {got.pop('articles'):,} articles + {got.pop('skipped'):,} skipped "
                  f"= {units:,} units: {'ok' if ok else 'MISMATCH'}; "
                  f"{got.pop('seconds')} s, peak {got.pop('peak_mb')} MB "
                  f"(generated in {gen:.0f} s)" + (f"; {got}" if got else ""))


if __name__ == "__main__":
    main()
