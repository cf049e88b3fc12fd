"""Country rules of session 22 (issue 12), each on invented sentences: the word on either
side of the rule's line, so that every test can fail."""

import pandas as pd
import pytest

import newslab.countries as C
from newslab.countries.home import home_country


def found(text, date=None, outlet=None):
    return C.countries_in_text(text, date=date, outlet=outlet)


# -- the outlet's own state: bodies named without the country (home.py) -------------------
@pytest.mark.parametrize("text, outlet, expected", [
    ("The Department welcomed the new rules on fishing quotas.", "state.gov", {"USA"}),
    ("the Department welcomed the new rules on fishing quotas.", "state.gov", {"USA"}),
    ("The Department welcomed the new rules on fishing quotas.", None, set()),
    ("The Department welcomed the new rules on fishing quotas.", "example-news.com", set()),
    ("The Department of Fisheries of Norland hosted the talks.", "state.gov", set()),
    ("Staff of the Bureau of Coastal Affairs met the mayors.", "state.gov", {"USA"}),
    ("Staff of the Bureau of Coastal Affairs met the mayors.", None, set()),
    ("The President signed an order on river clean-up.", "state.gov", {"USA"}),
    ("The President's order on river clean-up takes effect today.", "state.gov", {"USA"}),
    ("The President of the Garden Society thanked the donors.", "state.gov", set()),
    ("Before the talks, the President toured a bakery.", "en.kremlin.ru", {"RUS"}),
    ("Before the talks, the President toured a bakery.", "kremlin.ru", {"RUS"}),
    ("Before the talks, the President toured a bakery.", "bbc.co.uk", set()),
    ("The department welcomed the rules.", "state.gov", set()),
])
def test_home_bodies(text, outlet, expected):
    assert found(text, outlet=outlet) == expected


@pytest.mark.parametrize("text, outlet, expected", [
    ("The President praised the Prime Minister at the gala.", "gov.uk", set()),
    ("The President-elect will visit in March.", "state.gov", set()),
    ("The President will visit in March.", "state.gov", {"USA"}),
    ("She chairs the Bureau of the UN Commission on Rivers.", "state.gov", set()),
    ("The Bureau of Rail Safety issued a notice.", "state.gov", {"USA"}),
])
def test_home_bodies_review22(text, outlet, expected):
    """Review fixes: no parliamentary state's site (its "President" is another state's), a
    president-elect is not in office, a bureau "of the" UN is not the state's."""
    assert found(text, outlet=outlet) == expected


def test_home_country_of_outlets():
    assert home_country("gov.uk") is None
    assert home_country("state.gov") == "USA"
    assert home_country("www.state.gov") == "USA"
    assert home_country("2017-2021.state.gov") == "USA"
    assert home_country("en.kremlin.ru") == "RUS"
    assert home_country("notstate.gov") is None
    assert home_country("bbc.co.uk") is None
    assert home_country(None) is None
    assert home_country(float("nan")) is None


def test_home_bodies_in_find_mentions_by_article_outlet():
    text = "The Department praised the plan. Later the President spoke."
    sents = pd.DataFrame({"article_id": ["a", "b"], "sentence_id": [0, 0], "start": [0, 0],
                          "text": [text, text]})
    arts = pd.DataFrame({"article_id": ["a", "b"], "date": [pd.NaT, pd.NaT],
                         "outlet": ["state.gov", "example-news.com"]})
    mm = C.find_mentions(sents, arts)
    assert mm["article_id"].tolist() == ["a", "a"]
    assert mm["surface"].tolist() == ["The Department", "the President"]
    assert set(mm["iso3"]) == {"USA"} and set(mm["kind"]) == {"institution"}
    assert text[mm["start"].iloc[1]:mm["end"].iloc[1]] == "the President"


def test_home_body_never_overlaps_a_found_mention():
    text = "A Bureau of Prisons statement said Canada had asked for the files."
    mm = C.mentions_in_text(text, outlet="state.gov")
    assert list(mm["iso3"]) == ["USA", "CAN"]
    assert mm["surface"].tolist() == ["Bureau of Prisons", "Canada"]


