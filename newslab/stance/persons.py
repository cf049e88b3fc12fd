"""What a target is (country, leader, pronoun, other) and the ``rules`` path for persons.

:func:`target_kind` tells a country (its name, demonym, capital or institution, from
newslab's gazetteer) from a leader in office, a pronoun and anything else; most NewsMTSC
targets are people ("other", "pronoun", "leader").

Countries keep the neutral-first gates of :mod:`newslab.stance.rules`: the tone of a
clause never makes a country polar, and a leader in office is a country mention (the
codebook's unit: "its leader in office"), so leaders keep those gates too. A person that
is not in the gazetteer (NewsMTSC's targets; in a corpus, the finder's ``kind="person"``
mentions are gazetteer people, a minister or a former leader, and keep a leader's gates)
is judged by what is said about them: where the rules found no act or evaluative word
tied to the target and no neutral cue applies, :func:`person_words` reads the evaluative
words near it (rule ``person-words``): the sum of the news lexicon's valences (VADER plus
the news extension) of the sentence's words outside the target, each weighted
1 / (1 + ``PERSON_DECAY`` x distance in words), polar beyond ``PERSON_THRESHOLD``. The
neutral cues for a person: a dateline, a speaker ("said", "told"; the codebook's rule 5),
the doer of an act the lexicon gives no effect on its doer (an accuser: "accused by
Jones"), and the object of an act the lexicon gives no effect on its object (a victim or
receiver: "attacked Jones", "aid to Jones"), a place or time after "in", "at", "from" ...
("a rally in Iowa"; :data:`PLACE_PREPS`), a day or month as the target ("said Wednesday"),
a person named as the source of words (:func:`source_cue`: "according to Jones", a
quotation then ", Jones continued") and a victim named after a harm noun
(:func:`victim_cue`: "the killing of Jones"). Both constants and the cues were chosen on
NewsMTSC train (never its devtest files).
"""

from __future__ import annotations

from functools import lru_cache

#: weight of an evaluative word d words from a person target: 1 / (1 + PERSON_DECAY * d)
PERSON_DECAY = 0.1
#: ``person-words``: polar when the weighted valence sum is at least this far from zero
PERSON_THRESHOLD = 0.3
#: rules whose neutral is a decision for a person too (the others fall to person_words)
PERSON_NEUTRAL = frozenset(("dateline", "speaker", "verb-object", "passive-object",
                            "noun-object", "verb-agent", "passive-agent", "noun-agent"))
#: target kinds (:func:`target_kind`) that take the person path
PERSON_KINDS = frozenset(("other", "pronoun"))
PRONOUNS = frozenset("he she they him her them his their it its we us our i".split())
#: verbs that attribute a quotation to the person just before them (", Jones continued")
ATTRIBUTION = frozenset("""said says continued continues added adds wrote writes tweeted
tweets explained replied responded asked recalled argued noted insisted concluded quipped
countered posted told remarked observed""".split())
#: tokens that end a quotation or an attributed clause just before an attributed speaker
QUOTE_END = frozenset(['"', "''", "”", "’", ","])
#: words between "according to" and the person it names
_BEFORE_NAME = frozenset("the a an mr mr. mrs mrs. ms ms. dr dr. sen. sen rep. rep gov. gov "
                         "president senator judge".split())


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Lower-case surface -> kind (name, demonym, capital, institution, leader) from the
    countries gazetteer."""
    from ..countries import gazetteer
    g = gazetteer()
    g = g[g["kind"].isin(["name", "demonym", "capital", "institution", "leader"])]
    out = {}
    for surface, kind in zip(g["surface"].astype(str), g["kind"].astype(str)):
        out.setdefault(surface.lower(), kind)
    return out


@lru_cache(maxsize=4096)
def target_kind(target: str) -> str:
    """``country`` (name, demonym, capital, institution), ``leader``, ``pronoun`` or
    ``other`` for a target's surface."""
    raw = target.strip()
    t = raw.lower().replace("’", "'")
    if t in PRONOUNS and not (len(raw) > 1 and raw.isupper()):  # "US" is no pronoun
        return "pronoun"
    kinds = _kinds()
    k = kinds.get(t) or kinds.get(t.rstrip("s")) or kinds.get(t.split()[-1] if t else "")
    if k is None:
        k = _head_kind(t, kinds)
    if k is None:
        return "other"
    return "leader" if k == "leader" else "country"


#: nouns that make a country's name or demonym before them its government ("the Russian
#: government", "Iran's regime"): the country's institution, not a person
GOVERNMENT_NOUNS = frozenset("""government governments administration regime authorities
cabinet ministry parliament military army navy embassy""".split())


def _head_kind(t: str, kinds: dict[str, str]) -> str | None:
    """The gazetteer kind of a lower-cased target once a leading "the" and a trailing
    possessive ("'s", "'") are stripped ("the United States", "Iran's"), or of the name
    or demonym before a government noun ("the Russian government"); None if none."""
    words = t.split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1] in ("'s", "'"):
        words = words[:-1]
    elif words and words[-1].endswith("'s"):
        words[-1] = words[-1][:-2]
    elif words and words[-1].endswith("s'"):
        words[-1] = words[-1][:-1]
    if not words:
        return None
    head = " ".join(words)
    k = kinds.get(head)
    if k is None and len(words) > 1 and words[-1] in GOVERNMENT_NOUNS:
        k = kinds.get(" ".join(words[:-1]))
        if k == "leader":  # "the Putin government" is the country's, not a person's
            k = "institution"
    return k


