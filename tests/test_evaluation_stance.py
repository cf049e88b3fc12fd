"""Stance gold readers: the project's JSONL, NewsMTSC, references into ../shared."""

import json

import pytest

from newslab import cli
from newslab.errors import NewslabError
from newslab.evaluation import references
from newslab.evaluation import stance as ev

from .conftest import ANNOTATIONS


def _shared(tmp_path):
    root = tmp_path / "shared"
    (root / "corpora").mkdir(parents=True)
    text = "HEADER\n\nChile praised Peru for its help. Bolivia was condemned.\n"
    (root / "corpora" / "a.txt").write_text(text, encoding="utf-8", newline="")
    return root, text


def test_references_resolve_against_the_shared_folder(tmp_path, capsys):
    root, text = _shared(tmp_path)
    s1 = text.index("Chile")
    e1 = text.index("help.") + 5
    s2 = text.index("Bolivia")
    e2 = text.index("condemned.") + 10
    refs = tmp_path / "refs.jsonl"
    refs.write_text("\n".join(json.dumps(r) for r in [
        {"uid": "r1", "file": "corpora/a.txt", "sent_start": s1, "sent_end": e1, "start": 14,
         "end": 18, "target": "Peru", "label": "positive", "split": "train"},
        {"uid": "r2", "file": "corpora/a.txt", "sent_start": s2, "sent_end": e2, "start": 0,
         "end": 7, "label": "negative", "split": "test"},
    ]) + "\n", encoding="utf-8")
    g = ev.read_gold(refs, shared=root)
    assert g["text"].tolist() == ["Chile praised Peru for its help.", "Bolivia was condemned."]
    assert g.loc[1, "target"] == "Bolivia" and g["uid"].tolist() == ["r1", "r2"]
    assert ev.split(g, "test")["uid"].tolist() == ["r2"]
    assert cli.main(["evaluate", "stance", str(refs), "--shared", str(root), "--method",
                     "rules", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["n"] == 2 and m["accuracy"] == 1.0
    assert cli.main(["evaluate", "stance", str(refs), "--shared", str(root), "--split",
                     "test", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 1
    # a target that the offsets do not cover: the wrong shared folder, said in one line
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"file": "corpora/a.txt", "sent_start": s1, "sent_end": e1,
                               "start": 0, "end": 5, "target": "Peru", "label": "neutral"}) +
                   "\n", encoding="utf-8")
    with pytest.raises(NewslabError, match="bad.jsonl:1: the reference gives 'Chile'"):
        ev.read_gold(bad, shared=root)


def test_shared_dir_default_and_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("NEWSLAB_SHARED", raising=False)
    monkeypatch.delenv("NEWSLAB_EVAL_DIR", raising=False)
    assert references.shared_dir().name == "shared"
    assert references.shared_dir().parent == ANNOTATIONS.parents[2]
    monkeypatch.setenv("NEWSLAB_SHARED", str(tmp_path))
    assert references.shared_dir() == tmp_path
    assert references.shared_dir(tmp_path / "x") == tmp_path / "x"


def test_sniffing_formats(tmp_path):
    p = tmp_path / "m.jsonl"
    p.write_text(json.dumps({"sentence_normalized": "Smith met Jones.", "targets": [
        {"from": 0, "to": 5, "mention": "Smith", "polarity": 4.0}]}) + "\n", encoding="utf-8")
    assert ev.read_gold(p)["label"].tolist() == ["neutral"]
    with pytest.raises(NewslabError, match="unknown format"):
        ev.read_gold(p, format="csv")


@pytest.mark.evaldata
def test_real_labels_resolve(shared_eval):
    g = ev.read_gold(ANNOTATIONS / "stance_real.jsonl", shared=shared_eval.parent)
    assert len(g) == 460 and set(g["split"]) == {"train", "test"}
    assert (g.apply(lambda r: r["text"][r["start"]:r["end"]] == r["target"], axis=1)).all()
    assert (g["split"] == "train").sum() == 239


def test_evaluate_pools_several_files_and_splits(tmp_path, capsys):
    """`newslab evaluate stance A B --split test`: the rows of both files, each file's split."""
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    rows_a = [{"text": "Russia invaded Ukraine.", "target": "Russia", "label": "negative",
               "split": "test"},
              {"text": "Talks on Syria ended.", "target": "Syria", "label": "neutral",
               "split": "train"}]
    rows_b = [{"text": "The brave Ukrainian forces held the line.", "target": "Ukrainian",
               "label": "positive", "split": "test"}]
    a.write_text("".join(json.dumps(r) + "\n" for r in rows_a), encoding="utf-8")
    b.write_text("".join(json.dumps(r) + "\n" for r in rows_b), encoding="utf-8")
    assert cli.main(["evaluate", "stance", str(a), str(b), "--split", "test", "--method",
                     "rules", "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["n"] == 2 and m["gold"] == "a.jsonl + b.jsonl (split test)"
    assert m["accuracy"] == 1.0


def test_evaluate_keeps_the_rows_of_one_source(tmp_path, capsys):
    """`--source bbc` keeps bbc and bbc/sport rows; a source with no rows is one line."""
    p = tmp_path / "g.jsonl"
    rows = [{"text": "Russia invaded Ukraine.", "target": "Russia", "label": "negative",
             "source": "bbc"},
            {"text": "The brave Ukrainian forces held the line.", "target": "Ukrainian",
             "label": "positive", "source": "bbc/sport"},
            {"text": "Talks on Syria ended.", "target": "Syria", "label": "neutral",
             "source": "state.gov"}]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert cli.main(["evaluate", "stance", str(p), "--source", "bbc", "--method", "rules",
                     "--json"]) == 0
    m = json.loads(capsys.readouterr().out)
    assert m["n"] == 2 and m["gold"] == "g.jsonl (source bbc)"
    assert cli.main(["evaluate", "stance", str(p), "--source", "state.gov,en.kremlin.ru",
                     "--method", "rules", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["n"] == 1
    with pytest.raises(NewslabError, match="no rows with source 'agnews'"):
        ev.sources(ev.read_gold(p), "agnews")
