"""Country mentions, session 20: rules for the error kinds of the fourth real-text gold
(names whose head comes before an office, heads deep in a run before "of", company names
that end in a country, pair alliances and partnerships, producers' bodies, cuisine,
stock exchanges named by their city). Every sentence here is invented for the test; each
pins one rule, and most have a twin that must stay a mention."""

import pytest

from newslab.countries import mentions_in_text
from tests.test_countries_real import found


@pytest.mark.parametrize("text, expected", [
    # an office after a name's head: the run ends at the office, the party's name is left
    ("On Monday the Peruvian Workers Party Justice Minister said the case was a mess.", set()),
    ("On Monday the Peruvian Justice Minister said the case was a mess.", {"PER"}),
    ("Later the Chilean Football Federation Press Secretary denied all of it.", set()),
    # a head anywhere in the run before "of"
    ("She greeted those taking part in the Third Open Forum Skills System of Chile "
     "this week.", set()),
    ("She greeted the President of Chile this week.", {"CHL"}),
    ("They met at the Federation Council of the Russian Federation on Friday.", {"RUS"}),
    # a company or body word right before a country name or code
    ("Sales at Kobe Photo Film USA rose in the spring, the firm said.", set()),
    ("He ran the office of Acme Entertainment America for years.", set()),
    ("A report by Amnesty International UK was read out on Monday.", set()),
    ("Team USA won the relay on Sunday.", {"USA"}),
    ("He told BBC News US policy had not changed at all.", {"USA"}),
    # a body named after a pair of countries
    # (session 24: a pair's alliance is the two states', as the coders of rounds 7 and 8
    # coded it; test_countries_rules24.py)
    ("Both ministers said the U.S.-Peru Alliance was as strong as it had ever been.",
     {"USA", "PER"}),
    ("Both ministers said the Chile-Peru Strategic Partnership was doing well.", set()),
    ("Both ministers said the alliance between Chile and Peru was strong.", {"CHL", "PER"}),
    # a producers' or makers' body
    ("The film said that Peru Motion Picture Producers figures were up again.", set()),
    ("Peru produced more films than ever, the figures showed.", {"PER"}),
    # cuisine, not the country
    ("Diners preferred Chinese or Indian take-aways to the old pub food.", set()),
    ("The dish is a staple of Greek cuisine and of many cafes.", set()),
    ("She opened two Thai restaurants in the town.", set()),
    ("Ukrainian food exports fell sharply in the spring.", {"UKR"}),
    ("The Italian food group cut jobs at two plants.", {"ITA"}),
    # stock exchanges named by their city (also the first of a list)
    ("The group runs the Madrid, Vienna and Lisbon stock exchanges.", set()),
    ("Shares fell on the Madrid bourse as trading opened.", set()),
    ("Paris rejected the offer, Amsterdam said on Friday.", {"FRA", "NLD"}),
])
def test_names_read_further_session20(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a blocker with its first word in capitals, as AG News writes a lead's first words
    ("CLEVELAND Indians pitcher Jo Bell twisted an ankle before practice.", set()),
    ("Indians voted in large numbers on Monday.", {"IND"}),
    # institutions named without the country
    ("A spokeswoman for the NHTCU said the gang had been caught.", {"GBR"}),
    ("For years she served with the Federal Guards Service.", {"RUS"}),
    ("The Red Army crossed the river in the spring of 1944.", {"RUS"}),
    ("Members of the Red Army Faction were tried in Stuttgart.", set()),
])
def test_blockers_in_capitals_and_institutions_session20(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a surname that is a demonym: after a first name, before an apposition or "said"
    ("There may be too few of them, predicts Paul Irish, editor of a gadget magazine.", set()),
    ("Anna German said the budget would hurt councils.", set()),
    ("The Briton, who won in May, said she was tired.", {"GBR"}),
    ("Many Romani Americans, who live in Ohio, voted.", {"USA"}),
    ("On Monday Irish officials said the talks had failed.", {"IRL"}),
])
def test_demonym_surnames_session20(text, expected):
    assert found(text) == expected


def test_extra_rows_are_country_words_for_the_name_rules():
    # a country word added at run time counts as one in the rules that ask whether a
    # neighbouring word is a country word ("the Serbian half of <country>")
    extra = [{"surface": "Ruritania", "iso3": "AUT", "kind": "name"}]
    m = mentions_in_text("He lived in the Serbian half of Ruritania for years.", extra=extra)
    assert list(m["surface"]) == ["Ruritania"]
    m = mentions_in_text("He lived in the Serbian half of Ruritania for years.")
    assert list(m["surface"]) == ["Serbian"]


@pytest.mark.parametrize("text, expected", [
    # a group named after its members: past every partner of the chain
    ("They spoke of security, also through the U.S.-Chile-Peru-Japan Quad talks.", set()),
    ("They spoke of security with Chile, Peru and Japan.", {"CHL", "PER", "JPN"}),
    # a capital before a plain capitalized word starts a longer name
    ("He spoke for the Lisbon Council, a citizens' group, on Friday.", set()),
    ("She met Foreign Minister Santiago Ruiz in the morning.", set()),
    ("They signed the Budapest Memorandum in the winter.", set()),
    ("The Bucharest Mayor opened the new bridge.", {"ROU"}),
    ("Flights left the Baghdad International Airport again.", {"IRQ"}),
    ("LIMA Shares rose in early trade on the news.", {"PER"}),
    ("They met in Washington, D.C. Officials then flew home.", {"USA"}),
    ("He thanked U.S. Embassy Lima Charge d'Affaires Ann Cole.", {"USA", "PER"}),
    # a capital as a city's club
    ("He scored 30 points for host Washington on the night.", set()),
    ("Lehigh won its third game, 49-18, over Lima.", set()),
    ("Sanctions against Tehran were tightened.", {"IRN"}),
])
def test_groups_capitals_in_names_and_clubs_session20(text, expected):
    assert found(text) == expected


def test_a_heads_contacts_are_acts_of_state():
    text = "The leaders discussed Naftali Bennett's latest contacts with foreign colleagues."
    assert found(text, date="2021-10-22") == {"ISR"}


@pytest.mark.parametrize("text, expected", [
    # prizes and series
    ("Critics say she deserved a nod for Best Peruvian pop act.", set()),
    ("He won three of the Chilean Comedy awards in the spring.", set()),
    ("Boston won the first game of the American League Championship Series.", set()),
    ("She was a finalist for the Service to Peru Medal this year.", set()),
    ("American voters were asked about the awards.", {"USA"}),
    # a commercial bank named after the country
    ("Police detained two former Bank of China clerks in Harbin.", set()),
    ("Two men who worked at a bank in China were arrested.", {"CHN"}),
])
def test_prizes_series_and_banks_session20(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a work's title right after a lower-case word for a work
    ("He hosted the long-running show Peruvian Nights for years.", set()),
    ("A school complained about his song Irish Boy on Monday.", set()),
    ("Agassi will play France's best player next.", {"FRA"}),
    ("Blinken called Kenyan President Ruto today.", {"KEN"}),
    ("The show was popular with Peruvian viewers.", {"PER"}),
    # a quoted title still names a work
    ("They watched an episode of \"Married by Peru\" last night.", set()),
])
def test_work_titles_session20(text, expected):
    assert found(text) == expected
