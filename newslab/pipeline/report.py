"""What a run found, in a few lines: the text :meth:`AnalyzeResult.summary` returns (the
command line prints it; this module only computes it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

CORE_TABLES = ["articles", "skipped", "sentences", "tokens"]


def findings(tables, counts: dict, *, by=()) -> dict:
    """The corpus in figures: articles, date span, outlets, the most-mentioned countries
    (with their stance label, interval and n when the run scored stance) and each ``by``
    breakdown. Reads only the few columns it needs."""
    f: dict = {"n_articles": counts.get("articles", 0)}
    if "articles" in tables:
        try:
            arts = tables.columns("articles", ["date", "outlet", "duplicate_of"])
        except Exception:  # an odd table: the summary goes without these lines
            arts = pd.DataFrame()
        if "date" in arts:
            d = pd.to_datetime(arts["date"], errors="coerce")
            if d.notna().any():
                f["date_span"] = (d.min().strftime("%Y-%m-%d"), d.max().strftime("%Y-%m-%d"))
            f["n_undated"] = int(d.isna().sum())
        if "outlet" in arts:
            vc = arts["outlet"].dropna().astype(str).value_counts()
            f["n_outlets"] = int(len(vc))
            f["outlets"] = [(k, int(v)) for k, v in vc.head(5).items()]
    if "country_stance" in tables:
        cs = tables["country_stance"]
        top = cs.sort_values(["n_mentions", "iso3"], ascending=[False, True],
                             kind="mergesort").head(5)
        f["countries"] = [{"country": r.country, "n_mentions": int(r.n_mentions),
                           "n_articles": int(r.n_articles), "label": r.label,
                           "mean_score": float(r.mean_score), "ci_low": float(r.ci_low),
                           "ci_high": float(r.ci_high)} for r in top.itertuples()]
    elif "mentions" in tables:
        from ..countries import countries_only
        m = countries_only(tables.columns("mentions", ["iso3", "country", "kind"]))
        vc = m.groupby("country").size().sort_values(ascending=False, kind="mergesort")
        f["countries"] = [{"country": k, "n_mentions": int(v)} for k, v in vc.head(5).items()]
    f["breakdowns"] = {}
    for key in by:
        made = {n: counts.get(n, 0) for n in tables if n.endswith(f"_by_{key}")}
        f["breakdowns"][key] = made
    return f


def summary(result, *, full: bool = False) -> str:
    """The run in row counts (``full``: also what it found, where the tables are and the
    next step: the text ``newslab analyze`` prints at the end)."""
    c, f = result.counts, result.findings or {}
    n_skip = c.get("skipped", 0)
    lines = [f"newslab analyze: {c.get('articles', 0)} articles ({result.n_duplicates} "
             f"flagged as duplicates), {n_skip} skipped, {c.get('sentences', 0)} "
             f"sentences, {c.get('tokens', 0)} tokens"]
    if result.n_batches_resumed:
        lines.append(f"  resumed: {result.n_batches_resumed} of {result.n_batches} batches "
                     "were already done")
    if full:
        lines += _found(f)
        rows = [f"{name} {n:,}" for name, n in c.items() if name not in CORE_TABLES]
        if rows:
            lines.append("  rows: " + ", ".join(rows))
    else:
        for name, n in c.items():
            if name not in CORE_TABLES:
                lines.append(f"  {name}: {n} rows")
    head = result.skipped_head
    if n_skip and head is not None:
        for r in head.head(5).itertuples():
            where = f":{r.line}" if pd.notna(r.line) else ""
            lines.append(f"  skipped {r.path}{where}: {r.reason}")
        if n_skip > 5:
            lines.append(f"  ... and {n_skip - 5} more (see the skipped table)")
    lines.extend(f"  note: {n}" for n in result.notes)
    if full and result.out is not None:
        out = Path(result.out)
        lines.append(f"tables written to {out}/ ("
                     + ("Parquet folders and CSV" if result.csv else "Parquet folders") + ")")
        example = "country_stance" if "country_stance" in result.tables else "articles"
        lines.append(f"next: what every column means is in {out / 'README.md'}; read a table "
                     f"with pandas.read_parquet(\"{out / example}\") or "
                     "newslab.read_table; notebooks/05_corpus_trends.ipynb charts them")
    return "\n".join(lines)


def _found(f: dict) -> list[str]:
    lines = []
    if "date_span" in f:
        a, b = f["date_span"]
        undated = f" ({f['n_undated']} undated)" if f.get("n_undated") else ""
        lines.append(f"  dates: {a if a == b else f'{a} to {b}'}{undated}")
    elif f.get("n_articles"):
        lines.append("  dates: none of the articles has a date")
    if f.get("outlets"):
        top = ", ".join(f"{k} {v}" for k, v in f["outlets"])
        more = f" and {f['n_outlets'] - len(f['outlets'])} more" if f["n_outlets"] > 5 else ""
        lines.append(f"  outlets: {f['n_outlets']} ({top}{more})")
    if f.get("countries"):
        parts = []
        for r in f["countries"]:
            if "label" in r:
                parts.append(f"{r['country']} {r['label']} (n={r['n_mentions']} mentions, "
                             f"mean {r['mean_score']:+.2f}, 95% CI {r['ci_low']:+.2f} to "
                             f"{r['ci_high']:+.2f})")
            else:
                parts.append(f"{r['country']} (n={r['n_mentions']} mentions)")
        lines.append("  most-mentioned countries: " + "; ".join(parts))
    for key, made in (f.get("breakdowns") or {}).items():
        if made:
            lines.append(f"  by {key}: " + ", ".join(f"{n} ({k} rows)"
                                                      for n, k in made.items()))
        else:
            lines.append(f"  by {key}: no breakdown made (no article had a {key})")
    return lines
