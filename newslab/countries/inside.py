"""A country word inside a longer name, or standing for a club (session 21).

The guideline (data/annotations/COUNTRIES_GUIDE.md) does not count a country word that is
only part of another name (an organisation, a club, an event, a person) and does not count
a capital that stands for its club or for a race held there. ``names.not_the_country``
reads the words right after a hit and a few fixed shapes; the matcher asks
:func:`inside_name` next, about every hit of kind name, demonym or capital, with these
general tests:

1. **An organisation's head anywhere in the name**: the run of capitalized words after the
   hit holds a word that only heads the name of an organisation (:data:`ORG_HEADS`:
   University, College, Institute, Academy, School, Society, Association, Club, Museum,
   Airlines, Hospital, ...), even when the run goes on into a person's name ("the Dean
   of the Quito Andean Polytechnic University Marta Ibarra", "the Kenya Wildlife Society
   chairman"); ``names`` only looked at the run's last word. State bodies (Ministry,
   Agency, Council, Bank, ...) are not in the list: "the US Federal Reserve Bank" stays.
2. **A capital after a plain capitalized word** (no title, function word, country word,
   weekday or month; the sentence's first word only when it is no plural, participle or
   adverb) is the second half of a name: a person's ("the pitcher Jose Lima"), a club's
   ("Partizani Tirana", "Dynamo Kiev"), a company's ("Mitsubishi Tokyo"), an event's ("the
   Tennis Masters Madrid"); not after a word that names a part of the city or a post there
   (:data:`CITY_BEFORE`: "East Jerusalem", "Greater London", "U.S. Embassy Kabul"), nor
   after a word that cannot start a name there (:func:`_name_before`): a news agency after
   a verb of speech ("an aide told Tass Hanoi would ..."), a possessive, a creed or regime
   word ("the Marxist Quito rebels", "a Soviet Riga"), a sentence adverb ("Later Lima ...").
3. **A capital as a club, by the verb's number**: a capital followed by a plural verb
   as the subject of its clause (first in the sentence, or after "the way", "when", "as",
   ...: "fans admire the way Lisbon defend", "as Lisbon were set to kick off") is a team, as
   British English writes clubs; not after a preposition, an adjective or in a list ("shops
   in central London were", "Tokyo and Beijing were": the places).
4. **A holiday or year named after countries**: a hit inside "the Day of ..." or "the Year
   of ..." spelt in capitals up to the hit ("the Day of Harmony of the Nations of X and
   Y", "the Year of Culture of X"), the day's name (the third reading of round 5).
5. **A genocide or civil war named by its country**: a demonym or name right before a
   lower-case "genocide" or "civil war" ("the 1994 Rwandan genocide", "the second Liberian
   civil war"), the event's name as "the Iraq war" (``names``, rule 10); not "the Russian
   war of aggression" (the state's war: only these two nouns).

Session 22:

6. **Events held in a list of places**: a place word that opens or sits in a list of
   capitalized words ending in a plural event head ("the Oslo, Lima and Quito
   Marathons", "the Danish and Irish Opens"; "the Iraq and Afghanistan wars" for a name, a
   war named by its country as rule 10 of ``names``); and a capital right before a
   lower-case "event(s)" or "race(s)" ("last spring's Oslo event"), the event held there
   as "the Vienna tournament" (``names``; not a country: "the only UK race").
7. **A surname in a team's line-up**: a country name that is a whole item of a
   comma-separated list in a sentence that also holds a substitution ("Hale (Moss 64)")
   or "Subs" is a player's surname ("..., Perry, Holland, Young, ..."); a list of countries
   has no substitutions.
"""

from __future__ import annotations

import re

from .context import _prev_word, _title_case, plain_word
from .names import _DATE_WORDS

