"""Country rules of session 21 (issue 12), each on invented sentences: the word on either
side of the rule's line, so that every test can fail."""

import pytest

import newslab.countries as C


def found(text, date=None):
    return C.countries_in_text(text, date=date)


@pytest.mark.parametrize("text, expected", [
    # an organisation's head anywhere in the run after the hit (inside.py, 1)
    ("The dean of Nordvik Oslo State University Anna Berg spoke to the students.", set()),
    ("She studied at the Lima Polytechnic Institute before moving abroad.", set()),
    ("The head of the Swedish Chess Society Olof Lind resigned on Friday after a long row "
     "with the members.", set()),
    ("Oslo said the talks with the university would go on.", {"NOR"}),
    ("The US Federal Reserve Bank raised rates by a quarter point.", {"USA"}),
    # a capital after a plain capitalized word: a person, a club, a company (inside.py, 2)
    ("The pitcher Ramon Lima threw a shutout for the visitors on Sunday.", set()),
    ("Ramon Lima threw a shutout for the visitors on Sunday.", set()),
    ("Their striker scored twice as Lokomotiv Tirana won the derby at home.", set()),
    ("Protesters gathered in East Jerusalem on Friday.", {"ISR"}),
    ("The consular section at Embassy Nairobi stays open.", {"KEN"}),
    ("Officials in Lima said the talks had gone well.", {"PER"}),
    ("He blamed the pro-Western Lima government for the delay.", {"PER"}),
    # ... but not after a word that cannot start a name (review 21a, 2)
    ("An aide told Tass Hanoi would reply within a week.", {"VNM"}),
    ("The Marxist Quito rebels laid down their arms.", {"ECU"}),
    ("A Soviet Riga was a garrison town.", {"LVA"}),
    ("Earlier Lima rejected the offer of talks.", {"PER"}),
    ("Sofia's mayor greeted the Ivanov Sofia fans.", {"BGR"}),
    ("The Taliban Kabul envoy arrived late.", {"AFG"}),
    ("Aunt Mara's Lisbon is a city of hills and trams.", {"PRT"}),
    ("Fans cheered Partizani Tirana on Sunday.", set()),
    # a capital as a club, by the plural verb (inside.py, 3)
    ("Everyone enjoys the way Lisbon play when they attack down the wings.", set()),
    ("If Lisbon do not want me, I will play in France next season.", {"FRA"}),
    ("Shops in central Lisbon were busy before the holiday.", {"PRT"}),
    ("Talks between Hanoi and Seoul were held on Monday.", {"VNM", "KOR"}),
    # a day named after countries (inside.py, 4)
    ("He sent greetings on the Day of Friendship between the Peoples of Peru and Chile.",
     set()),
    ("He sent greetings to Peru and Chile on the national day.", {"PER", "CHL"}),
    # a genocide or civil war named by its country (inside.py, 5)
    ("The film tells of a nurse who hid children during the Burundian genocide.", set()),
    ("She served as a doctor during the Chadian civil war.", set()),
    ("Burundian soldiers were sent to the border.", {"BDI"}),
])
def test_inside_a_name(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the Brit awards named "Brits" in a sentence about music (context._rule_brits)
    ("The band rode on Brits success to the top of the album chart.", set()),
    ("Two young Brits bought the album in a Madrid shop.", {"GBR", "ESP"}),
    ("Brits abroad were told to keep their passports safe.", {"GBR"}),
    ("Brits were among the winners of the regional raffle this spring.", {"GBR"}),
    # "The Scotsman" is the newspaper only with a publication cue (blockers.csv)
    ("The Scotsman won the final in straight sets.", {"GBR"}),
    ("A columnist in The Scotsman argued for a new bridge.", set()),
    ("The Scotsman reported that the ferry was late.", set()),
    ("Holidaying Brits spent more on music festivals than ever.", {"GBR"}),
    ("Brits performed worst in the reading survey.", {"GBR"}),
    # a vote quoted in its language is the nation's, not a letter (context._QUOTED_LETTER)
    ("The Danish 'Nej' vote surprised the ministers.", {"DNK"}),
    ("Before the Swedish \"nej\" and the Finnish \"ei\", the plan looked safe.",
     {"SWE", "FIN"}),
    ("The Irish 'Ta' camp held a rally in the square.", {"IRL"}),
    ("A Russian 'a' looks like a Latin 'a' in print.", set()),
    # a letter of a language (context._rule_language)
    ("On the sign a Greek 'p' looks just like a Latin one.", set()),
    ("Greek 'filtration' camps were never found.", {"GRC"}),
    # nationality nouns that are also first names (context._rule_nationality)
    ("Finn Aku Laine beat the second seed in three sets.", {"FIN"}),
    ("Finn Laine scored twice before half-time.", set()),
    ("The in-form Scot Ailsa Brodie won the race by a second.", {"GBR"}),
    ("The Finn won again on Sunday.", {"FIN"}),
    # a plural demonym that the plural maker could not form
    ("Six Czechs were refused entry at the airport.", {"CZE"}),
    # demonym nouns of the nations and a few more
    ("The Dutchman retired hurt in the second set.", {"NLD"}),
    ("The Northern Irishman won the mile.", {"GBR"}),
    ("She wrote a column for The Scotsman for years.", set()),
    # the nation's football association
    ("The Welsh FA fined the club for the late kick-off.", {"GBR"}),
    # a national team by its nickname (the coder guide: a national team counts)
    ("The Wallabies were beaten by the Springboks in the final.", {"AUS", "ZAF"}),
    ("The British and Irish Lions tour starts in June.", set()),
    # a pair's consultations are an event's name
    ("The envoy will hold the annual Peru-Chile Bilateral Consultations with the ministry "
     "next week.", set()),
    ("The envoy will hold Foreign Office Consultations with the ministry next week.", set()),
    # a meeting named by the capital it is held in, as "the Vienna tournament"
    ("Key issues ahead of the Lisbon summit were discussed.", set()),
    ("The allies met at a summit in Lisbon.", {"PRT"}),
    # a city of the Gaza Strip other than a capital
    ("GAZA CITY - Fighting went on overnight near the port.", set()),
    ("Aid trucks reached Gaza on Friday.", {"PSE"}),
])
def test_words_and_events(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, expected", [
    # Brussels: Belgium's capital as a place or dateline, the EU's seat acting
    ("BRUSSELS, May 3 - The ministers met to discuss the fishing quotas.", {"BEL"}),
    ("The ministers met in Brussels to discuss the fishing quotas.", {"BEL"}),
    ("The envoy will travel to Brussels next week.", {"BEL"}),
    ("Brussels wants tighter rules on fishing quotas.", set()),
    ("The treaty gives more powers to Brussels over fishing.", set()),
    # "from" only after a journey word; an attributive Brussels before a place noun
    ("Fishermen protested against new quotas from Brussels.", set()),
    ("The minister flew back from Brussels on Friday.", {"BEL"}),
    ("Brussels police said two men had been held.", {"BEL"}),
    ("He lives in a Brussels suburb.", {"BEL"}),
    # the federal government with an American cue
    ("CHICAGO - The federal government said it would release oil from its reserve.",
     {"USA"}),
    ("The federal government said it would release oil from its reserve.", set()),
    ("Nigeria's federal government said it would release the funds.", {"NGA"}),
    # another federation in the sentence, or India's Congress party: not the US's
    ("The opposition Congress party said the federal government had let down the weavers.",
     set()),
    ("Critics in Congress said the federal government had spent too much.", {"USA"}),
    ("Inmates wrote to the Federal Bureau of Prisons about the heat.", {"USA"}),
])
def test_seats_and_state_bodies(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize("text, federal", [
    ("OTTAWA - The federal government said it would hit back at the new US duties on timber.",
     False),
    ("The federal government in Canberra said American wheat imports would resume.", False),
    ("DENVER - The federal government said the new US duties on timber would stay.", True),
])
def test_federal_government_of_another_federation(text, federal):
    m = C.mentions_in_text(text)
    assert ("federal government" in set(m["surface"])) is federal


def test_brussels_falls_back_to_the_eu():
    m = C.mentions_in_text("Brussels wants tighter rules on fishing quotas.")
    assert list(zip(m["surface"], m["iso3"], m["kind"])) == [("Brussels", "EU", "organization")]


@pytest.mark.parametrize("text, date, expected", [
    # campaign words anywhere in the sentence make a titled head a candidate
    ("Aides said President Bush would spend Sunday in Ohio, a battleground that polls "
     "call close.", "2004-09-20", set()),
    ("President Bush signed the storm relief bill in Florida.", "2004-09-20", {"USA"}),
    ("President Bush and his rival are level in the race for the popular vote, a survey "
     "found.", "2004-09-20", set()),
    ("President Bush agreed with the senator on Thursday, while the Democratic nominee pulled "
     "an advertisement that had drawn complaints from veterans.", "2004-09-20", set()),
    # a quotation after a verb is no transcript speaker label
    ("The guests at the dinner included Mr Blair: he came late.", "2004-10-01", set()),
    ("Mr Blair: Thank you for coming.", "2004-10-01", {"GBR"}),
    # not yet in office
    ("Retired general Thaksin Shinawatra was confirmed on Monday as the country's next "
     "leader.", None, set()),
    ("Thaksin Shinawatra said the country would send aid.", None, {"THA"}),
    # ... said of another person: the head still acts (review 21a, 6)
    ("Mr Blair met Chile's President-elect Ivan Petrov on Monday.", "2005-02-01",
     {"GBR", "CHL"}),
    ("Mr Blair said he would work with Peru's next president, whoever won.", "2005-02-01",
     {"GBR", "PER"}),
    ("President-elect Blair greeted the crowd.", "2005-02-01", set()),
    # the British parties' possessives only for a British head
    ("Sharon told the cabinet the pullout would go ahead and asked Labour's leader to join "
     "him.", "2004-11-10", {"ISR"}),
    # party politics or one's own succession anywhere in an untitled head's sentence
    ("Mr Blair said the new rail plan would be central to Labour's pitch to "
     "commuters.", "2005-02-01", set()),
    ("Mr Blair was asked on the radio whether he might stand aside in the autumn.",
     "2005-02-01", set()),
    ("Mr Blair told the Irish premier that the talks would resume.", "2005-02-01", {"GBR", "IRL"}),
])
def test_leaders_as_party_politicians(text, date, expected):
    assert found(text, date) == expected


@pytest.mark.parametrize("text, date, expected", [
    # heads of state or government added to leaders.csv (dated, each row with its source)
    ("At the invitation of Xavier Bettel, the envoy toured the old fortress.",
     "2022-03-01", {"LUX"}),
    ("Xavier Bettel said the talks would go on.", "2024-03-01", set()),   # then a minister
    ("Prime Minister Hun Sen met the envoy in the capital.", "2022-06-01", {"KHM"}),
    ("President Chakwera thanked the donors for the vaccines.", "2021-06-01", {"MWI"}),
    ("President Chakwera thanked the donors for the vaccines.", "2019-06-01", set()),
    ("Ms Tymoshenko said the government would review the sales.", "2005-03-01", {"UKR"}),
    ("European Council President Charles Michel met the envoy.", "2022-06-01", set()),
])
def test_more_heads(text, date, expected):
    assert found(text, date) == expected


def test_leaders_rows_name_their_source():
    import pandas as pd
    from importlib import resources
    with resources.files("newslab").joinpath("data/countries/leaders.csv").open(
            encoding="utf-8") as fh:
        d = pd.read_csv(fh, dtype=str, keep_default_na=False)
    assert "source" in d.columns
    cited = d[d["source"].ne("")]
    assert len(cited) >= 140 and "Xavier Bettel" in set(cited["name"])
