"""The rules' person path (newslab.stance.persons): persons judged by the evaluative words
near them, countries and their leaders never by tone; and the rules added from the round-2
train rows. Sentences written for these tests."""

import pytest

from newslab import stance as st
from newslab.stance.persons import PERSON_THRESHOLD, person_words, target_kind

from .test_stance import one_article


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
    assert r["label"] == "positive" and r["rule"] == "predicate"  # "is ... brilliant"
    r = score("Everyone admired the brilliant and generous Maria Lopez.", "Maria Lopez")
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


def test_an_accuser_person_stays_neutral():
    r = score("Moldova was accused by Maria Lopez of terrible, shameful abuses.", "Maria Lopez")
    assert r["label"] == "neutral" and r["rule"] == "passive-agent", r


def test_in_a_corpus_mentions_never_take_the_person_path():
    """score_mentions: country mentions (names, leaders in office) never reach person-words,
    and neither do the finder's kind="person" mentions (persons=True): they are people of
    the gazetteer (a minister, a former leader), judged with a leader's gates."""
    sents, m = one_article("Critics called Foreign Minister Sergey Lavrov a dishonest, "
                           "shameful liar at a terrible, hated meeting in Poland.")
    for persons in (False, True):
        tab = st.score_mentions(sents, m, method="rules", persons=persons)
        assert len(tab) and not tab["rule"].str.startswith("person-words").any(), tab
        assert (tab["label"] == "neutral").all(), tab


# --- rules added from the round-3 train rows (general causes, own sentences) -------------------

@pytest.mark.parametrize("text,target,rule,trigger", [
    # the noun of an act verb ("repression") and a state phrase that owns an act
    ("They stood with the victims of Moldova's repression.", "Moldova", "noun-agent",
     "repression"),
    ("We seek accountability for the Moldovan government's human rights abuses.",
     "Moldovan", "noun-agent", "abuses"),
    # failing through its own conduct (codebook)
    ("Moldova's government has wasted the aid.", "Moldova", "verb-agent", "wasted"),
    # called on or told to end its conduct
    ("We call on Moldovan authorities to free the detained reporters.", "Moldovan",
     "verb-object", "call on"),
    ("Moldova must immediately release the seized ships.", "Moldova", "verb-agent",
     "release"),
    # "anti-X sanctions" are sanctions on X
    ("Despite the anti-Moldova sanctions, trade went on.", "Moldova", "noun-object",
     "sanctions"),
])
def test_round3_rules_negative(text, target, rule, trigger):
    r = score(text, target)
    assert r["label"] == "negative" and r["rule"] == rule and r["trigger"] == trigger, r


@pytest.mark.parametrize("text,target", [
    ("Moldova will release the report next week.", "Moldova"),
    ("Moldova must not release the seized ships.", "Moldova"),
    ("We call on Monday for the talks in Moldova to go on.", "Moldova"),
])
def test_round3_rules_keep_their_limits(text, target):
    """No modal "must", a negated demand, "call on" with no "to" after the target: the
    demand rules stay out."""
    r = score(text, target)
    assert "told to end" not in r["reason"] and "called on" not in r["reason"], r


@pytest.mark.parametrize("text,target,rule", [
    ("The plan is a terrible, shameful failure, according to Maria Lopez.", "Maria Lopez",
     "speaker"),
    ('"This awful scheme is a disgrace," Tom Baker continued.', "Tom Baker", "speaker"),
    ("Police mourned the brutal killing of Anna Weiss in a violent raid.", "Anna Weiss",
     "victim"),
    ("Anna Weiss's death in a violent, brutal raid shocked everyone.", "Anna Weiss", "victim"),
])
def test_a_source_or_a_victim_is_neutral_whatever_the_tone(text, target, rule):
    r = score(text, target)
    assert r["label"] == "neutral" and r["rule"] == rule, r
    # without the cue, the same words would make the person polar
    total, _ = person_words(text.lower().replace(",", " ").split(), 0, 0)
    assert abs(total) >= PERSON_THRESHOLD


def test_a_person_predicated_by_a_lexicon_word_takes_it_but_a_country_does_not():
    r = score("Tom Baker was reckless.", "Tom Baker")
    assert r["label"] == "negative" and r["rule"] == "predicate", r
    r = score("Tom Baker is not reckless.", "Tom Baker")
    assert r["label"] != "negative", r
    r = score("Peru was reckless.", "Peru")
    assert r["rule"] != "predicate" or r["reason"].find("news lexicon") < 0