#: words that head an organisation's name wherever they stand in the run after the hit
#: (only organisations: no state body, event, document or publication)
ORG_HEADS = frozenset("""
University Universities College Institute Academy School Schools Society Association Club
Museum Museums Gallery Airlines Airways Hospital Conservatoire Conservatory Orchestra
Choir Ballet Foundation Polytechnic Seminary
""".split())
#: words before a capital that keep it the city: its parts, and the missions posted there
CITY_BEFORE = frozenset("""
East West North South Central Greater Inner Outer Downtown Old New Metropolitan Embassy
Consulate Mission Hello Dear Welcome Thanks Beautiful Historic Occupied Divided
""".split())
_RUN_WORD = re.compile(r"[ \t]+(?:(?:of|the|for|and|&)[ \t]+)?([A-Z][\w.'’&-]*)")
#: the capitalized word right before a hit, a whole word ("the pro-Nazi Kiev regime": no)
_CAP_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-z][\w'’-]*) $")
#: words before a capital that are no part of a name: sentence adverbs, regime words
_NOT_NAME_BEFORE = frozenset("""
Later Earlier Instead Soon Still Then Now Meanwhile Yet Also Today Tonight Tomorrow
Yesterday Again Here There Thus Hence However Otherwise Elsewhere Moreover Overall
Separately Finally Once Next Last Nevertheless Nonetheless Indeed Anyway Besides
Soviet Taliban Tsarist Imperial Junta Regime Baath Revolutionary Republican Democratic
""".split())
#: a verb of speech right before the word (a news agency as its object: "told Reuters")
_SPEECH_BEFORE = frozenset("told tells telling said says informed according to".split())


def _name_before(text: str, pos: int, w: str) -> bool:
    """Can the capitalized word ``w`` (ending at ``pos``) be the first half of a name?"""
    if w in _NOT_NAME_BEFORE or w.endswith(("'s", "’s", "ist", "ists")):
        return False
    return _prev_word(text, pos - len(w)).lower() not in _SPEECH_BEFORE


#: a plural verb right after a capital: a club (British English gives clubs plural verbs)
_PLURAL_VERB = re.compile(r" (?:play|are|were|have|do|don't|want|face|meet|host|beat|need|"
                          r"lead|trail)\b"
                          r"(?! been (?:chosen|named|selected|picked))")
#: words before such a capital that open a clause whose subject it is ("the way Madrid
#: play", "when Madrid were"); any other word before it (a preposition, an adjective, "and"
#: in a list: "shops in central London were", "Tokyo and Beijing were") leaves the place
_SUBJECT_BEFORE = frozenset("way when while as but because if after before until since "
                            "though although then why how whether".split())
#: "genocide" or "civil war" after a country word: the event's name
_EVENT_AFTER = re.compile(r" (?:genocide|civil war)\b(?! (?:in|on|against)\b)")
#: "the Day of ..." / "the Year of ..." up to the hit, only capitalized and small words
_DAY_OF = re.compile(r"\b(?:Day|Days|Year|Week|Month)[ \t]+of[ \t]+"
                     r"(?:(?:[A-Z][\w'’-]*|the|of|and|between|for|with)[ \t]+){1,8}$")
#: any organisation head (a cheap search before the run is read word by word)
_ORG_ANY = re.compile(r"\b(?:" + "|".join(sorted(ORG_HEADS)) + r")\b")
#: the words a day's name starts with (a cheap search before :data:`_DAY_OF`)
_DAY_WORD = re.compile(r"(?:Day|Year|Week|Month)s? of ")


#: the rest of a list of capitalized words ending in a plural event head (rule 6); the
#: list itself may hold other place words ("the Oslo, Lima and Quito Marathons")
_LIST_EVENT = re.compile(r"(?:,[ \t]+[A-Z][\w'’.-]*|,?[ \t]+(?:and|or|&)[ \t]+[A-Z][\w'’.-]*)"
                         r"{0,5}[ \t]+(?:Marathons|marathons|Opens|Masters|Games|Olympics|"
                         r"Grands[ \t]+Prix|Grand[ \t]+Prix|grands[ \t]+prix|Championships|"
                         r"festivals|Festivals|tournaments|Tournaments|summits|Summits|"
                         r"(?P<war>wars|Wars))\b")
#: the first letters after a space that :data:`_LIST_EVENT` can go on with (a cheap test)
_LIST_INITIALS = frozenset("ao&MOGCgfFtTsSwW")
#: a lower-case event noun right after a capital: the event held there (rule 6)
_EVENT_NOUN = re.compile(r" (?:events?|races?|half-marathons?)\b")
#: a substitution in a line-up ("Hale (Moss 64)") or its "Subs" (rule 7); not a numbered
#: part of a text or a thing ("(Article 5)", "(Resolution 242)", "(Flight 12)")
_LINEUP = re.compile(r"\((?!(?:Article|Resolution|Section|Chapter|Rule|Paragraph|Clause|Annex|"
                     r"Page|Item|Figure|Table|Point|Part|Phase|Level|Grade|Class|Flight|"
                     r"Room|Route|Box|Vol|No)\b)[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?[ \t]\d{1,3}(?:[ \t]?mins?)?\)|"
                     r"\bSubs\b")
#: a whole one-word item of a comma list: ", Holland," / ", Holland (" / ", Holland."
_ITEM_AFTER = re.compile(r"(?:,|\.?$|[ \t]\(|\.[ \t])")


def _org_in_run(text: str, end: int, s1: int) -> bool:
    pos, n = end, 0
    while n < 5:
        m = _RUN_WORD.match(text, pos, min(s1, pos + 40))
        if not m:
            return False
        if m.group(1) in ORG_HEADS:
            return True
        pos, n = m.end(), n + 1
    return False


def inside_name(text: str, start: int, end: int, kind: str, bounds, words) -> bool:
    """True when the hit ``text[start:end]`` (of ``kind``: name, demonym or capital) is part
    of a longer name or stands for a club (the module docstring); ``bounds(pos)`` gives the
    sentence's (start, end), ``words`` the matcher's one-word surface forms."""
    c1 = text[end + 1:end + 2]
    after_space = text[end:end + 1] == " "
    if after_space and c1.isupper() and _ORG_ANY.search(text, end, end + 80):
        s0, s1 = bounds(start)
        if _org_in_run(text, end, s1) and not _title_case(text, s0, s1):
            return True     # "Quito Andean Polytechnic University Marta Ibarra"
    if kind == "capital" and text[start - 1:start] == " " and \
            not text[start:end].isupper():
        m = _CAP_BEFORE.search(text, max(0, start - 30), start)
        if m and m.group(1) not in CITY_BEFORE and m.group(1) not in _DATE_WORDS:
            s0, s1 = bounds(start)
            w = m.group(1)
            # (the sentence's first word only when it cannot open a clause of its own:
            # "Jose Lima pitched", not "Officials Kabul", "Speaking Tuesday")
            if (m.start() > s0 or not w.endswith(("s", "ing", "ed", "ly"))) and \
                    plain_word(w.lower(), words) and _name_before(text, m.end(1), w) and \
                    not _title_case(text, s0, s1):
                return True     # "Jose Lima", "Partizani Tirana": a name's second half
    if kind == "capital" and after_space and c1.islower() and \
            _PLURAL_VERB.match(text, end, end + 20):
        s0 = bounds(start)[0]
        before = _prev_word(text, start) if start - s0 > 1 else ""
        if not before or before.lower() in _SUBJECT_BEFORE:
            return True     # "the way Lisbon defend": a club
    if kind != "capital" and c1 in ("g", "c") and after_space and \
            _EVENT_AFTER.match(text, end, end + 24):
        return True     # "the Rwandan genocide", "the Liberian civil war": the event
    if (after_space and c1 in _LIST_INITIALS) or text[end:end + 1] == ",":
        m = _LIST_EVENT.match(text, end, end + 120)
        if m and (m.group("war") is None or kind == "name") and \
                not _title_case(text, *bounds(start)):
            return True     # "the Oslo, Lima and Quito Marathons": the events
    if kind == "capital" and after_space and c1 in ("e", "r", "h") and \
            _EVENT_NOUN.match(text, end, end + 16):
        return True         # "last spring's Oslo event": the event held there
    if kind == "name" and text[start - 2:start] == ", " and \
            _ITEM_AFTER.match(text, end, end + 2):
        s0, s1 = bounds(start)
        if _LINEUP.search(text, s0, s1):
            return True     # "..., Perry, Holland, Young, ...": a player's surname
    w90 = text[max(0, start - 90):start]
    if ("Day" in w90 or "Year" in w90 or "Week" in w90 or "Month" in w90) and \
            text[start - 1:start] == " " and _DAY_WORD.search(w90):
        s0 = bounds(start)[0]
        m = _DAY_OF.search(text, max(s0, start - 90), start)
        if m is not None and not _title_case(text, s0, bounds(start)[1]):
            return True     # "the Day of Harmony of the Nations of Peru and ...": a day
    return False
