"""Metadata travels through `newslab analyze --by outlet` (issue: real corpora in).

A CSV with outlet, section and author columns keeps them on `articles`, and `--by outlet`
gives country stance and article sentiment (tone) per outlet; a seed-format folder with one
sub-folder per outlet does the same, the outlet taken from the sub-folder."""

import pandas as pd

from newslab.cli import main

TEXTS = [
    "Russia invaded Ukraine and shelled Kharkiv. Germany condemned Russia for the attack.",
    "France praised Japan for its generous aid. Japan pledged more help to Kenya.",
    "The United States imposed sanctions on Iran. Iran denied the accusations of abuse.",
    "Brazil and Chile signed a trade agreement. Officials in Chile welcomed the deal.",
]


def _check(out, outlets):
    arts = pd.read_parquet(out / "articles")
    assert sorted(arts["outlet"].unique()) == sorted(outlets)
    cs = pd.read_parquet(out / "country_stance_by_outlet")
    assert list(cs.columns)[0] == "outlet" and set(cs["outlet"]) == set(outlets)
    tone = pd.read_parquet(out / "tone_by_outlet")
    assert set(tone["outlet"]) == set(outlets)
    assert tone["n_articles"].sum() == len(arts)
    return arts


def test_csv_metadata_and_by_outlet(tmp_path):
    rows = [{"title": f"T{i}", "date": f"2022-0{i + 1}-01", "text": t,
             "outlet": "Daily A" if i % 2 == 0 else "Weekly B",
             "section": ["World", "Business"][i % 2], "author": f"Author {i}"}
            for i, t in enumerate(TEXTS)]
    pd.DataFrame(rows).to_csv(tmp_path / "c.csv", index=False)
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "c.csv"), "--out", str(out), "--by", "outlet",
                 "--jobs", "1", "--quiet"]) == 0
    arts = _check(out, ["Daily A", "Weekly B"])
    assert arts["section"].tolist() == ["World", "Business", "World", "Business"]
    assert arts["author"].tolist() == [f"Author {i}" for i in range(4)]


def test_seed_folder_with_a_sub_folder_per_outlet(tmp_path):
    corpus = tmp_path / "corpus"
    for i, t in enumerate(TEXTS):
        sub = corpus / ("alpha" if i % 2 == 0 else "beta")
        sub.mkdir(parents=True, exist_ok=True)
        # seed format without a URL line: the outlet comes from the sub-folder
        (sub / f"{i}.txt").write_text(f"Title {i}\n2022010{i + 1}\n{t}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "--out", str(out), "--by", "outlet",
                 "--jobs", "1", "--quiet"]) == 0
    arts = _check(out, ["alpha", "beta"])
    assert sorted(arts["source"].unique()) == ["alpha", "beta"]
