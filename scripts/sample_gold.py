"""Draw the samples for the two real-text gold sets (stance toward countries; country mentions).

Deterministic: every random choice comes from ``random.Random(f"{SEED}:<sample>")`` with
``SEED = 20261201`` (string seeds are hashed with SHA-512 by Python, so the draw is the same on
every run and machine), and every pool is sorted before it is sampled. Splits (train/test for
stance, dev/test for countries) are a SHA-256 hash of the article key (:func:`split_of`), fixed
before labelling; the seed article's stance rows are always ``train`` (it is development text).

Text comes from ``../shared`` (beside the repository) and is written only to ``--out``
(default ``/tmp/annot``), for the coders. The repository keeps only references
(``data/annotations/*_refs.jsonl``): a file under ``../shared`` (plus ``id`` for BBC News or
``row`` for AG News), the sentence's character offsets ``sent_start``/``sent_end`` into the
file's raw content, and the mention's ``start``/``end`` relative to the sentence.

Raw content (what the offsets index), as read by :func:`raw_content`:
- ``.txt`` files: the whole file decoded as UTF-8 with ``newline=""`` (exactly as stored);
- ``eval/bbc_news/bbc_news.jsonl`` + ``id``: that record's ``text`` field;
- ``eval/ag_news/test.csv`` + ``row``: the ``description`` field of data row ``row``
  (0-based, in ``csv.DictReader`` order, header excluded).

Sentences and mentions come from newslab itself (``newslab.load_articles``,
``newslab.sentences``, ``newslab.find_mentions``, organizations dropped); the loader's
paragraph clean-up (strip, tab -> space, lost-dash repair "a  b" -> "a — b") is undone by
:func:`_paragraph_maps`, so a sentence's raw slice is what the file holds.

Run: ``PYTHONPATH=. python scripts/sample_gold.py [--shared DIR]`` (``--shared`` defaults to
``../shared`` beside the repository, or the parent of ``$NEWSLAB_EVAL_DIR``; also ``--out``,
``--refs``). Without the shared data it prints "skipped" and exits 0.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import newslab as nl
from newslab.evaluation import references
from newslab.load.dashes import LOST_DASH as _LOST_DASH

SEED = 20261201
REPO = Path(__file__).resolve().parents[1]
# ../shared beside the repository; NEWSLAB_EVAL_DIR (the tests' variable, ``<shared>/eval``)
# points elsewhere
SHARED = (Path(os.environ["NEWSLAB_EVAL_DIR"]).parent if os.environ.get("NEWSLAB_EVAL_DIR")
          else REPO / ".." / "shared")
BBC = "eval/bbc_news/bbc_news.jsonl"
AG = "eval/ag_news/test.csv"
OFFICIAL = "corpora/official_statements/articles"
DEV = "eval/country_stance/dev.jsonl"
MIN_LEN, MAX_LEN = 20, 600  # usable stance sentence length (characters)

N_STANCE = 460
SEED_CAP = 40
N_MENTIONS = {"bbc": 100, "ag_news": 100, "state.gov": 50, "en.kremlin.ru": 50}
# sentences sample: (drawn from all sentences, drawn from sentences with a finder country)
N_SENTENCES = {"bbc": (34, 33), "ag_news": (34, 33), "state.gov": (17, 16),
               "en.kremlin.ru": (16, 17)}

# Round 2 (drawn 2026-12-01, commit after 278b057): fresh samples from articles no earlier
# sample touched (every article key in data/annotations/*_refs.jsonl left out, and the dev set's
# articles), with their own random streams ``f"{SEED}:r2:<sample>"``.
# - stance: 400 official-statement mentions (200 per outlet), split train/test by the hash;
# - countries: a fresh untouched test set, ``split = "test2"``, same sizes as round 1.
# Round 3 (drawn 2026-12-01, at commit 4b735b6's finder): the same again, from articles neither
# round 1 nor round 2 touched, streams ``f"{SEED}:r3:<sample>"``; countries ``split = "test3"``.
# Round 4 (drawn 2026-12-01 in the next session, at commit 77f89e7's finder, countries only:
# ``--round 4 --tasks countries``): from articles rounds 1-3 did not touch, streams
# ``f"{SEED}:r4:<sample>"``; countries ``split = "test4"``.
N_STANCE_R2 = {"state.gov": 200, "en.kremlin.ru": 200}
# Round 4 stance (drawn 2026-12-01, session 19, ``--round 4 --tasks stance``, after the
# countries sample of that round): a test set only, drawn like the shared dev set (BBC News
# and the official statements, at most two sentences per article, one mention per sentence),
# every row ``split = "test4"``: BBC text may not be trained on, and the set is kept to check
# the final code once.
N_STANCE_R4 = {"bbc": 200, "state.gov": 100, "en.kremlin.ru": 100}
# Round 5 (drawn 2026-12-01, session 20, at commit 084f971's finder, ``--round 5``): both
# samples again, as round 4 draws them (countries ``split = "test5"``, stance all ``test5``),
# from articles rounds 1-4 did not touch, streams ``f"{SEED}:r5:<sample>"``.
# Round 6 (drawn 2026-12-01, session 21, at commit 9f02cfd's finder, ``--round 6``): the same
# again from articles rounds 1-5 did not touch, streams ``f"{SEED}:r6:<sample>"``, all ``test6``.
# The Kremlin's articles are used up by then (3 finder mentions left in untouched articles), so
# from round 6 on its share of every sample goes to state.gov (``_sizes``).
# Round 7 (drawn 2026-12-01, session 22, at commit 0ed2fb3's finder, ``--round 7``): as round 6,
# from articles rounds 1-6 did not touch, streams ``f"{SEED}:r7:<sample>"``, all ``test7``.
# Round 8 (drawn 2026-12-02, session 23, at commit 3e5bd67's finder, ``--round 8 --tasks
# countries``): as round 7, from articles rounds 1-7 did not touch, all ``test8``.
# Round 9 (drawn 2026-12-02, session 24, at commit cd4b558's finder, ``--round 9 --tasks
# countries``): as round 8, from articles rounds 1-8 did not touch, all ``test9``.
# Round 10 (drawn 2026-12-02, session 25, at commit 5325d05's finder, ``--round 10 --tasks
# countries``): as round 9, from articles rounds 1-9 did not touch, all ``test10``. Rounds 1-9
# left only 93 BBC mentions (63 articles), 9 state.gov and 12 Kremlin mentions (5 articles each)
# in untouched articles, so round 10's sizes are ``R10_SIZES``: nearly all of what BBC and the
# official statements have left, the rest from AG News (see data/annotations/README.md).
R10_SIZES = {
    "mentions": {"bbc": 90, "ag_news": 189, "state.gov": 9, "en.kremlin.ru": 12},
    "sentences": {"bbc": (34, 33), "ag_news": (62, 64), "state.gov": (2, 3),
                  "en.kremlin.ru": (2, 3)},
}


def _sizes(sizes: dict, rnd: int) -> dict:
    """A sample's sizes per source for round ``rnd``: from round 6 on, en.kremlin.ru's share
    moves to state.gov (no untouched Kremlin article is left)."""
    if rnd >= 10:
        return dict(R10_SIZES["mentions" if sizes is N_MENTIONS else "sentences"])
    if rnd < 6 or "en.kremlin.ru" not in sizes:
        return dict(sizes)
    out = {k: v for k, v in sizes.items() if k != "en.kremlin.ru"}
    add = sizes["en.kremlin.ru"]
    old = out["state.gov"]
    out["state.gov"] = (tuple(a + b for a, b in zip(old, add)) if isinstance(old, tuple)
                        else old + add)
    return out


# --------------------------------------------------------------------------- raw content

def raw_content(ref: dict, shared_dir) -> str:
    """The raw content that ``ref``'s offsets index: the library's resolver
    (:mod:`newslab.evaluation.references`), which every gold reader uses."""
    return references.raw_content(ref, shared_dir)


def resolve(ref: dict, shared_dir) -> str:
    """The sentence a reference points to: ``raw_content(ref)[sent_start:sent_end]``."""
    return raw_content(ref, shared_dir)[ref["sent_start"]:ref["sent_end"]]


def resolve_prev(ref: dict, shared_dir) -> str:
    """The previous sentence of a stance reference ("" when the sentence is the first)."""
    if ref.get("prev_start") is None:
        return ""
    return raw_content(ref, shared_dir)[ref["prev_start"]:ref["prev_end"]]


# --------------------------------------------------------------------------- alignment

def _paragraph_maps(raw: str, paragraphs: list[str]) -> list[list[int]]:
    """For each loader paragraph, a list mapping each of its character positions to a position
    in ``raw``. Loader paragraphs are the non-empty raw lines, stripped, tabs made spaces and
    lost dashes repaired, in order (header lines of .txt files are skipped over)."""
    lines, pos = [], 0
    for ln in raw.split("\n"):
        lines.append((pos, ln))
        pos += len(ln) + 1
    maps, i = [], 0
    for p1 in paragraphs:
        while True:
            if i >= len(lines):
                raise AssertionError(f"paragraph not found in raw content: {p1[:60]!r}")
            ls, ln = lines[i]
            i += 1
            stripped = ln.strip()
            if not stripped:
                continue
            base = ls + ln.index(stripped[0])
            if stripped == p1:  # today's loader: the text as given
                maps.append([base + k for k in range(len(p1))])
                break
            p0 = " ".join(stripped.split("\t"))
            if _LOST_DASH.sub(" \u2014 ", p0) != p1:
                continue
            m = []
            j = 0
            for mt in _LOST_DASH.finditer(p0):
                m.extend(range(j, mt.start()))
                m.extend([mt.start(), mt.start() + 1, mt.start() + 1])  # " — " <- "  "
                j = mt.end()
            m.extend(range(j, len(p0)))
            assert len(m) == len(p1)
            maps.append([base + k for k in m])
            break
    return maps


def _span(pmap: list[int], s: int, e: int) -> tuple[int, int]:
    return pmap[s], pmap[e - 1] + 1


# --------------------------------------------------------------------------- corpus

def split_of(key: str, labels=("train", "test")) -> str:
    """The split of an article, from a SHA-256 hash of its key (about 50/50)."""
    h = int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:12], 16)
    return labels[h % 2]


def _source_of(group: str, art) -> str:
    if group == "official":
        return "state.gov" if "/state.gov/" in str(art.path) else "en.kremlin.ru"
    return group


def load_group(group: str, shared: Path) -> list[dict]:
    """Every sentence of one source, with raw offsets and the finder's mentions.

    Returns dicts: source, key (article key for splits and caps), ref (file/id/row), date,
    sent_start, sent_end, text (raw slice), sid, prev (index into the list or None),
    mentions (list of {start, end (in text), surface, iso3, country, kind}), category.
    """
    path = {"official": shared / OFFICIAL, "seed": shared / "seeds", "bbc": shared / BBC,
            "ag_news": shared / AG}[group]
    arts = nl.load_articles(path, verbose=False)
    arts = arts[arts["duplicate_of"].isna()].reset_index(drop=True)
    sents = nl.sentences(arts)
    ments = nl.find_mentions(sents, arts)
    ments = ments[ments["kind"] != "organization"]
    by_sent = defaultdict(list)
    for m in ments.itertuples(index=False):
        by_sent[(m.article_id, int(m.sentence_id))].append(m)

    ag_line_to_row = {}
    if group == "ag_news":
        with open(shared / AG, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            next(reader)
            row = 0
            while True:
                start = reader.line_num + 1
                try:
                    vals = next(reader)
                except StopIteration:
                    break
                if not vals:  # DictReader skips empty rows too
                    continue
                ag_line_to_row[start] = row
                row += 1

    out = []
    sents_by_article = {aid: g for aid, g in sents.groupby("article_id", sort=False)}
    for art in arts.itertuples(index=False):
        if group in ("official", "seed"):
            file = Path(art.path).resolve().relative_to(shared.resolve()).as_posix()
            ref = {"file": file}
        elif group == "bbc":
            ref = {"file": BBC, "id": art.article_id}
        else:
            ref = {"file": AG, "row": ag_line_to_row[int(art.line)]}
        key = article_key(ref)
        raw = raw_content(ref, shared)
        maps = _paragraph_maps(raw, list(art.paragraphs))
        pstarts = [0]
        for p in art.paragraphs[:-1]:
            pstarts.append(pstarts[-1] + len(p) + 1)
        g = sents_by_article.get(art.article_id)
        if g is None:
            continue
        prev_idx = None
        date = None if art.date is None or str(art.date) == "NaT" else str(art.date.date())
        for s in g.itertuples(index=False):
            pid = int(s.paragraph_id)
            p0 = pstarts[pid]
            a, b = _span(maps[pid], s.start - p0, s.end - p0)
            text = raw[a:b]
            # the raw slice is the sentence the loader saw (the loader of the drawing, commit
            # 7a0c06d, turned tabs into spaces and repaired lost dashes; today's keeps both)
            assert s.text in (text, _LOST_DASH.sub(" \u2014 ", text),
                              _LOST_DASH.sub(" \u2014 ", " ".join(text.split("\t")))), (text, s.text)
            ms = []
            for m in by_sent.get((art.article_id, int(s.sentence_id)), []):
                ma, mb = _span(maps[pid], m.start - p0, m.end - p0)
                ms.append({"start": ma - a, "end": mb - a, "surface": raw[ma:mb],
                           "iso3": m.iso3, "country": m.country, "kind": m.kind})
                assert raw[ma:mb] == m.surface, (raw[ma:mb], m.surface)
            out.append({"source": _source_of(group, art), "key": key, "ref": ref,
                        "date": date, "sent_start": a, "sent_end": b, "text": text,
                        "sid": int(s.sentence_id), "prev": prev_idx, "mentions": ms,
                        "category": art.article_id.split("/")[0] if group == "bbc" else None})
            prev_idx = len(out) - 1
    return out


def usable(s: dict) -> bool:
    n = len(s["text"].strip())
    return MIN_LEN <= n <= MAX_LEN


_SPEAKER = re.compile(r"^[^:]{0,60}$")


def _is_speaker_label(s: dict, m: dict) -> bool:
    """A transcript speaker label ("Vladimir Putin: ...", "SECRETARY BLINKEN: ..."): the
    mention sits before the sentence's first colon, within its first 60 characters."""
    t = s["text"]
    return (t[m["end"]:].lstrip().startswith(":") and _SPEAKER.match(t[:m["start"]]) is not None)


