"""Country mentions against hand-coded sentences.

``newslab evaluate countries GOLD.jsonl [--json]``, each line
``{"text": ..., "countries": ["USA", "RUS"], "date": "2021-11-30", "source": "..."}`` (date
and source optional; with sources, figures are also given per source). The shipped gold set,
``data/annotations/countries_gold.jsonl``, follows one guideline: a sentence refers to a
country when it names it, its people, its capital or seat of government as an actor, one of
its institutions or officials (leaders only while in office), or a territory it governs;
organizations, regions ("Latin America"), other cities and languages do not count. Its
sources: ``seed`` (the seed article's sentences), ``hard case`` (written for the issue's
traps, the rules were tuned on them) and ``held-out`` (written and labelled before the
matcher was run on them, and left as they were: the honest figure).

Real-text gold (``data/annotations/countries_real_mentions.jsonl`` and
``countries_real_sentences.jsonl``; see that folder's README) holds references, not text:
each row's sentence is resolved from the shared folder (``newslab.evaluation.references``),
and a file without the shared data is a clear error. Two kinds of row:

- a **sentence** row has ``countries`` (the gold set): scored as above (micro P/R/F1 over
  the sentences' country sets; figures per source and per sampling stratum);
- a **mention** row has ``correct`` (yes/no), ``gold_iso3`` and the finder's span
  (``start``/``end`` relative to the sentence) at drawing time: **precision** of the finder
  on a random sample of its own mentions. The finder of today is run on the sentence; a
  sampled mention it still reports (a country mention overlapping the span) is right when
  its code is the gold code (``iso3`` when ``correct`` is yes, ``gold_iso3`` when no);
  a mention it no longer reports is counted apart (``dropped``, and how many of those do
  refer to a country: recall those rows lose, which the sentence gold measures).

``split`` keeps the rows of one split (``dev``, ``test``; ``test2`` for the second real-text
gold, ``countries_real2_*.jsonl``). Rows coded twice (``correct_coder2`` or
``countries_coder2``; the first coder's answer in ``correct_coder1``/``countries_coder1``
where a third reading settled the gold, else the gold itself) also give the two coders' agreement (``coders``: share of rows with
the same answer, or the same set of codes, and Cohen's kappa).
"""


from __future__ import annotations

from ..countries import countries_only, country_names, mentions_in_text
from ..errors import NewslabError
from .metrics import coder_agreement, read_jsonl, set_metrics
from .references import is_reference, raw_content, resolve


def _check_codes(i, codes, known, what="countries"):
    if not isinstance(codes, list):
        raise NewslabError(f"gold item {i}: {what!r} must be a list of ISO alpha-3 codes")
    bad = [c for c in codes if c not in known]
    if bad:
        raise NewslabError(f"gold item {i}: unknown country code(s) {', '.join(map(str, bad))}"
                           f" (use ISO 3166-1 alpha-3, e.g. USA, RUS; XKX for Kosovo)")


def read_gold(path, *, split: str | None = None, shared=None) -> list[dict]:
    """A country gold file as a list of rows, each with its sentence in ``text``.

    JSON Lines of sentence rows ``{"text", "countries": [ISO3, ...], "date"?, "source"?}``,
    or of mention rows ``{"text", "start", "end", "target", "iso3", "correct",
    "gold_iso3"?}``; either kind may hold a reference (``file``, ``sent_start``,
    ``sent_end``, ...) instead of ``text``, resolved under ``shared`` (default:
    :func:`newslab.evaluation.references.shared_dir`); such a row also gets the article's
    ``outlet`` as the loader reads it (the URL's domain of a ``.txt`` article), so that the
    finder sees what it sees in a pipeline run (``newslab.countries.home``). ``split``
    keeps one split."""
    rows = read_jsonl(path)
    if split is not None:
        rows = [r for r in rows if r.get("split") == split]
        if not rows:
            raise NewslabError(f"no gold rows with split {split!r} in {path}")
    known = set(country_names())
    out = []
    for i, r in enumerate(rows, start=1):
        r = dict(r)
        if "text" not in r:
            if not is_reference(r):
                raise NewslabError(f"gold item {i}: needs 'text' or a reference (file, "
                                   f"sent_start, sent_end)")
            r["text"] = resolve(r, shared)
            if "outlet" not in r:
                r["outlet"] = _outlet(r, shared)
        if not isinstance(r["text"], str):
            raise NewslabError(f"gold item {i}: 'text' must be a string")
        if "correct" in r:
            for k in ("start", "end", "iso3"):
                if k not in r:
                    raise NewslabError(f"gold item {i}: a mention row needs {k!r}")
            if str(r["correct"]).lower() not in ("yes", "no"):
                raise NewslabError(f"gold item {i}: 'correct' must be yes or no")
            if r.get("target") is not None and r["text"][r["start"]:r["end"]] != r["target"]:
                raise NewslabError(f"gold item {i}: the span {r['start']}:{r['end']} does not "
                                   f"hold {r['target']!r} (wrong shared data?)")
            gold = r["iso3"] if str(r["correct"]).lower() == "yes" else r.get("gold_iso3") or ""
            _check_codes(i, [gold] if gold else [], known, "gold_iso3")
            r["gold"] = gold
        elif "countries" in r:
            _check_codes(i, r["countries"], known)
        else:
            raise NewslabError(f"gold item {i}: needs 'countries' (a sentence row) or "
                               f"'correct' (a mention row)")
        out.append(r)
    kinds = {"correct" in r for r in out}
    if len(kinds) > 1:
        raise NewslabError(f"{path}: mixes sentence rows and mention rows")
    return out