def _before_title(words: list[str], ti: int) -> int:
    """The index of the word before the target ``words[ti]`` once the article and title
    words right before it (:data:`_BEFORE_NAME`: "the", "Mr", "President") are passed."""
    i = ti - 1
    while i >= 0 and words[i] in _BEFORE_NAME:
        i -= 1
    return i


def source_cue(words: list[str], ti: int, tj: int) -> str:
    """Why a person target is the source of words, not their topic (neutral, the codebook's
    rule 5), or "": "according to X" (``according``) or the speaker of a quotation named
    after it (``", X continued."``, ``attribution``)."""
    i = _before_title(words, ti)
    if i >= 1 and words[i] == "to" and words[i - 1] == "according":
        return "according"
    if ti >= 1 and words[ti - 1] in QUOTE_END and tj + 1 < len(words) and \
            words[tj + 1] in ATTRIBUTION:
        return "attribution"
    return ""


#: harm nouns whose "of X" names a victim, not a wrongdoer ("the killing of Jones"): neutral
VICTIM_NOUNS = frozenset("""death deaths killing killings murder murders shooting shootings
assassination kidnapping abduction beating stabbing poisoning disappearance""".split())


def victim_cue(words: list[str], ti: int, tj: int | None = None) -> bool:
    """The person is the victim named after a harm noun ("the death of Jones") or owning
    one ("Jones's death")."""
    i = _before_title(words, ti)
    if i >= 1 and words[i] == "of" and words[i - 1] in VICTIM_NOUNS:
        return True
    k = (ti if tj is None else tj) + 1
    return k + 1 < len(words) and words[k] in ("'s", "'") and words[k + 1] in VICTIM_NOUNS


#: acts that punish or formally accuse a person acted on ("Jones was arrested", "fired
#: Jones"): the codebook's "accused ... sanctioned or punished" (a country's citizens
#: arrested abroad stay the country's victims: persons only); their effect
PUNISHED = frozenset("""arrested arrest arrests arresting jailed jail imprisoned charged
fired sacked ousted expelled suspended indicted""".split())
PUNISHED_EFFECT = -0.5
#: a person's standing in polls (the codebook's own performance, rule 6): words after the
#: person in a sentence about a poll or survey, and their effect
POLL_WORDS = frozenset("poll polls polling survey surveys".split())
STANDING = {"leads": 0.4, "lead": 0.4, "leading": 0.4, "ahead": 0.4, "edge": 0.3,
            "frontrunner": 0.4, "trails": -0.4, "trailing": -0.4, "behind": -0.4,
            "slipped": -0.4, "slumped": -0.4, "unpopular": -0.5, "popular": 0.4}


def poll_standing(words: list[str], tj: int) -> tuple[float, str]:
    """(effect, word) of a person's standing in a poll: a :data:`STANDING` word up to five
    words after the person in a sentence that names a poll; (0, "") otherwise."""
    if not any(w in POLL_WORDS for w in words):
        return 0.0, ""
    for w in words[tj + 1:tj + 6]:
        if w in STANDING:
            return STANDING[w], w
        if w in (".", ";", "but", "while", "whereas"):
            break
    return 0.0, ""


#: possessive pronouns: "in his tweet" names the tweet's place, not the person's
POSSESSIVES = frozenset("his her their its our my your".split())
#: prepositions whose object is a place or a time, not a person judged ("a rally in X")
PLACE_PREPS = frozenset("in at from near inside within across throughout".split())
#: targets that name a time, never a person ("said Wednesday")
TIME_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday today
tonight yesterday tomorrow january february march april may june july august september
october november december""".split())


def applies(kind: str, rule: str, trigger: str = "", target: str = "") -> bool:
    """Whether a neutral ``rules`` decision of ``rule`` (its ``trigger``) for a target of
    ``kind`` goes on to :func:`person_words` (see the module doc): not after a place
    preposition (``location`` after "in", "at", ...), not for a time."""
    if kind not in PERSON_KINDS or rule in PERSON_NEUTRAL:
        return False
    if rule == "location" and trigger in PLACE_PREPS and \
            target.strip().lower() not in POSSESSIVES:
        return False
    return target.strip().lower() not in TIME_WORDS


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from ..sentiment import get_analyzer
    return get_analyzer("news").lexicon


def predicate_word(word: str) -> float:
    """The effect of an evaluative word predicated of a person ("Jones was reckless"): the
    news lexicon's valence / 4 (VADER's scale), 0 for a word it does not know."""
    v = _lexicon().get(word)
    return max(-1.0, min(1.0, v / 4.0)) if v else 0.0


def person_words(words: list[str], ti: int, tj: int) -> tuple[float, list[tuple[str, float]]]:
    """(weighted valence sum, the evaluative words with their weighted valence, strongest
    first) of the lower-cased ``words`` outside the target ``words[ti..tj]``."""
    lex = _lexicon()
    total, found = 0.0, []
    for i, w in enumerate(words):
        if ti <= i <= tj:
            continue
        v = lex.get(w)
        if not v:
            continue
        d = ti - i if i < ti else i - tj
        x = v / (1.0 + PERSON_DECAY * d)
        total += x
        found.append((w, x))
    found.sort(key=lambda p: -abs(p[1]))
    return total, found