def _stance_mentions(s: dict) -> list[dict]:
    """The mentions a stance coder can judge: speaker labels left out."""
    return [m for m in s["mentions"] if not _is_speaker_label(s, m)]


def _pick_mention(s: dict, rng: random.Random, mentions: list[dict] | None = None) -> dict:
    """One mention of a country drawn at random among the countries of the sentence (the
    first mention of the drawn country)."""
    mentions = s["mentions"] if mentions is None else mentions
    isos = sorted({m["iso3"] for m in mentions})
    iso = rng.choice(isos)
    return next(m for m in mentions if m["iso3"] == iso)


def _ref_row(s: dict, m: dict | None, split: str, uid: str) -> dict:
    r = {"uid": uid, "source": s["source"], **s["ref"], "sent_start": s["sent_start"],
         "sent_end": s["sent_end"], "sentence_id": s["sid"]}
    if m is not None:
        r.update({"start": m["start"], "end": m["end"], "target": m["surface"],
                  "iso3": m["iso3"], "country": m["country"], "kind": m["kind"]})
    r["date"] = s["date"]
    r["split"] = split
    return r


def _check(ref: dict, s: dict, shared: Path) -> None:
    text = resolve(ref, shared)
    assert text == s["text"], (ref, text, s["text"])
    if "start" in ref:
        assert text[ref["start"]:ref["end"]] == ref["target"], ref


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


