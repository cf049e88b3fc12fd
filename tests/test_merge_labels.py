"""scripts/merge_labels.py: agreement of two coders and the merged gold rows (invented rows)."""

import importlib.util
import json

import pytest

from .conftest import ROOT

_spec = importlib.util.spec_from_file_location("merge_labels", ROOT / "scripts" / "merge_labels.py")
ml = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ml)

REFS = [{"uid": f"u{i}", "file": "f.txt", "sent_start": 0, "sent_end": 5} for i in range(4)]


def test_stance_agreement_kappa_and_merge():
    a = {"u0": {"label": "neutral"}, "u1": {"label": "negative"},
         "u2": {"label": "positive", "not_country": True}, "u3": {"label": "neutral"}}
    b = {"u0": {"label": "neutral"}, "u1": {"label": "negative"},
         "u2": {"label": "positive"}, "u3": {"label": "positive"}}
    ag = ml.agreement(REFS, a, b, "stance")
    assert ag["agreed"] == 3 and ag["rows"] == 4
    assert ag["confusion_a_by_b"] == [[1, 0, 0], [0, 1, 1], [0, 0, 1]]
    # kappa = (po - pe) / (1 - pe): po = 3/4; pe = (1*1 + 2*1 + 1*2) / 16 = 5/16
    assert ag["kappa"] == pytest.approx((0.75 - 5 / 16) / (1 - 5 / 16), abs=1e-3)
    # alpha: N = 8 values, 1 disagreeing unit, n_c = 3, 2, 3: 1 - 7 * 2 / (64 - 22)
    assert ag["alpha"] == pytest.approx(1 - 7 * 2 / 42, abs=1e-3)
    with pytest.raises(SystemExit):  # a disagreement without a third reading
        ml.merge(REFS, a, b, {}, "stance")
    rows = ml.merge(REFS, a, b, {"u3": {"uid": "u3", "label": "neutral"}}, "stance")
    assert [r["label"] for r in rows] == ["neutral", "negative", "positive", "neutral"]
    assert [r["settled"] for r in rows] == ["agreed"] * 3 + ["third reading"]
    assert rows[2]["not_country"] and not rows[0]["not_country"]
    assert rows[3]["coder_a"] == "neutral" and rows[3]["coder_b"] == "positive"


def test_sentences_agree_per_country_code(tmp_path):
    a = {"u0": {"countries": ["GBR"]}, "u1": {"countries": []},
         "u2": {"countries": ["FRA", "DEU"]}, "u3": {"countries": ["USA"]}}
    b = {"u0": {"countries": ["GBR"]}, "u1": {"countries": []},
         "u2": {"countries": ["DEU"]}, "u3": {"countries": ["USA"]}}
    ag = ml.agreement(REFS, a, b, "sentences")
    assert ag["rows_identical"] == 3 and ag["codes"] == 4 and ag["codes_agreed"] == 3
    refs = tmp_path / "refs.jsonl"
    refs.write_text("".join(json.dumps(r) + "\n" for r in REFS))
    for name, d in (("a", a), ("b", b), ("s", {"u2": {"countries": ["DEU", "FRA"]}})):
        (tmp_path / f"{name}.jsonl").write_text(
            "".join(json.dumps({"uid": u, **v}) + "\n" for u, v in d.items()))
    out = tmp_path / "gold.jsonl"
    assert ml.main(["--task", "sentences", "--refs", str(refs), "--a", str(tmp_path / "a.jsonl"),
                    "--b", str(tmp_path / "b.jsonl"), "--settle", str(tmp_path / "s.jsonl"),
                    "--out", str(out)]) == 0
    rows = [json.loads(ln) for ln in out.read_text().splitlines()]
    assert rows[2]["countries"] == ["DEU", "FRA"] and rows[2]["countries_coder2"] == ["DEU"]


def test_mentions_compare_correct_and_code():
    a = {"u0": {"correct": "yes"}, "u1": {"correct": "no", "gold_iso3": "FRA"},
         "u2": {"correct": "no"}, "u3": {"correct": "Yes"}}
    b = {"u0": {"correct": "yes"}, "u1": {"correct": "no", "gold_iso3": "BEL"},
         "u2": {"correct": "no", "gold_iso3": ""}, "u3": {"correct": "yes"}}
    ag = ml.agreement(REFS, a, b, "mentions")
    assert ag["agreed"] == 3  # u1: both "no", but different right countries
    assert ag["labels"] == ["no", "no:BEL", "no:FRA", "yes"]