@pytest.mark.parametrize("text,target,label", [
    ("Two senators lambasted Tom Baker over the budget.", "Tom Baker", "negative"),
    ("A grand jury indicted Tom Baker on Tuesday.", "Tom Baker", "negative"),
    ("Tom Baker was convicted in March.", "Tom Baker", "negative"),
    ("Comedians mocked Russia on late-night television.", "Russia", "negative"),
    ("The union endorsed Tom Baker for mayor.", "Tom Baker", "positive"),
    ("Tom Baker lambasted the council.", "Tom Baker", "neutral"),  # the critic is not judged
])
def test_criticism_and_prosecution_verbs_judge_their_object(text, target, label):
    assert score(text, target)["label"] == label


def test_a_place_or_a_time_after_a_preposition_takes_no_person_words():
    r = score("Crowds gave a wonderful, joyful, warm welcome in Springfield.", "Springfield")
    assert r["label"] == "neutral" and r["rule"] == "location", r
    r = score("The awful, shameful report was published Wednesday.", "Wednesday")
    assert r["label"] == "neutral", r
    # a possessive pronoun after "in" is the owner of the place, judged by the words near it
    t = "In his awful and shameful speech the mayor insulted voters."
    r = st.score_target(t, 3, 6, method="rules")
    assert r["label"] == "negative" and r["rule"] == "person-words", r
    # after "with" a person is still judged by the words near it
    r = score("Voters were furious and disgusted with Tom Baker.", "Tom Baker")
    assert r["label"] == "negative", r


def test_a_person_arrested_or_fired_is_punished_but_a_country_is_not():
    r = score("Tom Baker was arrested on Friday.", "Tom Baker")
    assert r["label"] == "negative" and r["rule"] == "punished", r
    r = score("The board fired Tom Baker last week.", "Tom Baker")
    assert r["label"] == "negative" and r["rule"] == "punished", r
    r = score("Tom Baker was not arrested.", "Tom Baker")
    assert r["rule"] != "punished", r
    r = score("Police arrested Peru's consul.", "Peru")
    assert r["rule"] != "punished", r


def test_a_persons_standing_in_a_poll_is_own_performance():
    r = score("A new poll shows Tom Baker ahead by six points.", "Tom Baker")
    assert r["label"] == "positive" and r["rule"] == "standing", r
    r = score("In the latest survey Tom Baker trails his rival.", "Tom Baker")
    assert r["label"] == "negative" and r["rule"] == "standing", r
    r = score("Tom Baker walked ahead of the group.", "Tom Baker")  # no poll
    assert r["rule"] != "standing", r


@pytest.mark.parametrize("surface,kind", [
    ("the United States", "country"), ("The United States", "country"),
    ("the White House", "country"), ("the State Department", "country"),
    ("the Russian government", "country"), ("Iran's", "country"), ("Iran’s", "country"),
    ("Maria Lopez's", "other"), ("the government", "other"), ("the Smiths", "other"),
])
def test_target_kind_strips_an_article_and_a_possessive(surface, kind):
    assert target_kind(surface) == kind


@pytest.mark.parametrize("text,target", [
    ("The militants kidnapped and jailed the United States citizens.", "the United States"),
    ("A poll shows the United States trailing China as a travel destination.",
     "the United States"),
    ("A new survey shows the White House trailing on trade.", "the White House"),
    ("Rebels arrested and jailed the Russian government envoys.", "the Russian government"),
    ("A survey has Iran's standing trailing far behind.", "Iran's"),
])
def test_a_country_with_an_article_or_possessive_is_not_judged_as_a_person(text, target):
    r = score(text, target)
    assert r["label"] == "neutral"
    assert r["rule"] not in ("punished", "standing", "person-words", "speaker", "victim")


def test_a_person_target_still_takes_the_person_path():
    r = score("The militants kidnapped and jailed Maria Lopez.", "Maria Lopez")
    assert r["label"] == "negative" and r["rule"] == "punished"
    r = score("A poll shows Maria Lopez trailing her rival.", "Maria Lopez")
    assert r["label"] == "negative" and r["rule"] == "standing"
