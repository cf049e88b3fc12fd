"""Country mentions: the hard cases of issue 3, offsets, dated leaders, organizations,
the data files, the gold set through the CLI, and the pipeline stage."""

import json

import pandas as pd
import pytest

from newslab import cli, schema
from newslab import countries as C
from newslab.errors import NewslabError
from newslab.schema import TABLES

from .conftest import ANNOTATIONS

GOLD = ANNOTATIONS / "countries_gold.jsonl"


def found(text, date=None):
    return C.countries_in_text(text, date=date)


# --------------------------------------------------------------------------- hard cases

@pytest.mark.parametrize("text, expected", [
    # "us" the pronoun is never the US; upper-case US and U.S. are
    ("US officials told us the talks had stalled.", {"USA"}),
    ("Let us hope that they will tell us soon.", set()),
    ("Us Weekly ran the story first.", set()),
    ("U.S. and U.K. negotiators met again.", {"USA", "GBR"}),
    ("the U.S.-Russia talks", {"USA", "RUS"}),
    # Georgia: the state versus the country
    ("Georgia's governor signed the bill in Atlanta.", set()),
    ("Voters in Georgia head to the polls for the Senate runoff.", set()),
    ("Athens, Georgia, is home to a large university.", set()),
    ("Georgia's prime minister accused Russia of meddling.", {"GEO", "RUS"}),
    ("Georgia and Armenia both border Turkey.", {"GEO", "ARM", "TUR"}),
    # first names and surnames
    ("Michael Jordan won six titles.", set()),
    ("King Abdullah of Jordan met the Egyptian president.", {"JOR", "EGY"}),
    ("Jordan hosts many Syrian refugees.", {"JOR", "SYR"}),
    ("Chad Johnson caught two passes.", set()),
    ("Chad and Niger share a border.", {"TCD", "NER"}),
    ("Paris Hilton launched a fragrance.", set()),
    ("Paris wants tighter rules.", {"FRA"}),
    ("Kerry Washington hosted the show.", set()),
    ("George Washington crossed the Delaware.", set()),
    ("Hunter Biden testified.", set()),
    # food and tableware
    ("We roasted a turkey for Thanksgiving.", set()),
    ("Turkey dinners cost more this Thanksgiving.", set()),
    ("Turkey blocked Sweden's bid.", {"TUR", "SWE"}),
    ("She collects fine china.", set()),
    ("China and India agreed.", {"CHN", "IND"}),
    # US states and other places with a country's name inside
    ("Washington state passed a climate law.", set()),
    ("Officials in Washington imposed sanctions on Iran.", {"USA", "IRN"}),
    ("New Mexico's governor declared an emergency.", set()),
    ("Bushfires swept through New South Wales.", set()),
    ("Oil spilled into the Gulf of Mexico.", set()),
    ("Moscow, Idaho, is a college town.", set()),
    ("Paris, Texas, is a film.", set()),
    # overlapping names: the longest wins
    ("Niger's rulers and Nigeria's president met.", {"NER", "NGA"}),
    ("Guinea-Bissau and Guinea Bissau", {"GNB"}),
    ("Papua New Guinea and Equatorial Guinea", {"PNG", "GNQ"}),
    ("South Korea and North Korea", {"KOR", "PRK"}),
    ("North Macedonia joined NATO.", {"MKD"}),
    ("the Democratic Republic of the Congo", {"COD"}),
    ("Congo-Brazzaville faces Kinshasa.", {"COG", "COD"}),
    ("Sudan and South Sudan", {"SDN", "SSD"}),
    ("Dominica and the Dominican Republic", {"DMA", "DOM"}),
    ("Oil theft in the Niger Delta", {"NGA"}),
    ("The woman from Chadwick said so.", set()),
    # surface forms of every kind
    ("Czechia, the Czech Republic, Myanmar, Burma", {"CZE", "MMR"}),
    ("Côte d'Ivoire, Côte d’Ivoire and Ivory Coast", {"CIV"}),
    ("Türkiye and Turkiye", {"TUR"}),
    ("The UAE, the DRC and the DPRK", {"ARE", "COD", "PRK"}),
    ("Emirati, Kazakh, Dutch, Ukrainian and Russian officials", {"ARE", "KAZ", "NLD", "UKR",
                                                                  "RUS"}),
    ("Kyiv and Kiev", {"UKR"}),
    ("Moscow, Beijing, Tehran, Ankara, Tbilisi, Pyongyang and Seoul",
     {"RUS", "CHN", "IRN", "TUR", "GEO", "PRK", "KOR"}),
    ("The Kremlin, the White House, the Pentagon, the State Department",
     {"RUS", "USA"}),
    ("Downing Street and the Élysée", {"GBR", "FRA"}),
    ("Kosovo, Taiwan, Palestine and the Holy See", {"XKX", "TWN", "PSE", "VAT"}),
    # possessives, hyphens, capitals, headlines
    ("Russia's troops and Russia’s tanks", {"RUS"}),
    ("Anti-American and pro-Kremlin protests", {"USA", "RUS"}),
    ("BREAKING: CHINA SANCTIONS US FIRMS", {"CHN", "USA"}),
    # languages are not countries
    ("She speaks fluent Russian and some German.", set()),
    ("The interview was conducted in French.", set()),
    ("Russian-speaking residents of Estonia", {"EST"}),
    ("The attack killed three Somalis.", {"SOM"}),
    ("Kazakh, Dutch and Ukrainian diplomats", {"KAZ", "NLD", "UKR"}),
    # organizations are never countries
    # Brussels as a place is Belgium's capital (the coder guide; session 21), the EU acting
    ("NATO, the EU, the UN and the OSCE met in Brussels.", {"BEL"}),
    ("Brussels wants the member states to cut their deficits.", set()),
    # blockers
    ("The Spanish flu and the Indian Ocean", set()),
    ("American Airlines flights to Latin America", set()),
])
def test_hard_cases(text, expected):
    assert found(text) == expected