def _outlet(ref: dict, shared) -> str | None:
    """The outlet the loader gives the article a reference points into (its URL's domain):
    only ``.txt`` articles carry a URL; None for the others (BBC, AG News rows)."""
    if not str(ref.get("file", "")).endswith(".txt"):
        return None
    from ..load import outlet_of, parse_seed_text
    parsed, _ = parse_seed_text(raw_content(ref, shared))
    return outlet_of(parsed.get("url")) if parsed else None


def _by(rows, field, golds, preds) -> dict:
    vals = [r.get(field) for r in rows]
    out = {}
    for v in sorted({x for x in vals if x}):
        idx = [i for i, x in enumerate(vals) if x == v]
        sm = set_metrics([golds[i] for i in idx], [preds[i] for i in idx])
        out[v] = {k: sm[k] for k in ("n", "precision", "recall", "f1")}
    return out


def evaluate(gold_rows: list[dict], *, extra=None) -> dict:
    """Sentence rows: micro precision/recall/F1 of the sentence-level country sets, with
    the errors; mention rows: :func:`evaluate_mentions`.

    Keys (sentences): ``task="sentences", n, precision, recall, f1, tp, n_pred, n_gold,
    errors`` (each error: ``text, gold, pred, missed, spurious, surfaces``), ``by_source``
    and ``by_stratum`` when the rows have those fields."""
    if gold_rows and "correct" in gold_rows[0]:
        return evaluate_mentions(gold_rows, extra=extra)
    golds, preds, errors = [], [], []
    for r in gold_rows:
        mm = countries_only(mentions_in_text(r["text"], date=r.get("date"), extra=extra,
                                             outlet=r.get("outlet")))
        g, p = set(r["countries"]), set(mm["iso3"])
        golds.append(g)
        preds.append(p)
        if g != p:
            errors.append({"uid": r.get("uid"), "text": r["text"], "gold": sorted(g),
                           "pred": sorted(p), "missed": sorted(g - p),
                           "spurious": sorted(p - g),
                           "surfaces": [f"{s}={c}" for s, c in zip(mm["surface"], mm["iso3"])]})
    m = {"task": "sentences", **set_metrics(golds, preds), "errors": errors}
    both = [(tuple(sorted(r.get("countries_coder1", r["countries"]))),
             tuple(sorted(r["countries_coder2"])))
            for r in gold_rows if isinstance(r.get("countries_coder2"), list)]
    if both:
        m["coders"] = _agreement(both)    # (the same set of codes, or not)
    for field in ("source", "stratum"):
        b = _by(gold_rows, field, golds, preds)
        if b:
            m[f"by_{field}"] = b
    return m


def evaluate_mentions(gold_rows: list[dict], *, extra=None) -> dict:
    """Precision of today's finder on a random sample of the finder's mentions.

    Keys: ``task="mentions", n, n_found, n_right, precision, n_dropped,
    n_dropped_right, by_source`` and ``errors`` (found but wrong: ``uid, text, target,
    pred, gold, note``) and ``dropped_right`` (mentions of a country, by the gold, that are
    no longer found)."""
    n_found = n_right = n_dropped = n_dropped_right = 0
    errors, lost = [], []
    per_source: dict = {}
    for r in gold_rows:
        mm = countries_only(mentions_in_text(r["text"], date=r.get("date"), extra=extra,
                                             outlet=r.get("outlet")))
        hit = mm[(mm["start"] < r["end"]) & (mm["end"] > r["start"])]
        src = per_source.setdefault(r.get("source") or "", [0, 0])
        item = {"uid": r.get("uid"), "text": r["text"], "target": r["text"][r["start"]:r["end"]],
                "gold": r["gold"], "note": r.get("note", "")}
        if hit.empty:
            n_dropped += 1
            if r["gold"]:
                n_dropped_right += 1
                lost.append(item)
            continue
        n_found += 1
        src[0] += 1
        pred = hit["iso3"].iloc[0]
        if pred == r["gold"]:
            n_right += 1
            src[1] += 1
        else:
            errors.append({**item, "pred": pred, "surface": hit["surface"].iloc[0]})
    prec = n_right / n_found if n_found else 1.0
    out = {"task": "mentions", "n": len(gold_rows), "n_found": n_found, "n_right": n_right,
           "precision": prec, "n_dropped": n_dropped, "n_dropped_right": n_dropped_right,
           "by_source": {s: {"n_found": a, "n_right": b, "precision": b / a if a else 1.0}
                         for s, (a, b) in sorted(per_source.items()) if s},
           "errors": errors, "dropped_right": lost}
    both = [(str(r.get("correct_coder1", r["correct"])).lower(),
             str(r["correct_coder2"]).lower()) for r in gold_rows
            if r.get("correct_coder2") not in (None, "")]
    if both:
        out["coders"] = _agreement(both)
    return out


def _agreement(pairs: list[tuple]) -> dict:
    """The two coders' agreement over ``(coder 1, coder 2)`` answer pairs."""
    m = coder_agreement([x for x, _ in pairs], [y for _, y in pairs])
    return {k: m[k] for k in ("n", "agree", "kappa")}
