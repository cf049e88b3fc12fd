"""The rules' person path (newslab.stance.persons): persons judged by the evaluative words
near them, countries and their leaders never by tone; and the rules added from the round-2
train rows. Sentences written for these tests."""

import pytest

from newslab import stance as st
from newslab.stance.persons import PERSON_THRESHOLD, person_words, target_kind


def score(text, target, **kw):
    start = text.index(target)
    return st.score_target(text, start, start + len(target), method="rules", **kw)


@pytest.mark.parametrize("surface,kind", [
    ("Russia", "country"), ("Russian", "country"), ("US", "country"), ("Kremlin", "country"),
    ("he", "pronoun"), ("They", "pronoun"), ("Maria Lopez", "other"),
])
def test_target_kind(surface, kind):
    assert target_kind(surface) == kind


def test_a_person_is_judged_by_the_words_near_it():
    r = score("Critics call Maria Lopez a corrupt and dishonest fraud.", "Maria Lopez")
    assert r["label"] == "negative" and r["rule"] == "person-words"
    assert "dishonest" in r["reason"] and "a person (other)" in r["reason"]
    r = score("Maria Lopez is a brilliant, admired and generous leader.", "Maria Lopez")
    assert r["label"] == "positive" and r["rule"] == "person-words"


def test_a_country_or_its_leader_in_the_same_sentence_stays_neutral():
    """The tone of the clause alone never makes a country or a leader in office polar."""
    r = score("Critics in Peru call the plan a corrupt and dishonest fraud.", "Peru")
    assert r["label"] == "neutral" and r["rule"] == "location"
    assert target_kind("Vladimir Putin") == "leader"
    r = score("At a happy, warm and wonderful gala, guests cheered Vladimir Putin's name.",
              "Vladimir Putin")
    assert r["label"] == "neutral" and r["rule"] != "person-words"


@pytest.mark.parametrize("text,target,rule", [
    ("Maria Lopez said the terrible, corrupt scheme was a disaster.", "Maria Lopez",
     "speaker"),
    ("Thugs attacked Maria Lopez outside her awful, hated office.", "Maria Lopez",
     "verb-object"),
])
def test_person_neutral_cues(text, target, rule):
    r = score(text, target)
    assert r["label"] == "neutral" and r["rule"] == rule, r


def test_person_words_weighs_by_distance():
    words = "she is good".split()
    near, found = person_words(words, 0, 0)
    far, _ = person_words("she is and and and and and and and and good".split(), 0, 0)
    assert near > far > 0 and found[0][0] == "good"
    assert person_words("she is".split(), 0, 0) == (0.0, [])
    assert PERSON_THRESHOLD > 0


# --- rules added from the round-2 train rows (general causes, own sentences) -------------------

@pytest.mark.parametrize("text,target", [
    ("Ministers vowed to hold Moldova accountable for the attack.", "Moldova"),
    ("The allies will keep holding the Moldovan regime accountable.", "Moldovan"),
])
def test_held_accountable_is_blamed(text, target):
    r = score(text, target)
    assert r["label"] == "negative" and r["rule"] == "verb-object" and \
        "accountable" in r["reason"], r


def test_owner_phrase_runs_over_and():
    """"X's premeditated and unprovoked invasion": the act noun after two coordinated
    modifiers is still X's act; "X scientific and engineering achievements" its success."""
    r = score("Leaders met after Moldova's sudden and unprovoked invasion of its neighbour.",
              "Moldova")
    assert r["label"] == "negative" and r["rule"] == "noun-agent", r
    r = score("The show displays Moldovan scientific and engineering achievements.", "Moldovan")
    assert r["label"] == "positive" and r["rule"] == "evaluative-word", r