def test_dateline_is_a_us_mention():
    m = C.mentions_in_text("WASHINGTON — President Joe Biden spoke.")
    assert m.loc[0, "surface"] == "WASHINGTON" and m.loc[0, "iso3"] == "USA"
    # the raw seed form, before the loader repairs the lost dash
    assert "USA" in found("WASHINGTON  President Joe Biden on Thursday urged Putin")


def test_title_case_headline_keeps_leaders():
    h = "Biden Tells Putin US And Allies Will Respond Decisively If Russia Moves On Ukraine"
    assert found(h, "2021-11-30") == {"USA", "RUS", "UKR"}


# --------------------------------------------------------------------------- leaders by date

def test_dated_leaders():
    assert found("Biden spoke.", "2021-11-30") == {"USA"}
    assert found("Biden spoke.", "2015-06-01") == set()        # vice president, not a leader
    assert found("Biden spoke.") == {"USA"}                      # no date: any term
    assert found("Trump spoke.", "2022-06-01") == set()
    assert found("Trump spoke.", "2025-06-01") == {"USA"}
    assert found("Clinton spoke.", "1995-01-01") == {"USA"}      # Bill, president
    # Hillary, secretary of state: an official, a person (not the country) unless asked
    assert found("Clinton spoke.", "2010-01-01") == set()
    assert C.countries_in_text("Clinton spoke.", date="2010-01-01", persons=True) == {"USA"}
    assert found("Clinton spoke.", "2005-01-01") == set()
    assert found("Zelenskyy and Zelensky spoke.", "2022-03-01") == {"UKR"}
    assert found("Aliyev spoke.", "1999-01-01") == {"AZE"}
    assert found("Abe Lincoln spoke.", "2016-01-01") == set()


def test_find_mentions_uses_article_dates():
    sents = pd.DataFrame({"article_id": ["a", "b", "c"], "sentence_id": [0, 0, 0],
                          "start": [0, 0, 0],
                          "text": ["Merkel spoke.", "Merkel spoke.", "Merkel spoke."]})
    arts = pd.DataFrame({"article_id": ["a", "b", "c"],
                         "date": pd.to_datetime(["2019-01-01", "2023-01-01", None])})
    m = C.find_mentions(sents, arts)
    assert sorted(m["article_id"]) == ["a", "c"]                  # NaT: undated resolution
    assert len(C.find_mentions(sents)) == 3


