"""The reference-only gold samples (data/annotations/*_refs.jsonl) resolve to sentences of
../shared whose offsets hold the recorded target (skips without the shared data)."""

import importlib.util
import json

from .conftest import ANNOTATIONS, ROOT

_spec = importlib.util.spec_from_file_location("sample_gold", ROOT / "scripts" / "sample_gold.py")
sample_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(sample_gold)

FILES = ["stance_real_refs.jsonl", "countries_real_mentions_refs.jsonl",
         "countries_real_sentences_refs.jsonl", "stance_real2_refs.jsonl",
         "countries_real2_mentions_refs.jsonl", "countries_real2_sentences_refs.jsonl",
         "stance_real3_refs.jsonl", "countries_real3_mentions_refs.jsonl",
         "countries_real3_sentences_refs.jsonl", "countries_real4_mentions_refs.jsonl",
         "countries_real4_sentences_refs.jsonl", "stance_real4_refs.jsonl",
         "countries_real5_mentions_refs.jsonl", "countries_real5_sentences_refs.jsonl",
         "stance_real5_refs.jsonl", "countries_real6_mentions_refs.jsonl",
         "countries_real6_sentences_refs.jsonl", "stance_real6_refs.jsonl",
         "countries_real7_mentions_refs.jsonl", "countries_real7_sentences_refs.jsonl",
         "stance_real7_refs.jsonl", "countries_real8_mentions_refs.jsonl",
         "countries_real8_sentences_refs.jsonl", "countries_real9_mentions_refs.jsonl",
         "countries_real9_sentences_refs.jsonl", "countries_real10_mentions_refs.jsonl",
         "countries_real10_sentences_refs.jsonl"]


def _rows(name):
    with open(ANNOTATIONS / name, encoding="utf-8") as f:
        return [json.loads(ln) for ln in f]


def test_refs_have_no_text_and_fixed_splits():
    for name in FILES:
        rows = _rows(name)
        assert rows and all("text" not in r and "prev" not in r for r in rows)
        by_article = {}
        for r in rows:
            key = (r["file"], r.get("id"), r.get("row"))
            assert by_article.setdefault(key, r["split"]) == r["split"]
    assert len(_rows(FILES[0])) == 460
    assert len(_rows(FILES[1])) == 300
    assert len(_rows(FILES[2])) == 200
    assert [len(_rows(f)) for f in FILES[3:9]] == [400, 300, 200] * 2
    assert [len(_rows(f)) for f in FILES[9:21]] == [300, 200, 400] * 4
    assert [len(_rows(f)) for f in FILES[21:25]] == [300, 200] * 2
    assert [len(_rows(f)) for f in FILES[25:]] == [300, 203]


def _assert_fresh(earlier: list[str], new: list[str]) -> None:
    """No article of the ``earlier`` files is in the ``new`` ones; uids unique in each."""
    old = set().union(*({sample_gold.article_key(r) for r in _rows(f)} for f in earlier))
    for name in new:
        rows = _rows(name)
        assert not {sample_gold.article_key(r) for r in rows} & old
        assert len({r["uid"] for r in rows}) == len(rows)


def test_round_two_draws_only_fresh_articles():
    """Round 2 (scripts/sample_gold.py --round 2) left out every article of round 1."""
    _assert_fresh(FILES[:3], FILES[3:6])
    assert {r["split"] for f in FILES[4:6] for r in _rows(f)} == {"test2"}


def test_round_three_draws_only_fresh_articles():
    """Round 3 (--round 3) left out every article of rounds 1 and 2."""
    _assert_fresh(FILES[:6], FILES[6:9])
    assert {r["split"] for f in FILES[7:9] for r in _rows(f)} == {"test3"}
    assert {r["split"] for r in _rows(FILES[6])} == {"train", "test"}
    assert sample_gold._file_round("stance_real_refs.jsonl") == 1
    assert sample_gold._file_round("countries_real3_mentions_refs.jsonl") == 3


def test_round_four_draws_only_fresh_articles():
    """Round 4 (--round 4 --tasks countries, then --tasks stance) left out every article of
    rounds 1-3; its stance sample is all test (BBC News and the official statements)."""
    _assert_fresh(FILES[:9], FILES[9:12])
    for name in FILES[9:12]:
        assert all(r["uid"].startswith(("cm4-", "cs4-", "sr4-")) for r in _rows(name))
    assert {r["split"] for f in FILES[9:12] for r in _rows(f)} == {"test4"}
    stance = _rows(FILES[11])
    assert {r["source"] for r in stance} == {"bbc", "state.gov", "en.kremlin.ru"}
    assert all(r["round"] == 4 for r in stance)
    assert sample_gold._file_round("countries_real4_sentences_refs.jsonl") == 4


