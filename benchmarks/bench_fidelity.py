"""Does the loader change the text? Loaded text against the raw input, character by character.

For each corpus every article's loaded ``text`` is aligned with the raw field it came from
(the CSV cell, the JSON string, the ``.txt`` body lines) and the differences are counted:

- ``inserted``: characters in the loaded text that the input does not have (the goal is 0;
  the old default dash repair inserted " — " here)
- ``changed``: characters replaced by others (goal 0)
- ``deleted``: non-space characters of the input missing from the loaded text (goal 0)
- ``ws dropped``: whitespace removed by the documented paragraph rule (line ends as
  ``\\n``, blank lines and the spaces around a paragraph dropped)

Corpora (read-only, beside the repository; skipped when absent): AG News test split
(``../shared/eval/ag_news/test.csv``, title and description mapped), BBC News
(``../shared/eval/bbc_news/bbc_news.jsonl``) and the official statements
(``../shared/corpora/official_statements/articles``). Prints counts only, never text.

    python benchmarks/bench_fidelity.py [--shared ../shared]   # default: repair_dashes=None
    python benchmarks/bench_fidelity.py --repair   # the old behaviour, for comparison
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLAB_SHARED_DIR", ROOT.parent / "shared"))
sys.path.insert(0, str(ROOT))

from newslab.load import load_articles  # noqa: E402


def paragraph_rule(raw: str) -> str:
    """The documented whitespace rule on a raw text."""
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(p.strip() for p in lines if p.strip())


def compare(raw: str, loaded: str) -> dict:
    """Counts of the differences between one raw text and its loaded text."""
    c = {"inserted": 0, "changed": 0, "deleted": 0, "ws dropped": 0}
    if loaded == paragraph_rule(raw):
        c["ws dropped"] = len(raw) - len(loaded)
        return c
    sm = difflib.SequenceMatcher(None, raw, loaded, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        a, b = raw[i1:i2], loaded[j1:j2]
        if op == "insert":
            c["inserted"] += len(b)
        elif op == "delete":
            ws = sum(ch.isspace() for ch in a)
            c["ws dropped"] += ws
            c["deleted"] += len(a) - ws
        elif op == "replace":
            if not a.strip() and not b.strip():  # whitespace for whitespace ("\n\n" -> "\n")
                c["ws dropped"] += max(len(a) - len(b), 0)
                c["inserted"] += max(len(b) - len(a), 0)
            else:
                n = min(len(a), len(b))
                c["changed"] += n
                c["inserted"] += len(b) - n
                c["deleted"] += len(a) - n
    return c


def ag_news(path: Path):
    raws = {}
    with open(path, newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        col = header.index("description")
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            raws[start] = row[col]
    return raws, {"description": "text"}


def bbc(path: Path):
    raws = {}
    with open(path, encoding="utf-8") as fh:
        for i, ln in enumerate(fh, start=1):
            if ln.strip():
                raws[i] = json.loads(ln)["text"]
    return raws, None


def statements(folder: Path):
    return None, None


def run(name: str, path: Path, reader, repair) -> dict | None:
    if not path.exists():
        print(f"{name}: not found at {path}, skipped")
        return None
    raws, columns = reader(path)
    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        arts = load_articles(path, columns=columns, repair_dashes=repair, verbose=False)
    secs = time.perf_counter() - t0
    total = {"articles": len(arts), "raw chars": 0, "inserted": 0, "changed": 0,
             "deleted": 0, "ws dropped": 0, "repaired articles": 0, "articles changed": 0}
    for r in arts.itertuples():
        if raws is None:  # a .txt file: the body is what follows the header lines
            lines = Path(r.path).read_text(encoding="utf-8").split("\n")
            n_head = 1 + (r.date_raw is not None) + (r.url is not None)
            raw = "\n".join(lines[n_head:])
        else:
            raw = raws[r.line]
        c = compare(raw, r.text)
        total["raw chars"] += len(raw)
        for k in ("inserted", "changed", "deleted", "ws dropped"):
            total[k] += c[k]
        total["repaired articles"] += int(r.n_repairs > 0)
        total["articles changed"] += int(c["inserted"] + c["changed"] + c["deleted"] > 0)
    total["load seconds"] = round(secs, 1)
    return total


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repair", action="store_true",
                    help="repair_dashes=True (the old default) instead of None")
    ap.add_argument("--shared", type=Path, default=SHARED,
                    help="the shared data folder (default: ../shared or $NEWSLAB_SHARED_DIR)")
    args = ap.parse_args(argv)
    shared = args.shared
    repair = True if args.repair else None
    corpora = [("AG News test", shared / "eval" / "ag_news" / "test.csv", ag_news),
               ("BBC News", shared / "eval" / "bbc_news" / "bbc_news.jsonl", bbc),
               ("official statements", shared / "corpora" / "official_statements" / "articles",
                statements)]
    print(f"repair_dashes={repair}")
    cols = ["articles", "raw chars", "inserted", "changed", "deleted", "ws dropped",
            "repaired articles", "articles changed", "load seconds"]
    print(f"{'corpus':<22}" + "".join(f"{c:>18}" for c in cols))
    for name, path, reader in corpora:
        t = run(name, path, reader, repair)
        if t:
            print(f"{name:<22}" + "".join(f"{t[c]:>18,}" if isinstance(t[c], int)
                                          else f"{t[c]:>18}" for c in cols))


if __name__ == "__main__":
    main()