# --------------------------------------------------------------------------- samples

def _draw_capped(pool: list[dict], n: int, rng: random.Random, used_text: set,
                 per_article: int = 2) -> list[dict]:
    pool = sorted(pool, key=lambda s: (s["key"], s["sid"]))
    order = list(range(len(pool)))
    rng.shuffle(order)
    taken, per = [], Counter()
    for i in order:
        s = pool[i]
        t = s["text"].strip()
        if per[s["key"]] >= per_article or t in used_text:
            continue
        taken.append(s)
        per[s["key"]] += 1
        used_text.add(t)
        if len(taken) == n:
            break
    if len(taken) < n:
        raise SystemExit(f"only {len(taken)} sentences for {n} wanted")
    return taken


def article_key(ref: dict) -> str:
    """The article key of a reference row (splits, caps and round 2's exclusions use it):
    the file, ``file#id`` for BBC News, ``file#row`` for AG News."""
    if "id" in ref:
        return f"{ref['file']}#{ref['id']}"
    if "row" in ref:
        return f"{ref['file']}#{ref['row']}"
    return ref["file"]


def _file_round(name: str) -> int:
    """The round of a ``*_refs.jsonl`` file: ``..._real_...`` is round 1, ``..._realN_...``
    round N."""
    m = re.search(r"_real(\d*)_", name)
    return int(m.group(1) or 1) if m else 1


