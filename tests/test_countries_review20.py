"""Country mentions, session 20 review: four rules of this session (a work's title after a
word for a work, a prize's name before "awards", a capital starting a longer name, a
company word before a country) dropped true mentions in ordinary news sentences. The
reviewer's sentences (invented) and more like them must keep the country word itself;
the twins below pin what each rule was written for."""

import pytest

from newslab.countries import mentions_in_text
from tests.test_countries_real import found


def surfaces(text):
    return list(mentions_in_text(text)["surface"])


@pytest.mark.parametrize("text, word", [
    # "shows", "show" and "single" as a verb and an adjective, an office after the hit
    ("The video shows Chinese President Xi Jinping at the summit.", "Chinese"),
    ("Footage shows Israeli Prime Minister Benjamin Netanyahu in the hall.", "Israeli"),
    ("Polls show British Prime Minister Rishi Sunak trailing badly.", "British"),
    ("The photo shows US President Joe Biden on the stage.", "US"),
    ("Not a single American Soldier was hurt in the attack.", "American"),
    ("The film Russian President Vladimir Putin banned was shown abroad.", "Russian"),
    ("The photos show Peruvian Troops crossing the river.", "Peruvian"),
    ("The video shows Chinese Officials at the border post.", "Chinese"),
    ("The BBC will film British Troops in the desert.", "British"),
    # "awards" as a verb, a state body awarding
    ("The Kenyan Government awards scholarships to poor students.", "Kenyan"),
    ("The French Defence Ministry awards contracts to three firms.", "French"),
    ("The US Navy awards a $2bn contract to a shipyard.", "US"),
    ("The Russian Army awards medals to its soldiers.", "Russian"),
    ("The Chilean Government awards prizes to its best schools.", "Chilean"),
    # a capital, then a name, in news style without a comma
    ("In Kabul Taliban fighters patrolled the streets.", "Kabul"),
    ("In Baghdad Shia leaders met on Friday.", "Baghdad"),
    ("In Nairobi Kenyatta told reporters the vote was fair.", "Nairobi"),
    ("From Beijing Xinhua reported the news an hour later.", "Beijing"),
    ("The deal gives Tehran Billions in frozen funds.", "Tehran"),
    ("At Moscow Airport Officials checked every bag.", "Moscow"),
    ("Kabul Taliban fighters patrolled the streets.", "Kabul"),
    # a country after a company or body word that starts a clause of its own
    ("In an interview with Amnesty International Iran was accused of torture.", "Iran"),
    ("Speaking at the Foundation Germany's ambassador said little.", "Germany"),
    ("The Minister of Energy Russia's Alexander Novak spoke first.", "Russia"),
    ("Bank Indonesia raised rates.", "Indonesia"),
    ("After talks with Acme Entertainment Japan said it would sign.", "Japan"),
])
def test_review20_sentences_keep_their_mention(text, word):
    assert word in surfaces(text)


@pytest.mark.parametrize("text, expected", [
    # what the rules were written for still holds
    ("She starred in the animated series American Dad for years.", set()),
    ("They watched the BBC film Russian Ark last night.", set()),
    ("Her new album Peruvian Songs sold well.", set()),
    ("He hosted the Scottish Book awards ceremony in May.", set()),
    ("She won at the US Vibe awards, her label said.", set()),
    ("They stayed at the Nairobi Serena Hotel for a week.", set()),
    ("The mayor's Lisbon Council met on Monday.", set()),
    ("Cairo Melvin Amador, a judge, was sworn in.", set()),
    ("A report by Acme Entertainment America was read out.", set()),
    ("Sales at Acme Software Japan rose in the spring.", set()),
    ("In 2004 Acme Entertainment America was sold to a rival.", set()),
    ("Amnesty International Iran researcher Ali Rezai said so.", set()),
])
def test_review20_rules_still_hold(text, expected):
    assert found(text) == expected
