"""Country mentions, session 18: rules for the error kinds of the second real-text gold
(event and dialogue names, currency codes after amounts, species, leaders as candidates
or party politicians, institutions without a country word). Every sentence here is
invented for the test; each pins one rule, and most have a twin that must stay a mention."""

import pytest

from tests.test_countries_real import found


@pytest.mark.parametrize("text, expected", [
    # a currency code after an amount with its multiplier (the Canadian Press style)
    ("The firm took a $120 million US charge in the quarter.", set()),
    ("It sold about $30 million Canadian worth of shares.", set()),
    # ... only a code or a demonym: a name after an amount is the country
    ("The $40bn Norway fund bought the stake.", {"NOR"}),
    ("Far from the $12bn Peru says it is owed.", {"PER"}),
    # a pair's event or body name: "X-Y Strategic Dialogue", "X-Y Summit", "X–Y Forum"
    ("Officials met at the Peru-Chile Strategic Dialogue in Lima.", {"PER"}),
    ("He thanked them for the U.S.-ASEAN Special Summit.", set()),
    ("The next round of the U.S. – Ghana Strategic Dialogue is in May.", set()),
    ("Leaders gathered for the Japan-African Union High-Level Dialogue.", set()),
    ("The eighth Canada-Mexico Economic Policy Dialogue took place in a small town on the coast.",
     set()),
    ("The Norway Summit on Oceans opened.", set()),
    # ... but a dateline's dash is no pair, and a pair of actors stays
    ("OTTAWA - Canada Post workers went on strike.", {"CAN"}),
    ("Canada-Mexico trade grew fast.", {"CAN", "MEX"}),
    ("U.S.-Russia talks ended without a deal.", {"USA", "RUS"}),
    ("A special day for Peru– National Unity Day was marked.", {"PER"}),
    # a head further back: "Declaration on the Formation of the X"
    ("They were set out in the Declaration on the Formation of the USSR in 1922.", set()),
    ("The Formation of the USSR took years.", {"RUS"}),
    ("The agreement between the Government of Peru and the Government of Chile holds.",
     {"PER", "CHL"}),
    # a capital before a lower-case event noun: the event held there
    ("He showed films at the Cannes and Moscow film festivals.", set()),
    ("He won the Vienna tournament last year.", set()),
    ("She is preparing for the London marathon in April.", set()),
    ("An injury wrecked his Athens ambitions.", set()),
    ("Beijing hopes the talks will resume.", {"CHN"}),
    ("Crowds filled the streets of London on Sunday.", {"GBR"}),
    ("It was the band's only UK festival gig.", {"GBR"}),
    ("A Kenyan marathon runner won.", {"KEN"}),
    # species and breeds named with a demonym
    ("Officials in Florida found an African Gambian pouch rat.", set()),
    ("A German shepherd guarded the gate.", set()),
    ("Japanese knotweed spread along the river.", set()),
    ("German troops guarded the gate.", {"DEU"}),
    ("Russian police found a rat in the kitchen.", {"RUS"}),
])
def test_other_names_and_units(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, date, expected", [
    # a lead in the polls: a candidate, even with the title
    ("President Bush, who leads in some polls, still looks weak among the undecided.",
     "2004-10-01", set()),
    ("President Bush signed the bill on Monday.", "2004-10-01", {"USA"}),
    # party politics in the sentence override even the title
    ("Prime Minister Tony Blair said the new member would be welcomed by Labour MPs.",
     "2004-12-01", set()),
    ("Tony Blair will address a conference of centre-left leaders on Friday.", "2004-12-01",
     set()),
    ("Unions struck against Prime Minister Silvio Berlusconi's centre-right government.",
     "2004-12-01", {"ITA"}),
    ("Prime Minister Tony Blair said the Labour government would act.", "2004-12-01",
     {"GBR"}),
    # a counterpart: party to the talks
    ("Mr Blair held talks with his Israeli counterpart, Ariel Sharon, in London.",
     "2004-12-01", {"GBR", "ISR"}),
    ("He phoned his counterpart Ariel Sharon on Sunday.", "2004-12-01", {"ISR"}),
])
def test_leaders_as_candidates_and_party_politicians(text, date, expected):
    assert found(text, date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # heads of state and government added to leaders.csv (dated terms)
    ("Faustin-Archange Touadera thanked the donors.", "2022-03-01", {"CAF"}),
    ("President Mirziyoyev met the delegation.", "2022-03-01", {"UZB"}),
    ("President Musharraf said the talks went well.", "2004-12-01", {"PAK"}),
    ("President Musharraf said the talks went well.", "2010-12-01", set()),
    ("Prime Minister Ayad Allawi imposed a curfew.", "2004-11-01", {"IRQ"}),
])
def test_more_heads_of_state(text, date, expected):
    assert found(text, date) == expected


@pytest.mark.parametrize("text, expected", [
    # an apostrophe-less possessive before a capitalized word (a name)
    ("He beat Spains Carlos Ortega in the first round.", {"ESP"}),
    ("Talks with Chinas State Council went on.", {"CHN"}),
    ("A unit of Aguas Argentinas Company was sold.", set()),
    # a seat of government that is not the capital counts only acting for the government
    ("The court in The Hague ruled on Friday.", set()),
    ("THE HAGUE (Wire) - Judges ruled on Friday.", set()),
    ("The Hague said it would send more troops.", {"NLD"}),
    ("The Hague has decided to recall its envoy.", {"NLD"}),
    ("Amsterdam hosted the fair.", {"NLD"}),
])
def test_possessives_and_seats(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # national institutions without a country word (institutions.csv): departments,
    # agencies and regulators of one state
    ("NASA postponed the launch again.", {"USA"}),
    ("The Home Office defended the new rules.", {"GBR"}),
    ("The Financial Services Authority fined the bank.", {"GBR"}),
    ("Launching the Department for Constitutional Affairs' plan, he spoke.", {"GBR"}),
    ("The Commerce Department said exports rose.", {"USA"}),
    ("Ofcom ordered the firm to cut its prices.", {"GBR"}),
])
def test_national_institutions(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a programme named with a country
    ("We put forward the Transit Peru programme last year.", set()),
    ("She spoke on the Good Morning Chile programme.", set()),
    ("The Peru programme of reforms was praised.", {"PER"}),
    ("Aid to Peru programmes rose.", {"PER"}),
])
def test_programme_names(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, date, expected", [
    # a short quoted title of a work
    ('Regulators fined the network for its show "Dating in Peru" last week.', None, set()),
    ('He toured the exhibit "Peru\'s Road to Ruin" on Monday.', None, set()),
    ('The crowd chanted "Thank you, Peru" at the end.', None, {"PER"}),
    ('Critics called it a "Peru Las Vegas" for gamblers.', None, {"PER"}),
    ('The word "Peru" was printed on the box.', None, {"PER"}),
    # measures against the state in the person of its head
    ("Sanctions were imposed on Saddam Hussein in 1990.", "1990-09-01", {"IRQ"}),
    ("Allies increased the pressure on Putin this week.", "2022-04-01", {"RUS"}),
])
def test_quoted_titles_and_measures(text, date, expected):
    assert found(text, date) == expected