def test_round_five_draws_only_fresh_articles():
    """Round 5 (--round 5 --tasks countries, then --tasks stance) left out every article of
    rounds 1-4, drawn as round 4 was."""
    _assert_fresh(FILES[:12], FILES[12:15])
    for name in FILES[12:15]:
        assert all(r["uid"].startswith(("cm5-", "cs5-", "sr5-")) for r in _rows(name))
    assert {r["split"] for f in FILES[12:15] for r in _rows(f)} == {"test5"}
    stance = _rows(FILES[14])
    assert {r["source"] for r in stance} == {"bbc", "state.gov", "en.kremlin.ru"}
    assert all(r["round"] == 5 for r in stance)


def test_round_six_draws_only_fresh_articles():
    """Round 6 (--round 6) left out every article of rounds 1-5; the Kremlin's articles are
    used up, so its share went to state.gov."""
    _assert_fresh(FILES[:15], FILES[15:18])
    for name in FILES[15:18]:
        assert all(r["uid"].startswith(("cm6-", "cs6-", "sr6-")) for r in _rows(name))
    assert {r["split"] for f in FILES[15:18] for r in _rows(f)} == {"test6"}
    stance = _rows(FILES[17])
    assert {r["source"] for r in stance} == {"bbc", "state.gov"}
    assert all(r["round"] == 6 for r in stance)
    assert sample_gold._sizes(sample_gold.N_STANCE_R4, 6) == {"bbc": 200, "state.gov": 200}
    assert sample_gold._sizes(sample_gold.N_SENTENCES, 6)["state.gov"] == (33, 33)
    assert sample_gold._sizes(sample_gold.N_MENTIONS, 5) == sample_gold.N_MENTIONS


def test_round_seven_draws_only_fresh_articles():
    """Round 7 (--round 7) left out every article of rounds 1-6, drawn as round 6 was (BBC
    News, AG News and state.gov only)."""
    _assert_fresh(FILES[:18], FILES[18:21])
    for name in FILES[18:21]:
        assert all(r["uid"].startswith(("cm7-", "cs7-", "sr7-")) for r in _rows(name))
    assert {r["split"] for f in FILES[18:21] for r in _rows(f)} == {"test7"}
    stance = _rows(FILES[20])
    assert {r["source"] for r in stance} == {"bbc", "state.gov"}
    assert all(r["round"] == 7 for r in stance)
    assert {r["source"] for r in _rows(FILES[18])} == {"bbc", "ag_news", "state.gov"}


def test_round_eight_draws_only_fresh_articles():
    """Round 8 (--round 8 --tasks countries) left out every article of rounds 1-7; countries
    only, drawn as round 7 was."""
    _assert_fresh(FILES[:21], FILES[21:23])
    for name in FILES[21:23]:
        assert all(r["uid"].startswith(("cm8-", "cs8-")) for r in _rows(name))
    assert {r["split"] for f in FILES[21:23] for r in _rows(f)} == {"test8"}
    assert {r["source"] for f in FILES[21:23] for r in _rows(f)} == {"bbc", "ag_news", "state.gov"}
    assert sample_gold._file_round("countries_real8_mentions_refs.jsonl") == 8


def test_round_nine_draws_only_fresh_articles():
    """Round 9 (--round 9 --tasks countries) left out every article of rounds 1-8; countries
    only, drawn as round 8 was: 300 mentions and 200 sentences, a third from each source."""
    _assert_fresh(FILES[:23], FILES[23:25])
    mentions, sentences = (_rows(f) for f in FILES[23:25])
    assert len(mentions) == 300 and len(sentences) == 200
    assert all(r["uid"].startswith("cm9-") for r in mentions)
    assert all(r["uid"].startswith("cs9-") for r in sentences)
    assert {r["split"] for r in mentions + sentences} == {"test9"}
    assert {r["source"] for r in mentions + sentences} == {"bbc", "ag_news", "state.gov"}
    assert sample_gold._file_round("countries_real9_sentences_refs.jsonl") == 9


def test_round_ten_draws_only_fresh_articles():
    """Round 10 (--round 10 --tasks countries) left out every article of rounds 1-9; BBC and the
    official statements had little left, so its sizes are sample_gold.R10_SIZES (AG News-heavy)."""
    _assert_fresh(FILES[:25], FILES[25:])
    mentions, sentences = (_rows(f) for f in FILES[25:])
    assert all(r["uid"].startswith("cm10-") for r in mentions)
    assert all(r["uid"].startswith("cs10-") for r in sentences)
    assert {r["split"] for r in mentions + sentences} == {"test10"}
    sources = {"bbc", "ag_news", "state.gov", "en.kremlin.ru"}
    assert {r["source"] for r in mentions + sentences} == sources
    counts = {s: sum(r["source"] == s for r in mentions) for s in sources}
    assert counts == sample_gold.R10_SIZES["mentions"]
    assert sample_gold._file_round("countries_real10_mentions_refs.jsonl") == 10


def test_refs_resolve(shared_eval):
    shared = shared_eval.parent
    for name in FILES:
        for r in _rows(name):
            text = sample_gold.resolve(r, shared)
            assert text and text == text.strip()
            if "target" in r:
                assert text[r["start"]:r["end"]] == r["target"]