def used_keys(refs: Path, rnd: int = 2) -> set:
    """Every article key an earlier round drew (the ``*_refs.jsonl`` under ``refs`` of rounds
    before ``rnd``; a round's own files and later ones are left out, so that a re-draw of a
    round gives the same rows)."""
    keys = set()
    for path in sorted(refs.glob("*_refs.jsonl")):
        if _file_round(path.name) >= rnd:
            continue
        with open(path, encoding="utf-8") as f:
            keys |= {article_key(json.loads(ln)) for ln in f if ln.strip()}
    return keys


def _stance_rows(picks, data: dict, shared: Path, uid, split, rnd: int | None = None):
    """The coders' rows (with text) and the reference rows (without) of a stance sample:
    ``uid(k)`` names the k-th pick, ``split(s)`` gives its split, ``rnd`` (from round 2 on)
    is recorded in the reference; each reference is checked to resolve to its sentence and
    the sentence before it."""
    coder, reflist = [], []
    for k, (s, m) in enumerate(picks, start=1):
        u = uid(k)
        ref = _ref_row(s, m, split(s), u)
        p = data["all"][s["group"]][s["prev"]] if s["prev"] is not None else None
        ref["prev_start"] = None if p is None else p["sent_start"]
        ref["prev_end"] = None if p is None else p["sent_end"]
        if rnd is not None:
            ref["round"] = rnd
        _check(ref, s, shared)
        assert resolve_prev(ref, shared) == ("" if p is None else p["text"])
        reflist.append(ref)
        coder.append({"uid": u, "text": s["text"], "prev": "" if p is None else p["text"],
                      "target": m["surface"], "start": m["start"], "end": m["end"],
                      "iso3": m["iso3"], "source": s["source"]})
    return coder, reflist


