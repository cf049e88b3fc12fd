"""Country rules of session 24 (issue 12, round 8's error kinds), each on invented
sentences: the case the rule drops (or finds) and a near neighbour it keeps, so that every
test can fail."""

import pytest

import newslab.countries as C


def found(text, date=None, persons=False, outlet=None):
    return C.countries_in_text(text, date=date, persons=persons, outlet=outlet)


def kinds(text, date=None):
    m = C.mentions_in_text(text, date=date)
    return {(r.surface, r.kind) for r in m.itertuples()}


# -- names with a country word inside (names.py, rule 17) ---------------------------------
@pytest.mark.parametrize("text, expected", [
    # an ethnic people, not the state
    ("Aid reached an ethnic Turkish village near the river on Friday.", set()),
    ("Ethnically Albanian families left the valley, Peru's envoy said.", {"PER"}),
    ("A Turkish village near the border was shelled on Friday.", {"TUR"}),
    # a pair's alliance counts; its lower-case dialogue does not
    ("Both leaders praised the U.S.-Japan Alliance at the dinner.", {"USA", "JPN"}),
    ("He will hold the first U.S.-Peru bilateral trade dialogue in May.", set()),
    ("She opened the third Kenya-Chile dialogue on fisheries in Lima.", {"PER"}),
    ("Trade between the U.S. and Peru grew, a dialogue partner said.", {"USA", "PER"}),
    # a firm's name that opens with a country, after a word for a firm
    ("Acme bought the phone maker Peru Zentosoft for cash last year.", set()),
    ("The software developer China Lumotek listed its shares in June.", set()),
    ("The firm Peru says it will invest more in its mines.", {"PER"}),
    ("A phone maker in China cut prices, Peru Minister Ruiz said.", {"CHN", "PER"}),
    # a work's title opened by a capitalized article and closed by the country
    ("Critics preferred Dune, A Journey to Peru and two musicals that year.", set()),
    ("He reread The Long Road to Chile, the novel his mother loved.", set()),
    ("The road to Peru was closed by snow on Monday.", {"PER"}),
    ("AP - The United States and Chile signed a trade deal.", {"USA", "CHL"}),
    ("She starred in A Summer Romance in Peru's biggest festival.", {"PER"}),
    # a capital after "the" at the end of a text cut short
    ("Two sprinters were banned after testing positive at the Lima", set()),
    ("Two sprinters were banned after testing positive in Lima", {"PER"}),
    ("Two sprinters were banned after the Lima Games.", set()),
])
def test_names_rule17(text, expected):
    assert found(text) == expected


# -- leaders as persons (leaders.py) -----------------------------------------------------
def test_leader_marginal_seats_is_a_campaign():
    t = ("Prime Minister John Howard and the opposition will fight for the marginal seats "
         "of the coast in the second week of the contest.")
    assert found(t, date="2004-09-20") == set()
    assert ("John Howard", "person") in kinds(t, date="2004-09-20")
    assert found("Prime Minister John Howard said the seats of the new council would be "
                 "filled.", date="2004-09-20") == {"AUS"}


def test_leader_in_a_recall_vote_is_a_person():
    t = ("Auditors checked the recall vote that kept President Hugo Chavez as head of "
         "state, officials said.")
    assert found(t, date="2004-09-01") == set()
    assert found("President Hugo Chavez recalled his ambassador from the capital, "
                 "officials said.", date="2004-09-01") == {"VEN"}


def test_leader_in_opposition_is_a_person():
    t = "She had worked for Tony Blair in his office while he was the opposition leader."
    assert found(t) == set()
    assert found("She had worked for Tony Blair in his office when he met the king.") \
        == {"GBR"}


# -- institutions (institutions.csv, home.py) ---------------------------------------------
@pytest.mark.parametrize("text, outlet, expected", [
    ("For most voters the NHS and schools were the key issues.", None, {"GBR"}),
    ("Waiting lists at the National Health Service grew again.", None, {"GBR"}),
    ("The Departments of State and Justice opened a new forum today.", None, {"USA"}),
    # a post's title on a government's own site is a person, the bureau itself counts
    ("The Senior Bureau Official for fuel will travel to Oslo next week.", "state.gov",
     {"NOR"}),
    ("The Bureau of Rail Safety will host talks in Oslo next week.", "state.gov",
     {"USA", "NOR"}),
])
def test_institutions(text, outlet, expected):
    assert found(text, outlet=outlet) == expected