# --------------------------------------------------------------------------- the seed article

def test_seed_offsets_and_counts(seed_articles, seed_sentences):
    m = C.find_mentions(seed_sentences, seed_articles)
    assert list(m.columns) == schema.columns("mentions") == list(TABLES["mentions"])
    text = dict(zip(seed_articles["article_id"], seed_articles["text"]))
    for r in m.itertuples():
        assert text[r.article_id][r.start:r.end] == r.surface
    sent = seed_sentences.set_index(["article_id", "sentence_id"])
    for r in m.itertuples():
        s = sent.loc[(r.article_id, r.sentence_id)]
        assert s["start"] <= r.start and r.end <= s["end"]
    counts = C.count_by_country(m)
    # Russia first since Blinken (an official) and Biden out of his state role are persons
    assert list(counts["iso3"]) == ["RUS", "USA", "UKR"]
    persons = m[m["kind"].eq("person")]
    assert set(persons["surface"]) == {"Blinken", "Antony Blinken", "Biden"}
    assert C.count_by_country(m, persons=True)["iso3"].iloc[0] == "USA"
    assert counts["n_mentions"].sum() == len(C.countries_only(m))
    assert counts["share"].sum() == pytest.approx(1.0)
    assert set(m.loc[m["kind"].eq("organization"), "iso3"]) == {"NATO", "OSCE"}
    assert set(m["kind"]) <= set(C.KINDS)
    dateline = m[m["surface"].eq("WASHINGTON")]
    assert list(dateline["iso3"]) == ["USA"]
    per_article = C.count_by_article(m)
    assert list(per_article.columns) == ["article_id", "iso3", "country", "n"]
    assert per_article["n"].sum() == counts["n_mentions"].sum()
    with_orgs = C.count_by_country(m, organizations=True)
    assert "NATO" in set(with_orgs["iso3"])


def test_empty_and_bad_input():
    empty = C.find_mentions(pd.DataFrame(columns=["article_id", "sentence_id", "start",
                                                  "text"]))
    assert list(empty.columns) == schema.columns("mentions") and empty.empty
    with pytest.raises(NewslabError):
        C.find_mentions(pd.DataFrame({"x": [1]}))
    with pytest.raises(NewslabError):
        C.mentions_in_text(None)
    assert C.mentions_in_text("").empty


def test_pipeline_stage_registered_first(seed_articles, seed_sentences):
    from newslab import pipeline
    assert pipeline.stage_named("mentions").fn is C.mentions_stage
    out = C.mentions_stage({"articles": seed_articles, "sentences": seed_sentences})
    assert set(out) == {"mentions"} and len(out["mentions"]) > 50


# --------------------------------------------------------------------------- gazetteer and data

def test_gazetteer_table():
    g = C.gazetteer()
    assert list(g.columns) == schema.columns("gazetteer")
    # "person" is the kind of a leader's hit not acting for the state (and of extra rows)
    assert set(g["kind"]) == set(C.KINDS) - {"person"} | {C.BLOCK}
    names = C.country_names()
    countries = g[g["kind"].isin(set(C.KINDS) - {"organization"})]
    assert set(countries["iso3"]) <= set(names)
    import pycountry
    every = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    assert set(countries["iso3"]) == every             # every ISO 3166-1 entity, and Kosovo
    assert names["RUS"] == "Russia" and names["XKX"] == "Kosovo"
    leaders = g[g["kind"].eq("leader")]
    assert leaders["start"].notna().all()
    assert (leaders["end"].isna() | (leaders["start"] < leaders["end"])).all()
    # outside leaders (who are dated), one surface form names one thing, except that a
    # reading with a context rule keeps the next reading for the hits it turns down
    others = g[g["kind"].ne("leader")]
    dup = others[others["surface"].duplicated(keep=False)]
    assert (dup.groupby("surface").size() == 2).all()
    assert dup.groupby("surface")["rule"].first().ne("").all()
    assert set(dup["surface"]) == {"Brussels"}
    assert set(g["rule"]) <= set(C.RULES) | {""}