def stance_sample_r2(data: dict, shared: Path, out: Path, refs: Path, exclude: set,
                     rnd: int = 2) -> dict:
    """Round 2 (or a later round) of the stance sample: official statements only (round 4:
    BBC News too, all test), no article drawn before and none of the dev set's."""
    rng = random.Random(f"{SEED}:r{rnd}:stance")
    with open(shared / DEV, encoding="utf-8") as f:
        dev = [json.loads(ln) for ln in f if ln.strip()]
    dev_files = {"corpora/" + r["file"] for r in dev if r.get("file")}
    dev_bbc = {r["bbc_id"] for r in dev if r.get("bbc_id")}
    dev_texts = {r["text"].strip() for r in dev}
    used = set()
    chosen = []
    sizes = _sizes(N_STANCE_R4 if rnd >= 4 else N_STANCE_R2, rnd)
    for outlet, n in sizes.items():
        group = "bbc" if outlet == "bbc" else "official"
        pool = [s for s in data[group] if s["source"] == outlet and _stance_mentions(s)
                and usable(s) and s["text"].strip() not in dev_texts
                and s["ref"].get("file") not in dev_files and s["ref"].get("id") not in dev_bbc
                and s["key"] not in exclude]
        chosen += _draw_capped(pool, n, rng, used)
    picks = [(s, _pick_mention(s, rng, _stance_mentions(s))) for s in chosen]
    rng.shuffle(picks)
    coder, reflist = _stance_rows(
        picks, data, shared, lambda k: f"sr{rnd}-{k:04d}",
        (lambda s: f"test{rnd}") if rnd >= 4 else (lambda s: split_of(s["key"], ("train", "test"))),
        rnd)
    _write(out / f"stance_sample_r{rnd}.jsonl", coder)  # text: for the coders only
    _write(refs / f"stance_real{rnd}_refs.jsonl", reflist)
    return Counter((r["source"], r["split"]) for r in reflist)