# -- events in a list of places, a capital's event, a line-up's surname (inside.py 6, 7) --
@pytest.mark.parametrize("text, expected", [
    ("She has won the Oslo, Lima and Quito Marathons in her career.", set()),
    ("She has won races in Oslo, Lima and Quito this year.", {"NOR", "PER", "ECU"}),
    ("He won the Danish and Irish Opens in one summer.", set()),
    ("Spain, Italy, Holland, France and Germany backed the text (Article 5).",
     {"ESP", "ITA", "NLD", "FRA", "DEU"}),
    ("Kane, Holland, Webb and Reed started; Vale (Kerr 70) came on late.", set()),
    ("The French and US teams met in the final.", {"FRA", "USA"}),
    ("The Iraq and Afghanistan wars cost billions.", set()),
    ("The Iraq and Afghanistan governments met.", {"IRQ", "AFG"}),
    ("The runner will miss this year's Lima event in May.", set()),
    ("The runner will live in Lima in May.", {"PER"}),
    ("Ames, Boyd, Holland, Crane (Dover 71), Eddy, Finch.", set()),
    ("Ames, Boyd, Holland, Crane, Eddy and Finch met in Holland.", {"NLD"}),
    ("Spain, Italy, Holland, France and Germany agreed.", {"ESP", "ITA", "NLD", "FRA", "DEU"}),
    # programme words after a capital (heads.POLICY_WORDS) and an insurer's name (NAME_HEADS)
    ("Ministers vowed to reach the Vienna targets within ten years.", set()),
    ("Ministers in Lisbon promised to meet their goals.", {"PRT"}),
    ("Two staff of Basel American Insurance Co. were fined.", set()),
    ("Two American insurance staff were fined.", {"USA"}),
])
def test_events_lineups_names(text, expected):
    assert found(text) == expected


# -- leaders: a monarch's title inside the surface form, another body's office (leaders.py)
@pytest.mark.parametrize("text, date, expected", [
    ("A new heir was chosen by King Abdullah II after months of talks.", "2004-11-28",
     {"JOR"}),
    ("A new heir was chosen by King Abdullah II after months of talks.", "1995-11-28", set()),
    ("The Unity Organization chief Mahmoud Abbas asked the envoys for patience.", "2004-11-20",
     set()),
    ("Palestinian President Mahmoud Abbas asked the envoys for patience.", "2006-01-20", {"PSE"}),
    ("Workers Party leader Lula said the vote was fair.", "2004-05-01", set()),
    ("President Lula said the vote was fair.", "2004-05-01", {"BRA"}),
])
def test_leaders_rules22(text, date, expected):
    assert found(text, date=date) == expected


# -- data rows (leaders.csv terms, names, institutions, blockers) ------------------------
@pytest.mark.parametrize("text, date, expected", [
    ("Prime Minister Barroso met the unions.", "2003-05-01", {"PRT"}),
    ("Prime Minister Barroso met the unions.", "2006-05-01", set()),
    ("President Pinera signed the decree.", "2011-05-01", {"CHL"}),
    ("President Pinera signed the decree.", "2016-05-01", set()),
    ("Prime Minister Jansa signed the decree.", "2012-06-01", {"SVN"}),
    ("Prime Minister Jansa signed the decree.", "2015-06-01", set()),
    ("Taoiseach Simon Harris said the talks would resume.", "2024-06-01", {"IRL"}),
    ("President Panuelo thanked the donors.", "2021-03-01", {"FSM"}),
    ("Maps of old Czechoslovakia hung on the wall.", None, {"CZE"}),
    ("A METI official said exports rose.", None, {"JPN"}),
    ("The firm backs the one-China policy.", None, set()),
    ("State-run China Unicom added users.", None, set()),
    ("Traffic on Sheikh Zayed Road was slow.", "2003-01-01", set()),
])
def test_data_rows22(text, date, expected):
    assert found(text, date=date) == expected
