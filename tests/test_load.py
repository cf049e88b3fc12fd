"""The loader: every format, every bad input, nothing lost silently."""

import json
import warnings

import pandas as pd
import pytest

from newslab import NewslabError, load_articles, read_corpus, skipped_table
from newslab.load import (ARTICLE_COLUMNS, dateline_of, decode_bytes, iter_batches, outlet_of,
                          parse_date)

from .conftest import SEEDS

SEED_TEXT = (
    "A title\n20211130\nhttps://www.example.com/a/b\nFirst paragraph here.\nSecond one.\n"
)


def write(path, content, mode="w", encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding=encoding)
    return path


# --- the seed --------------------------------------------------------------------------


def test_seed_article(seed_articles):
    a = seed_articles
    assert list(a.columns) == ARTICLE_COLUMNS
    assert len(a) == 1
    row = a.iloc[0]
    assert row.title.startswith("Biden tells Putin US and allies")
    assert row.date == pd.Timestamp("2021-11-30")
    assert row.outlet == "nbcnews.com"
    assert row.n_paragraphs == 19 == len(row.paragraphs)
    assert row.text == "\n".join(row.paragraphs)
    assert row.dateline == "WASHINGTON"
    assert a["date"].dtype == "datetime64[ns]"


def test_seed_lost_dashes_are_repaired(seed_articles):
    text = seed_articles.text[0]
    assert "two paths for Putin — diplomacy" in text
    assert "WASHINGTON — President Joe Biden" in text
    assert "  " not in text


def test_repair_can_be_switched_off():
    a = load_articles(SEEDS, repair_dashes=False, verbose=False)
    assert "Putin  diplomacy" in a.text[0]


def test_article_id_is_stable(tmp_path):
    a1 = load_articles(SEEDS, verbose=False)
    write(tmp_path / "copy" / "x.txt", (SEEDS / "000_03c2884dc4598a19.txt").read_text())
    a2 = load_articles(tmp_path / "copy", verbose=False)
    assert a1.article_id[0] == a2.article_id[0]
    assert len(a1.article_id[0]) == 16


def test_summary_line_is_printed(capsys, tmp_path):
    write(tmp_path / "a.txt", SEED_TEXT)
    write(tmp_path / "b.txt", "")
    load_articles(tmp_path)
    assert capsys.readouterr().out.strip() == "1 articles loaded from 2 file(s), 1 skipped"


# --- formats ---------------------------------------------------------------------------