def stance_sample(data: dict, shared: Path, out: Path, refs: Path) -> dict:
    rng = random.Random(f"{SEED}:stance")
    with open(shared / DEV, encoding="utf-8") as f:
        dev = [json.loads(ln) for ln in f if ln.strip()]
    dev_files = {"corpora/" + r["file"] for r in dev if r.get("file")}
    dev_pairs = {("corpora/" + r["file"], r["text"].strip()) for r in dev if r.get("file")}
    dev_texts = {r["text"].strip() for r in dev}

    def ok(s):
        return (_stance_mentions(s) and usable(s) and s["text"].strip() not in dev_texts
                and (s["ref"]["file"], s["text"].strip()) not in dev_pairs)

    used = set()
    seed_rows = [s for s in data["seed"] if ok(s)]
    seed_rows = sorted(seed_rows, key=lambda s: s["sid"])
    if len(seed_rows) > SEED_CAP:
        seed_rows = sorted(rng.sample(seed_rows, SEED_CAP), key=lambda s: s["sid"])
    for s in seed_rows:
        used.add(s["text"].strip())
    n_off = N_STANCE - len(seed_rows)
    per_outlet = {"state.gov": n_off - n_off // 2, "en.kremlin.ru": n_off // 2}
    chosen = list(seed_rows)
    for outlet, n in per_outlet.items():
        pool = [s for s in data["official"] if s["source"] == outlet and ok(s)
                and s["ref"]["file"] not in dev_files]
        chosen += _draw_capped(pool, n, rng, used)
    picks = [(s, _pick_mention(s, rng, _stance_mentions(s))) for s in chosen]
    rng.shuffle(picks)
    # the seed article is the project's development text (stance_gold.jsonl holds 37 of its
    # pairs, the rules were written on it): never test data
    coder, reflist = _stance_rows(
        picks, data, shared, lambda k: f"sr{k:04d}",
        lambda s: "train" if s["group"] == "seed" else split_of(s["key"], ("train", "test")))
    _write(out / "stance_sample.jsonl", coder)
    _write(refs / "stance_real_refs.jsonl", reflist)
    return Counter((r["source"], r["split"]) for r in reflist)


def _round(rnd: int) -> dict:
    """Names of a round's random stream, uids, split and files."""
    if rnd == 1:
        return {"rng": SEED, "uid": "", "split": None, "file": "countries_real"}
    return {"rng": f"{SEED}:r{rnd}", "uid": f"{rnd}-", "split": f"test{rnd}",
            "file": f"countries_real{rnd}"}


def mentions_sample(data: dict, shared: Path, out: Path, refs: Path, rnd: int = 1,
                    exclude: frozenset = frozenset()) -> dict:
    r = _round(rnd)
    rng = random.Random(f"{r['rng']}:countries-mentions")
    picks = []
    for src, n in _sizes(N_MENTIONS, rnd).items():
        group = "official" if src in ("state.gov", "en.kremlin.ru") else src
        pool = [(s, m) for s in data[group] if s["source"] == src and len(s["text"]) <= 1000
                and s["key"] not in exclude for m in s["mentions"]]
        pool.sort(key=lambda sm: (sm[0]["key"], sm[0]["sid"], sm[1]["start"]))
        picks += rng.sample(pool, n)
    rng.shuffle(picks)
    coder, reflist = [], []
    for k, (s, m) in enumerate(picks, start=1):
        uid = f"cm{r['uid']}{k:04d}"
        ref = _ref_row(s, m, r["split"] or split_of(s["key"], ("dev", "test")), uid)
        _check(ref, s, shared)
        reflist.append(ref)
        coder.append({"uid": uid, "text": s["text"], "target": m["surface"],
                      "start": m["start"], "end": m["end"], "iso3": m["iso3"],
                      "country": m["country"], "kind": m["kind"], "source": s["source"]})
    _write(out / f"{r['file']}_mentions_sample.jsonl", coder)
    _write(refs / f"{r['file']}_mentions_refs.jsonl", reflist)
    return Counter((r["source"], r["split"]) for r in reflist)


def sentences_sample(data: dict, shared: Path, out: Path, refs: Path, rnd: int = 1,
                     exclude: frozenset = frozenset()) -> tuple:
    r = _round(rnd)
    rng = random.Random(f"{r['rng']}:countries-sentences")
    picks, pops = [], {}
    for src, (n_any, n_found) in _sizes(N_SENTENCES, rnd).items():
        group = "official" if src in ("state.gov", "en.kremlin.ru") else src
        pool = sorted((s for s in data[group] if s["source"] == src
                       and 1 <= len(s["text"].strip()) <= 1000 and s["key"] not in exclude),
                      key=lambda s: (s["key"], s["sid"]))
        found_pool = [s for s in pool if s["mentions"]]
        pops[src] = {"all": len(pool), "found": len(found_pool)}
        used = set()
        a = _draw_capped(pool, n_any, rng, used, per_article=1)
        f = _draw_capped(found_pool, n_found, rng, used, per_article=1)
        picks += [(s, "any") for s in a] + [(s, "found") for s in f]
    rng.shuffle(picks)
    coder, finder, reflist = [], [], []
    for k, (s, stratum) in enumerate(picks, start=1):
        uid = f"cs{r['uid']}{k:04d}"
        ref = _ref_row(s, None, r["split"] or split_of(s["key"], ("dev", "test")), uid)
        ref["stratum"] = stratum
        _check(ref, s, shared)
        reflist.append(ref)
        coder.append({"uid": uid, "text": s["text"], "source": s["source"],
                      "date": s["date"]})
        finder.append({"uid": uid, "countries": sorted({m["iso3"] for m in s["mentions"]}),
                       "mentions": s["mentions"]})
    _write(out / f"{r['file']}_sentences_sample.jsonl", coder)
    _write(out / f"{r['file']}_sentences_finder.jsonl", finder)
    _write(refs / f"{r['file']}_sentences_refs.jsonl", reflist)
    return Counter((r["source"], r["split"], r["stratum"]) for r in reflist), pops


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, default=Path("/tmp/annot"))
    ap.add_argument("--refs", type=Path, default=REPO / "data" / "annotations")
    ap.add_argument("--round", type=int, default=1, choices=(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                    help="2-10: the fresh samples of 2026-12-01 and 2026-12-02 (see N_STANCE_R2, R10_SIZES)")
    ap.add_argument("--tasks", default="stance,countries",
                    help="comma-separated samples to draw from round 2 on (stance, countries)")
    a = ap.parse_args(argv)
    if not (a.shared / OFFICIAL).is_dir():
        print(f"skipped: no shared data at {a.shared}", file=sys.stderr)
        return 0
    data = {g: load_group(g, a.shared) for g in ("seed", "official", "bbc", "ag_news")}
    for g, rows in data.items():
        for s in rows:
            s["group"] = g
    data["all"] = data
    if a.round >= 2:
        exclude = frozenset(used_keys(a.refs, a.round))
        print(f"round {a.round}; article keys left out:", len(exclude))
        tasks = set(a.tasks.split(","))
        if tasks - {"stance", "countries"}:
            ap.error(f"--tasks: unknown {sorted(tasks - {'stance', 'countries'})}")
        if "stance" in tasks:
            print("stance:", dict(sorted(stance_sample_r2(data, a.shared, a.out, a.refs,
                                                          exclude, a.round).items())))
        if "countries" in tasks:
            print("countries mentions:", dict(sorted(mentions_sample(
                data, a.shared, a.out, a.refs, a.round, exclude).items())))
            counts, pops = sentences_sample(data, a.shared, a.out, a.refs, a.round, exclude)
            print("countries sentences:", dict(sorted(counts.items())))
            print("sentence populations:", pops)
        return 0
    print("stance:", dict(sorted(stance_sample(data, a.shared, a.out, a.refs).items())))
    print("countries mentions:",
          dict(sorted(mentions_sample(data, a.shared, a.out, a.refs).items())))
    counts, pops = sentences_sample(data, a.shared, a.out, a.refs)
    print("countries sentences:", dict(sorted(counts.items())))
    print("sentence populations:", pops)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
