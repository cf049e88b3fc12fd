"""Criticism aimed at a country ("a swipe at X") needs "at" or "against": "a shared aim with
X" or "a dig with X's help" is no criticism (review of session 21). Sentences written here."""

import pytest

from newslab.stance import score_target


def _score(text, target):
    i = text.index(target)
    return score_target(text, i, i + len(target), method="rules")


@pytest.mark.parametrize("text,target", [
    ("Their shared aim with Norway is a lasting calm along the coast.", "Norway"),
    ("Chile shares the same aim with Peru on fishing quotas.", "Peru"),
    ("The museum began a dig with Egypt last spring.", "Egypt"),
])
def test_aim_or_dig_with_a_country_is_not_criticism(text, target):
    r = _score(text, target)
    assert r["score"] >= 0, r


@pytest.mark.parametrize("text,target", [
    ("The minister took a swipe at Norway over its fishing quotas.", "Norway"),
    ("Critics took aim at Peru for the delay.", "Peru"),
    ("Voters were furious with Chile after the vote.", "Chile"),
])
def test_criticism_aimed_at_a_country_stays_unfavourable(text, target):
    r = _score(text, target)
    assert r["score"] < 0, r