def test_txt_liberal_header(tmp_path):
    # no date line, no URL line: the body starts right after the title
    write(tmp_path / "a.txt", "Only a title\nBody paragraph one.\nBody two.\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.title[0] == "Only a title"
    assert pd.isna(a.date[0]) and a.url[0] is None and a.outlet[0] is None
    assert a.paragraphs[0] == ["Body paragraph one.", "Body two."]


@pytest.mark.parametrize("raw,expected", [
    ("20211130", "2021-11-30"),
    ("2021-11-30", "2021-11-30"),
    ("2021-11-30T14:05:00Z", "2021-11-30 14:05:00"),
    ("2021-11-30T14:05:00+02:00", "2021-11-30 12:05:00"),
    ("Nov 30, 2021", "2021-11-30"),
    ("30 November 2021", "2021-11-30"),
    ("Tuesday, November 30, 2021", "2021-11-30"),
    ("2021/11/30", "2021-11-30"),
    (20211130, "2021-11-30"),
])
def test_date_spellings(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


def test_iso_calendar_dates_read_without_dateutil_as_dateutil_reads_them():
    from dateutil import parser as dparser

    from newslab.load.dates import _in_range
    days = [f"{y:04d}-{m:02d}-{d:02d}" for y in (1, 1677, 1678, 1999, 2000, 2024, 2262, 2263,
                                              9999) for m in (0, 1, 2, 12, 13)
            for d in (0, 1, 28, 29, 30, 31, 32)]
    for s in days + [" 2021-11-30 ", "2021-11-30\n"]:
        try:
            want = _in_range(dparser.parse(s.strip()))
        except (ValueError, OverflowError):
            want = pd.NaT
        got = parse_date(s)
        assert (pd.isna(got) and pd.isna(want)) or got == want, s


@pytest.mark.parametrize("raw", [None, "", "not a date", float("nan")])
def test_missing_dates_are_nat(raw):
    assert pd.isna(parse_date(raw))


def test_unparseable_date_warns_and_is_nat(tmp_path):
    write(tmp_path / "a.csv", "title,date,url,text\nT,someday soon,http://x.org/1,Body text.\n")
    with pytest.warns(UserWarning, match="unparseable date"):
        a = load_articles(tmp_path, verbose=False)
    assert pd.isna(a.date[0])
    assert len(a) == 1


def test_csv(tmp_path):
    write(tmp_path / "a.csv",
          'title,date,url,text\n"T1",2021-01-02,https://www.bbc.co.uk/news/1,"Para one.\n\nPara two."\n'
          "T2,,http://edition.cnn.com/x,Just one.\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.title.tolist() == ["T1", "T2"]
    assert a.paragraphs[0] == ["Para one.", "Para two."]
    assert a.outlet.tolist() == ["bbc.co.uk", "edition.cnn.com"]
    assert a.line.tolist() == [2, 5]  # the line where each row starts
    assert pd.isna(a.date[1])


def test_tsv_and_semicolon_csv(tmp_path):
    write(tmp_path / "a.tsv", "title\ttext\nT\tBody.\n")
    write(tmp_path / "b.csv", "title;text\nT2;Body two.\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.text.tolist() == ["Body.", "Body two."]


def test_column_synonyms_and_mapping(tmp_path):
    write(tmp_path / "a.csv", "Headline,Published,Link,Body\nH,2020-05-01,http://a.com/x,B.\n")
    a = load_articles(tmp_path, verbose=False)
    assert (a.title[0], a.url[0], a.text[0]) == ("H", "http://a.com/x", "B.")
    write(tmp_path / "b" / "b.csv", "hed,story_text\nH2,Body.\n")
    b = load_articles(tmp_path / "b", columns={"hed": "title", "story_text": "text"},
                      verbose=False)
    assert (b.title[0], b.text[0]) == ("H2", "Body.")


def test_mapping_to_a_computed_column_is_an_error(tmp_path):
    write(tmp_path / "a.csv", "x,text\n3,B.\n")
    with pytest.raises(NewslabError, match="computed by the loader"):
        load_articles(tmp_path, columns={"x": "n_paragraphs"}, verbose=False)


def test_id_column_becomes_article_id(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps({"id": 17, "text": "Hello."}) + "\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.article_id[0] == "17"


def test_jsonl_with_bad_lines(tmp_path):
    lines = [json.dumps({"title": "A", "text": "Body A."}), "{not json", "",
             json.dumps(["a", "list"]), json.dumps({"title": "no body", "text": "  "}),
             json.dumps({"title": "B", "text": "Body B.", "date": "2021-01-01"})]
    write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    res = read_corpus(tmp_path)
    assert res.articles.title.tolist() == ["A", "B"]
    sk = res.skipped
    assert sk.line.tolist() == [2, 4, 5]
    assert sk.reason.tolist()[0].startswith("invalid JSON")
    assert sk.reason.tolist()[1:] == ["not a JSON object", "no body text"]


def test_json_array(tmp_path):
    write(tmp_path / "a.json", json.dumps([{"text": "One."}, {"text": "Two."}]))
    assert load_articles(tmp_path, verbose=False).text.tolist() == ["One.", "Two."]


def test_parquet(tmp_path):
    df = pd.DataFrame({"title": ["P"], "date": [pd.Timestamp("2022-02-24")],
                       "url": ["https://apnews.com/x"], "text": ["Body P."]})
    df.to_parquet(tmp_path / "a.parquet")
    a = load_articles(tmp_path, verbose=False)
    assert (a.title[0], a.date[0], a.outlet[0]) == ("P", pd.Timestamp("2022-02-24"), "apnews.com")


def test_bom_crlf_and_latin1(tmp_path):
    write(tmp_path / "bom.txt", b"\xef\xbb\xbfT\r\n20211130\r\nhttp://a.com/x\r\nBody\r\n")
    write(tmp_path / "latin.txt", "Caf\xe9 title\n\nSe\xf1or paragraph.\n".encode("latin-1"))
    write(tmp_path / "cp1252.txt", "T\n\u201cQuoted\u201d \u2014 text.\n".encode("cp1252"))
    a = load_articles(tmp_path, verbose=False).set_index("path")
    bom = a.loc[str(tmp_path / "bom.txt")]
    assert bom.title == "T" and bom.date == pd.Timestamp("2021-11-30")
    assert "\r" not in bom.text
    assert a.loc[str(tmp_path / "latin.txt")].title == "Caf\xe9 title"
    assert a.loc[str(tmp_path / "latin.txt")].text == "Se\xf1or paragraph."
    assert a.loc[str(tmp_path / "cp1252.txt")].text == "\u201cQuoted\u201d \u2014 text."


def test_utf16_with_bom(tmp_path):
    write(tmp_path / "a.txt", "T\nBody.\n".encode("utf-16"))
    assert load_articles(tmp_path, verbose=False).text[0] == "Body."


# --- bad input -------------------------------------------------------------------------


def test_every_file_is_accounted_for(tmp_path):
    write(tmp_path / "good.txt", SEED_TEXT)
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blank.txt", "\n  \n\n")
    write(tmp_path / "header_only.txt", "Title\n20211130\nhttps://a.com/x\n")
    write(tmp_path / "binary.txt", bytes(range(256)) * 4)
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(tmp_path / "notes.md", "# notes")
    write(tmp_path / "bad.parquet", b"PAR1 this is not parquet")
    write(tmp_path / "no_text.csv", "title,url\nA,http://a.com\n")
    write(tmp_path / "sub" / "deeper" / "good2.txt", SEED_TEXT.replace("First", "Another"))
    write(tmp_path / ".hidden" / "x.txt", SEED_TEXT)  # hidden folders are not corpus files
    res = read_corpus(tmp_path)
    assert len(res.articles) == 2
    assert res.n_files == 10
    assert len(res.articles) + len(res.skipped) == res.n_files
    reasons = dict(zip(res.skipped.path.map(lambda p: p.split("/")[-1]), res.skipped.reason))
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.txt"] == "empty file"
    assert reasons["header_only.txt"].startswith("no body text")
    assert reasons["binary.txt"].startswith("binary file")
    assert reasons["image.png"] == "unsupported file type '.png'"
    assert reasons["notes.md"] == "unsupported file type '.md'"
    assert reasons["bad.parquet"].startswith("not a readable Parquet file")
    assert reasons["no_text.csv"].startswith("no text column")
    assert skipped_table(load_articles(tmp_path, verbose=False)).equals(res.skipped)


def test_csv_bad_rows_are_reported_with_line(tmp_path):
    write(tmp_path / "a.csv", "title,text\nA,Body A.\nB,Body B.,extra\nC,\n,Body D.\n")
    res = read_corpus(tmp_path)
    assert res.articles.title.tolist() == ["A", ""]
    assert res.skipped.line.tolist() == [3, 4]
    assert res.skipped.reason.tolist() == ["3 fields where the header has 2", "no body text"]


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(NewslabError, match="path does not exist"):
        load_articles(tmp_path / "nope")


def test_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(NewslabError, match="no files found"):
        load_articles(tmp_path)


def test_folder_without_articles_is_a_clear_error(tmp_path):
    write(tmp_path / "a.txt", "")
    write(tmp_path / "b.md", "x")
    with pytest.raises(NewslabError, match=r"no articles found .*a.txt: empty file"):
        load_articles(tmp_path)


# --- duplicates ------------------------------------------------------------------------


def test_duplicates_are_flagged_not_dropped(tmp_path):
    write(tmp_path / "a.txt", SEED_TEXT)
    write(tmp_path / "b.txt", SEED_TEXT)  # exact copy: same URL and text
    write(tmp_path / "c.txt", SEED_TEXT.replace("A title", "Other title"))  # same URL
    write(tmp_path / "d.txt", "Third\n20211201\nhttp://other.org/x\nFirst paragraph here.\n"
                              "Second one.\n")  # same text, other URL
    a = load_articles(tmp_path, verbose=False)
    assert len(a) == 4
    first = a.article_id[0]
    assert a.article_id[1] == f"{first}-2"
    assert a.duplicate_of.tolist() == [None, first, first, first]


# --- helpers ---------------------------------------------------------------------------


def test_outlet_and_dateline():
    assert outlet_of("https://www.nbcnews.com/politics/x") == "nbcnews.com"
    assert outlet_of("www.bbc.co.uk/news") == "bbc.co.uk"
    assert outlet_of(None) is None
    assert dateline_of(["Some text.", "MOSCOW — The Kremlin said"]) == "MOSCOW"
    assert dateline_of(["KYIV, Ukraine (AP) — Ukrainian officials"]) == "KYIV, Ukraine"
    assert dateline_of(["The U.S. — and its allies"]) is None


def test_decode_bytes_binary():
    assert decode_bytes(b"abc\x00def")[0] is None
    assert decode_bytes("ok".encode())[0] == "ok"


def test_iter_batches_matches_read_corpus(tmp_path):
    for i in range(7):
        write(tmp_path / f"{i:02d}.txt", SEED_TEXT.replace("A title", f"T{i}"))
    write(tmp_path / "zz.txt", "")
    whole = read_corpus(tmp_path)
    batches = list(iter_batches(tmp_path, batch_size=3))
    assert [len(b) for b, _ in batches] == [3, 3, 1]
    streamed = pd.concat([b for b, _ in batches], ignore_index=True)
    pd.testing.assert_frame_equal(streamed, whole.articles)
    assert sum(len(s) for _, s in batches) == len(whole.skipped) == 1


def test_no_warning_for_clean_input():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        load_articles(SEEDS, verbose=False)


# --- one path: the whole load and the streamed batches ----------------------------------


def messy_folder(root):
    """Every format, bad files and rows, duplicates, metadata, odd dates, sub-folders."""
    write(root / "a_seed.txt", "Seed title\n20211130\nhttps://www.example.com/a\n"
                               "MOSCOW  The talks went on.\nA second paragraph.\n")
    write(root / "bbc" / "b1.txt", "Only a title\nBody one.\nBody two.\n")
    write(root / "bbc" / "2021" / "b2.txt", "Titled\nsometime in spring\nhttp://x.org/2\nBody.\n")
    write(root / "c.csv", "title,date,url,text,section,author\n"
                          "C1,2021-01-02,https://www.bbc.co.uk/news/1,\"Para one.\n\nPara two.\","
                          "World,Ann\n"
                          "C2,1600-01-01,,Old body.,,Bob\n"
                          "C3,,,,Politics,\n"
                          "bad,row\n"
                          "C4,20211130,https://www.bbc.co.uk/news/1,Same URL as C1.,World,Ann\n")
    lines = [json.dumps({"id": 1, "title": "J1", "text": "Body J1.", "lang": "en"}),
             "{not json", json.dumps({"text": "Body J2.", "date": 1638316800000,
                                      "tags": ["a", "b"], "meta": {"k": 1}}),
             json.dumps({"title": "no text"}),
             json.dumps({"headline": "J4", "body": "Body J1.", "date": "9999-01-01"}),
             json.dumps(["not", "an", "object"])]
    write(root / "d.jsonl", "\n".join(lines) + "\n")
    write(root / "e.json", json.dumps([{"text": "Array one."}, {"text": "Array two.",
                                                                 "title": "E2"}], indent=2))
    pd.DataFrame({"title": ["P1", "P2"], "text": ["Body P1.", "Body P2."],
                  "score": [1.5, None], "n": [3, 4]}).to_parquet(root / "f.parquet")
    write(root / "g.txt", "")
    write(root / "h.bin.txt", bytes(range(256)) * 4)
    write(root / "i.md", "# notes")
    write(root / "j.csv", "title,url\nA,http://a.com\n")
    write(root / "k.txt", "Seed title\n20211130\nhttps://www.example.com/a\n"
                          "MOSCOW  The talks went on.\nA second paragraph.\n")  # duplicate


def test_whole_load_and_streamed_batches_are_identical(tmp_path):
    from newslab.load import batches, list_files
    messy_folder(tmp_path / "m")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        whole = read_corpus(tmp_path / "m")
        for size in (1, 2, 3, 1000):
            got = list(batches(list_files(tmp_path / "m"), batch_size=size))
            assert [i for i, _, _ in got] == list(range(len(got)))
            assert all(len(a) <= size for _, a, _ in got)
            arts = pd.concat([a for _, a, _ in got], ignore_index=True)
            skip = pd.concat([s for _, _, s in got], ignore_index=True)
            pd.testing.assert_frame_equal(arts, whole.articles)  # values and dtypes
            pd.testing.assert_frame_equal(skip, whole.skipped)
    a, sk = whole.articles, whole.skipped
    assert sk["line"].dtype == "Int64" and a["line"].dtype == "Int64"
    assert a["date"].dtype == "datetime64[ns]"
    # every input unit is an article or a skipped row
    assert len(a) == 4 + 3 + 3 + 2 + 2  # txt, csv, jsonl, json, parquet
    assert len(sk) == 2 + 3 + 4  # csv: a bad row and no body; 3 bad JSON lines; 4 files
    by_title = a.set_index("title")
    assert by_title.loc["C1", "section"] == "World" and by_title.loc["C2", "author"] == "Bob"
    assert pd.isna(by_title.loc["C2", "date"]) and by_title.loc["C2", "date_raw"] == "1600-01-01"
    assert by_title.loc["Titled", "date_raw"] == "sometime in spring"
    assert by_title.loc["Titled", "text"] == "Body."
    assert by_title.loc["Titled", "source"] == "bbc/2021"
    assert by_title.loc["Only a title", "outlet"] == "bbc"
    assert a.loc[a.text == "Body J2.", "date"].iloc[0] == pd.Timestamp("2021-12-01")
    assert a.loc[a.text == "Body J2.", "tags"].iloc[0] == '["a", "b"]'
    assert a["n"].dtype == "Int64" and a["score"].dtype == "float64"
    assert a["n_repairs"].tolist().count(1) == 2  # the two seed-format files only
    assert a.loc[a.title == "C4", "duplicate_of"].iloc[0] == by_title.loc["C1", "article_id"]


# --- text as given: dash repair only on the seed's signature -----------------------------


def test_csv_with_double_spaces_is_loaded_as_given(tmp_path):
    body = "The  union at Smith  Jones said on  Tuesday it was  disappointed.\nA  second line."
    write(tmp_path / "a.csv", "title,text\n" f'"Two  spaces  here","{body}"\n')
    a = load_articles(tmp_path, verbose=False)
    assert a.text[0] == body
    assert a.title[0] == "Two  spaces  here"
    assert a.n_repairs.tolist() == [0]
    assert "\u2014" not in a.text[0]


@pytest.mark.parametrize("name,content", [
    ("a.jsonl", json.dumps({"text": "Said  on  Monday it would."}) + "\n"),
    ("a.json", json.dumps([{"text": "Said  on  Monday it would."}])),
    ("a.tsv", "title\ttext\nT\tSaid  on  Monday it would.\n"),
])
def test_tabular_formats_are_never_repaired_by_default(tmp_path, name, content):
    write(tmp_path / name, content)
    a = load_articles(tmp_path, verbose=False)
    assert a.text[0] == "Said  on  Monday it would." and a.n_repairs[0] == 0


def test_parquet_is_never_repaired_by_default(tmp_path):
    pd.DataFrame({"text": ["Said  on  Monday it would."]}).to_parquet(tmp_path / "a.parquet")
    a = load_articles(tmp_path, verbose=False)
    assert a.text[0] == "Said  on  Monday it would." and a.n_repairs[0] == 0


def test_repair_can_be_switched_on_for_any_format(tmp_path):
    write(tmp_path / "a.csv", "text\nPutin  diplomacy or  punishment.\n")
    a = load_articles(tmp_path, repair_dashes=True, verbose=False)
    assert a.text[0] == "Putin \u2014 diplomacy or \u2014 punishment."
    assert a.n_repairs[0] == 2


def test_seed_repairs_are_counted(seed_articles):
    assert seed_articles.n_repairs.tolist() == [2]
    assert load_articles(SEEDS, repair_dashes=False, verbose=False).n_repairs.tolist() == [0]


@pytest.mark.parametrize("body,why", [
    ("He said  no \u2014 twice.", "a dash survives: they were not lost"),
    ("One  two \u2013 three.", "an en dash survives"),
    ("Table:   aligned  columns.", "three spaces: alignment"),
    ("A\ttab  and two spaces.", "a tab"),
    ("Ends here.  Next sentence.", "double space after a full stop only"),
])
def test_seed_format_without_the_signature_is_not_repaired(tmp_path, body, why):
    write(tmp_path / "a.txt", f"T\n20211130\nhttps://a.com/x\n{body}\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.text[0] == body, why
    assert a.n_repairs[0] == 0


def test_txt_without_the_full_seed_header_is_not_repaired(tmp_path):
    write(tmp_path / "a.txt", "T\nSaid  on  Monday.\n")  # no date, no URL line
    write(tmp_path / "b.txt", "T\n2021-11-30\nhttps://a.com/y\nSaid  again.\n")  # not YYYYMMDD
    a = load_articles(tmp_path, verbose=False)
    assert a.text.tolist() == ["Said  on  Monday.", "Said  again."]


def test_tabs_and_inner_spacing_are_kept(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps({"text": "Col\tone  and  two.\n\n  Next para. "})
          + "\n")
    a = load_articles(tmp_path, verbose=False)
    assert a.paragraphs[0] == ["Col\tone  and  two.", "Next para."]


# --- metadata carried through -----------------------------------------------------------


def test_csv_metadata_columns_are_kept_after_the_documented_ones(tmp_path):
    from newslab import schema
    write(tmp_path / "a.csv", "title,text,outlet,section,author,words\n"
                              "T1,Body one.,The Daily,World,Ann Lee,120\n"
                              "T2,Body two.,Weekly Post,Sport,,80\n")
    a = load_articles(tmp_path, verbose=False)
    documented = schema.columns("articles")
    assert list(a.columns) == documented + ["section", "author", "words"]
    assert a.outlet.tolist() == ["The Daily", "Weekly Post"]
    assert a.section.tolist() == ["World", "Sport"]
    assert a.author.tolist() == ["Ann Lee", None]
    assert a.words.tolist() == ["120", "80"]  # CSV values are text


def test_json_metadata_keeps_its_types(tmp_path):
    rows = [{"text": "A.", "lang": "en", "n": 3, "flag": True, "share": 0.5, "when": None},
            {"text": "B.", "lang": "fr", "n": None, "flag": False, "share": 2, "when": "x"},
            {"text": "C.", "mixed": 1}, {"text": "D.", "mixed": "one"}]
    write(tmp_path / "a.jsonl", "\n".join(map(json.dumps, rows)) + "\n")
    a = load_articles(tmp_path, verbose=False)
    assert a["lang"].tolist()[:2] == ["en", "fr"]
    assert a["n"].dtype == "Int64" and a["n"].tolist()[0] == 3
    assert a["flag"].dtype == "boolean"
    assert a["share"].dtype == "float64"
    assert a["mixed"].tolist()[2:] == ["1", "one"]  # mixed types: kept as text


def test_column_option_maps_any_column_to_any_field(tmp_path):
    write(tmp_path / "a.csv", "label,title,description,kicker\n3,T,Body.,Extra\n")
    a = load_articles(tmp_path, columns={"label": "outlet", "kicker": "standfirst"},
                      verbose=False)
    assert a.outlet[0] == "3" and a.standfirst[0] == "Extra" and a.text[0] == "Body."
    assert "label" not in a.columns and "kicker" not in a.columns


def test_extra_column_named_like_a_documented_one_is_renamed(tmp_path):
    write(tmp_path / "a.jsonl", json.dumps({"text": "A.", "line": 7, "path": "x"}) + "\n")
    a = load_articles(tmp_path, verbose=False)
    assert a["input_line"].tolist() == [7] and a["input_path"].tolist() == ["x"]
    assert a["line"].tolist() == [1]


def test_txt_sub_folders_give_source_and_outlet(tmp_path):
    write(tmp_path / "daily" / "a.txt", "T1\n20211130\nBody a.\n")
    write(tmp_path / "weekly" / "2021" / "b.txt", "T2\n20211130\nBody b.\n")
    write(tmp_path / "weekly" / "c.txt", "T3\n20211130\nhttps://www.site.org/c\nBody c.\n")
    write(tmp_path / "top.txt", "T4\nBody d.\n")
    a = load_articles(tmp_path, verbose=False).set_index("title")
    assert a.loc["T1", "source"] == "daily" and a.loc["T1", "outlet"] == "daily"
    assert a.loc["T2", "source"] == "weekly/2021" and a.loc["T2", "outlet"] == "weekly"
    assert a.loc["T3", "source"] == "weekly" and a.loc["T3", "outlet"] == "site.org"  # URL first
    assert a.loc["T4", "source"] is None and a.loc["T4", "outlet"] is None


def test_a_single_file_has_no_source(tmp_path):
    write(tmp_path / "daily" / "a.txt", "T1\n20211130\nBody a.\n")
    a = load_articles(tmp_path / "daily" / "a.txt", verbose=False)
    assert a.source[0] is None and a.outlet[0] is None


@pytest.mark.evaldata
@pytest.mark.parametrize("rel,columns", [("ag_news/test.csv", {"description": "text"}),
                                         ("bbc_news/bbc_news.jsonl", None)])
def test_real_corpora_load_with_nothing_inserted(shared_eval, rel, columns):
    import csv as _csv
    path = shared_eval / rel
    if not path.exists():
        pytest.skip(f"{path} not found")
    if path.suffix == ".csv":
        with open(path, newline="", encoding="utf-8") as fh:
            raw = [r["description"] for r in _csv.DictReader(fh)]
    else:
        raw = [json.loads(ln)["text"] for ln in path.read_text("utf-8").splitlines() if ln]
    a = load_articles(path, columns=columns, verbose=False)
    assert len(a) == len(raw) and int(a.n_repairs.sum()) == 0
    rule = ["\n".join(p.strip() for p in r.replace("\r\n", "\n").split("\n") if p.strip())
            for r in raw]
    assert a.text.tolist() == rule  # only the documented whitespace rule, nothing else
