"""Country mentions on real news, session 17: the rules for other names, currencies,
ethnic groups, languages and leaders found on BBC News, AG News and the official
statements (sentences invented for these tests; each pins one rule)."""

import pytest

from newslab import countries as C


def found(text, date=None):
    return C.countries_in_text(text, date=date)


@pytest.mark.parametrize("text, expected", [
    # currencies as AG News writes them: "US\$5m", "US #36;5m"
    ("The bank paid US\\$40 million for the stake.", set()),
    ("Shares were priced at US #36;12 each.", set()),
    ("US\\$40 million went to the US navy.", {"USA"}),
    # a head word before the run's "of"/"for": an organization's name
    ("She is a member of the Russian Academy of Sciences.", set()),
    ("The American Chamber of Commerce welcomed the rule.", set()),
    ("Both sides must honour the Minsk Package of Measures.", set()),
    ("The U.S. Agency for International Development sent food.", {"USA"}),
    ("The Russian Ministry of Defense issued a statement.", {"RUS"}),
    # more heads: churches, charities, funds, unions, federations, regions, acts, wars ...
    ("The Russian Orthodox Church held a service.", set()),
    ("Donations went to the American Red Cross.", set()),
    ("The Welsh Rugby Union named a new coach.", set()),
    ("A plant opened in the Moscow Region last year.", set()),
    ("They signed the Helsinki Final Act in 1975.", set()),
    ("Veterans of the Vietnam War gathered.", set()),
    ("Barrichello won the Brazilian GP twice.", set()),
    ("China Daily carried the interview.", set()),
    # a country word before "Cup" alone names the competition; a team still counts
    ("Hearts reached the Scottish Cup final.", set()),
    ("The US Ryder Cup team flew home.", {"USA"}),
    ("Talks on the future of the British grand prix resumed.", set()),
    # a run that is a name of its own does not make the hit part of a name
    ("Turkish European Union membership talks began.", {"TUR"}),
    # fixed names (blockers.csv, organizations.csv)
    ("America Online cut its prices.", set()),
    ("The Inter-American Development Bank lent $1bn.", set()),
    ("Storms swept the British Isles.", set()),
    ("The British and Irish Lions tour starts in June.", set()),
    ("Swiss Re expects higher claims.", set()),
    ("Agence France Presse reported the deal.", set()),
    ("The coach told BBC Sport Wales he was happy.", set()),
    ("UK Coal reported a loss.", set()),
    ("Scotland Yard is investigating.", set()),
    ("They moved to Vancouver, British Columbia.", set()),
    ("The head of the Organization of American States spoke.", set()),
    ("The Irish Republican Army gave up its arms.", set()),
])
def test_other_names_and_currencies(text, expected):
    assert found(text) == expected


def test_organization_of_american_states_is_an_organization():
    m = C.mentions_in_text("The OAS met in Lima.")
    assert dict(zip(m["surface"], m["kind"])) == {"OAS": "organization", "Lima": "capital"}