def test_extra_rows():
    extra = [{"surface": "Kyiv Independent", "iso3": "UKR", "kind": "institution"},
             {"surface": "Ruritania", "iso3": "AUT", "kind": "name"}]
    m = C.mentions_in_text("The Kyiv Independent reported from Ruritania.", extra=extra)
    assert list(m["surface"]) == ["Kyiv Independent", "Ruritania"]
    assert set(m["iso3"]) == {"UKR", "AUT"}
    assert "Ruritania" not in set(C.gazetteer()["surface"])     # the shipped table untouched
    with pytest.raises(NewslabError, match="kind"):
        C.gazetteer(extra=[{"surface": "X", "iso3": "AUT", "kind": "city"}])
    with pytest.raises(NewslabError, match="ISO"):
        C.gazetteer(extra=[{"surface": "X", "iso3": "ZZZ", "kind": "name"}])
    with pytest.raises(NewslabError, match="organization"):
        C.gazetteer(extra=[{"surface": "Quad", "iso3": "QUAD", "kind": "organization"}])
    orgs = C.mentions_in_text("The Quad met.", extra=[{"surface": "Quad", "iso3": "QUAD",
                                                        "kind": "organization",
                                                        "country": "Quadrilateral Dialogue"}])
    assert list(orgs["kind"]) == ["organization"]


def test_variants():
    v = C.variants("Côte d'Ivoire")
    assert "Côte d’Ivoire" in v and "CÔTE D'IVOIRE" in v
    assert "Guinea Bissau" in C.variants("Guinea-Bissau")
    assert "Washington State" in C.variants("Washington state")


# --------------------------------------------------------------------------- evaluation (CLI path)

def test_gold_set_through_cli(capsys):
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    assert len(rows) >= 150
    assert sum(r.get("source") == "seed" for r in rows) >= 30
    assert cli.main(["evaluate", "countries", str(GOLD), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["n"] == len(rows)
    assert out["precision"] >= 0.97, out["errors"]
    assert out["recall"] >= 0.95, out["errors"]
    assert {"n", "precision", "recall", "f1"} <= set(out)
    held = out["by_source"]["held-out"]
    assert held["n"] >= 50 and held["precision"] >= 0.95 and held["recall"] >= 0.95


def test_evaluate_human_report_and_errors(tmp_path, capsys):
    gold = tmp_path / "g.jsonl"
    gold.write_text(json.dumps({"text": "Michael Jordan met Biden.", "countries": ["JOR"]})
                    + "\n", encoding="utf-8")
    assert cli.main(["evaluate", "countries", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "precision = 0.000" in out and "missed JOR" in out and "spurious USA" in out
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": "x", "countries": ["Russia"]}) + "\n", encoding="utf-8")
    assert cli.main(["evaluate", "countries", str(bad)]) == 2
    assert "unknown country code" in capsys.readouterr().err
    assert cli.main(["evaluate", "countries", str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.evaldata
def test_bbc_news_sanity(shared_eval):
    """On BBC News (a UK outlet), the UK is the most mentioned country and the US second."""
    path = shared_eval / "bbc_news" / "bbc_news.jsonl"
    if not path.is_file():
        pytest.skip("bbc_news not found")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    sents = pd.DataFrame({"article_id": range(len(rows)), "sentence_id": 0, "start": 0,
                          "text": [r["text"] for r in rows]})
    counts = C.count_by_country(C.find_mentions(sents))
    assert list(counts["iso3"][:2]) == ["GBR", "USA"]


# --------------------------------------------------------------------------- attention stage

def _attention_tables():
    arts = pd.DataFrame({
        "article_id": ["a1", "a2", "a3", "a4", "a5"],
        "outlet": ["x.com", "x.com", "y.org", "y.org", None],
        "date": pd.to_datetime(["2021-01-05", "2021-01-20", "2021-02-03", "2021-02-04",
                                "2021-02-09"]),
        "duplicate_of": [None, None, None, "a3", None]})
    text = {"a1": "France and Germany met. France agreed.", "a2": "Germany objected.",
            "a3": "NATO said Japan would join.", "a4": "NATO said Japan would join.",
            "a5": "Nothing here."}
    sents = pd.DataFrame({"article_id": list(text), "sentence_id": 0, "start": 0,
                          "text": list(text.values())})
    return arts, C.find_mentions(sents, arts)


def test_attention_counts_articles_and_shares():
    arts, mentions = _attention_tables()
    out = C.attention_stage({"articles": arts, "mentions": mentions})
    att = out["attention"]
    assert list(att.columns) == schema.columns("attention")
    rows = att.set_index("iso3")
    # a4 is a duplicate of a3: left out; NATO is an organization: left out
    assert set(rows.index) == {"FRA", "DEU", "JPN"}
    assert rows.loc["FRA", ["n_articles", "n_mentions"]].tolist() == [1, 2]
    assert rows.loc["DEU", "n_articles"] == 2
    assert rows.loc["DEU", "share_articles"] == pytest.approx(2 / 4)   # 4 counted articles
    assert att["iso3"].iloc[0] == "DEU"                                # most articles first
    with_dups = C.attention_stage({"articles": arts, "mentions": mentions}, duplicates=True)
    j = with_dups["attention"].set_index("iso3").loc["JPN"]
    assert (j["n_articles"], j["share_articles"]) == (2, pytest.approx(2 / 5))


def test_attention_by_outlet_and_month():
    arts, mentions = _attention_tables()
    out = C.attention_stage({"articles": arts, "mentions": mentions}, by=["outlet", "month"])
    bo = out["attention_by_outlet"]
    assert list(bo.columns) == schema.grouped_columns("attention", "outlet")
    x = bo[bo["outlet"] == "x.com"].set_index("iso3")
    assert x.loc["DEU", "share_articles"] == pytest.approx(1.0)      # both x.com articles
    assert x.loc["FRA", "share_articles"] == pytest.approx(0.5)
    y = bo[bo["outlet"] == "y.org"].set_index("iso3")
    assert y.loc["JPN", "share_articles"] == pytest.approx(1.0)      # a4 (duplicate) left out
    bm = out["attention_by_month"]
    assert set(bm["month"]) == {"2021-01", "2021-02"}
    feb = bm[bm["month"] == "2021-02"].set_index("iso3")
    assert feb.loc["JPN", "share_articles"] == pytest.approx(1 / 2)  # a3 of a3, a5
    with pytest.raises(NewslabError):
        C.attention_stage({"articles": arts, "mentions": mentions}, by=["section"])


def test_attention_of_no_mentions():
    arts, mentions = _attention_tables()
    out = C.attention_stage({"articles": arts, "mentions": mentions.iloc[:0]}, by="outlet")
    assert out["attention"].empty and list(out["attention"].columns) == \
        schema.columns("attention")
    assert out["attention_by_outlet"].empty


# --------------------------------------------------------------------------- real-news rules
# (sentences invented for these tests; each pins one rule of leaders.py, names.py, context.py)

@pytest.mark.parametrize("text, date, expected", [
    # a head of state or government acting for the state: title, speech, meeting, act noun
    ("President Okafor's rivals were absent, but President Putin spoke.", "2021-05-01",
     {"RUS"}),
    ("Putin signed the decree on Monday.", "2021-05-01", {"RUS"}),
    ("The envoy met Putin in the Kremlin.", "2021-05-01", {"RUS"}),
    ("Vladimir Putin: Good evening, dear friends.", "2021-05-01", {"RUS"}),
    ("Blair and Chirac agreed to disagree.", "2004-03-01", {"GBR", "FRA"}),
    ("Mr Blair's government denied the report.", "2004-03-01", {"GBR"}),
    ("Ariel Sharon, the Israeli prime minister, invited them.", "2004-03-01", {"ISR"}),
    ("Talks with Prime Minister of the Republic of India Narendra Modi.", "2021-05-01",
     {"IND"}),
    ("Vladimir Putin (on the budget): We will manage.", "2021-05-01", {"RUS"}),
    ("A Republican governor sued the Bush administration.", "2004-03-01", {"USA"}),
    # ... and as a person: party politics, private life, out of a state role
    ("Blair lost the public's trust over the war.", "2004-03-01", set()),
    ("Tony Blair's Labour conference row rumbled on.", "2004-03-01", set()),
    ("Bush as a re-election candidate toured Ohio.", "2004-03-01", set()),
    ("Chancellor Gordon Brown will deliver his budget.", None, set()),
    ("Many expect the top job to go to Gordon Brown.", None, set()),
    ("As vice president, Biden visited the region.", None, set()),
    # officials who are not head of state or government are persons, whatever they do
    ("Secretary Blinken met the delegation.", "2022-03-01", set()),
])
def test_leaders_count_only_acting_for_the_state(text, date, expected):
    assert found(text, date) == expected


def test_persons_are_kept_as_rows_and_can_be_counted():
    m = C.mentions_in_text("Secretary Blinken met President Putin.", date="2022-03-01")
    assert dict(zip(m["surface"], m["kind"])) == {"Blinken": "person", "Putin": "leader"}
    assert list(C.countries_only(m)["iso3"]) == ["RUS"]
    assert set(C.countries_only(m, persons=True)["iso3"]) == {"USA", "RUS"}
    assert C.countries_in_text("Secretary Blinken spoke.", date="2022-03-01",
                               persons=True) == {"USA"}


@pytest.mark.parametrize("text, expected", [
    # currencies as units
    ("The firm paid US$10.6 million for the plant.", set()),
    ("Profits reached Jamaican $308 million last year.", set()),
    ("It cost 40 million Hong Kong dollars.", set()),
    ("The Swiss franc rose against the euro.", set()),
    ("The US dollar bond market was quiet, but the US economy grew.", {"USA"}),
    # capitals and countries inside club, brand, event and party names
    ("He scored twice for Real Madrid.", set()),
    ("London Irish beat Wasps on Sunday.", set()),
    ("She won the Australian Open last year.", set()),
    ("The band won two awards at the Brits.", set()),
    ("Brits abroad spend more on holiday.", {"GBR"}),
    ("The Pole vaulter cleared six metres.", set()),
    ("No. 5 Georgia beat Auburn 24-6.", set()),
    ("The Lisbon agenda aims to make the EU competitive.", set()),
    ("Ministers in Lisbon agreed.", {"PRT"}),
    ("He won gold at the Athens Olympics.", set()),
    ("The UK Independence Party lost a member.", set()),
    ("Miss Peru was crowned in the final.", set()),
    ("The Motion Picture Association of America has sued two hundred people.", set()),
    ("The US Ryder Cup team lost.", {"USA"}),
    ("A Hungarian Olympic champion lost his medal.", {"HUN"}),
    # UK nations, lost apostrophes, institutions
    ("A Scottish court and Welsh hospitals were named.", {"GBR"}),
    ("Northern Irish farmers protested.", {"GBR"}),
    ("Scots voted in large numbers.", {"GBR"}),
    ("Scot Pollard scored ten points.", set()),
    ("She speaks Welsh at home.", set()),
    ("Bulgarias trade deficit widened.", {"BGR"}),
    ("Hurricane Frances strengthened overnight.", set()),
    ("Shares in Aguas Argentinas fell.", set()),
    ("The Scottish Executive announced the ban.", {"GBR"}),
    ("Congress passed the bill.", {"USA"}),
    ("The Indian National Congress won the vote.", {"IND"}),     # not the US Congress
    ("Delegates spoke during the Congress.", set()),
    ("Sino-Russian ties deepened.", {"CHN", "RUS"}),
])
def test_names_currencies_nations_and_institutions(text, expected):
    assert found(text) == expected


# --------------------------------------------------------------------------- real-text gold

def _shared(tmp_path):
    """A tiny shared folder of our own text in the layouts the references point into."""
    root = tmp_path / "shared"
    (root / "eval" / "bbc_news").mkdir(parents=True)
    (root / "eval" / "ag_news").mkdir(parents=True)
    (root / "corpora" / "x").mkdir(parents=True)
    (root / "eval" / "bbc_news" / "bbc_news.jsonl").write_text(json.dumps(
        {"id": "politics/001", "text": "Intro.\n\nPresident Putin met Chirac in Paris."}) + "\n")
    (root / "eval" / "ag_news" / "test.csv").write_text(
        "label,title,description\n3,T,Profits hit US$5 million.\n")
    (root / "corpora" / "x" / "a.txt").write_text("Title\r\nChancellor Gordon Brown spoke.\n",
                                                  newline="")
    return root


def test_reference_gold_resolves_and_scores(tmp_path, capsys):
    from newslab.evaluation import countries as ev
    root = _shared(tmp_path)
    sents = [
        {"uid": "s1", "source": "bbc", "file": "eval/bbc_news/bbc_news.jsonl",
         "id": "politics/001", "sent_start": 8, "sent_end": 44, "date": "2004-05-01",
         "countries": ["RUS", "FRA"], "split": "dev"},
        {"uid": "s2", "source": "ag_news", "file": "eval/ag_news/test.csv", "row": 0,
         "sent_start": 0, "sent_end": 25, "countries": [], "split": "dev"},
        {"uid": "s3", "source": "x", "file": "corpora/x/a.txt", "sent_start": 7,
         "sent_end": 37, "countries": [], "split": "test"}]
    p = tmp_path / "sents.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in sents) + "\n")
    rows = ev.read_gold(p, split="dev", shared=root)
    assert [r["text"] for r in rows] == ["President Putin met Chirac in Paris.",
                                        "Profits hit US$5 million."]
    m = ev.evaluate(rows)
    assert (m["precision"], m["recall"], m["n"]) == (1.0, 1.0, 2)
    assert m["by_source"]["ag_news"]["n"] == 1
    # mention rows: precision of today's finder on the finder's sampled mentions
    ments = [
        {"uid": "m1", "source": "x", "file": "corpora/x/a.txt", "sent_start": 7,
         "sent_end": 37, "start": 11, "end": 23, "target": "Gordon Brown", "iso3": "GBR",
         "kind": "leader", "correct": "no", "gold_iso3": "", "split": "dev"},
        {"uid": "m2", "source": "bbc", "file": "eval/bbc_news/bbc_news.jsonl",
         "id": "politics/001", "sent_start": 8, "sent_end": 44, "start": 10, "end": 15,
         "target": "Putin", "iso3": "RUS", "kind": "leader", "correct": "yes",
         "gold_iso3": "", "date": "2004-05-01", "split": "dev"},
        {"uid": "m3", "source": "bbc", "file": "eval/bbc_news/bbc_news.jsonl",
         "id": "politics/001", "sent_start": 8, "sent_end": 44, "start": 30, "end": 35,
         "target": "Paris", "iso3": "USA", "kind": "capital", "correct": "no",
         "gold_iso3": "FRA", "split": "dev"}]
    q = tmp_path / "ments.jsonl"
    q.write_text("\n".join(json.dumps(r) for r in ments) + "\n")
    mm = ev.evaluate(ev.read_gold(q, shared=root))
    assert mm["task"] == "mentions"
    assert (mm["n_found"], mm["n_right"], mm["n_dropped"]) == (2, 2, 1)  # Brown: a person
    assert mm["precision"] == 1.0 and mm["n_dropped_right"] == 0
    assert cli.main(["evaluate", "countries", str(q), "--shared", str(root)]) == 0
    assert "precision = 1.000" in capsys.readouterr().out
    # a reference that does not resolve, or a span that does not hold its target: one line
    bad = dict(ments[1], target="Blair")
    q.write_text(json.dumps(bad) + "\n")
    assert cli.main(["evaluate", "countries", str(q), "--shared", str(root)]) == 2
    assert cli.main(["evaluate", "countries", str(p), "--shared", str(tmp_path / "no")]) == 2
    assert cli.main(["evaluate", "countries", str(p), "--shared", str(root),
                     "--split", "train"]) == 2
