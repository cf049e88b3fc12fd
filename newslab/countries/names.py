"""Rules for every name, demonym and capital hit: when the word is part of another name.

The guideline (data/annotations/COUNTRIES_GUIDE.md) counts a country word only when it
stands for the country (its state, people, teams, territory, or a place in it). It does not
count a country word that is only part of another name, or a currency. The matcher asks
:func:`not_the_country` about every hit of kind name, demonym or capital (institutions,
leaders and organizations are names of their own); fixed phrases that are always another
name ("Real Madrid", "London Irish", "Pole vaulter", "Brit Awards") are blockers in
``blockers.csv`` instead.

1. **Currency units** ("US$10.6 million", "Jamaican $308 million", "Hong Kong dollars",
   "a US dollar bond", "the Brazilian real"; AG News writes the sign "\\$" or "#36;"): the
   country word right before a currency sign or currency name, or right after a dollar
   amount ("$49.40 US"), names the currency, not the country.
2. **Names with a country word inside** (companies, events, prizes, parties, treaties,
   publications: "Australian Open", "Canadian Press", "American Revolution", "Athens
   Olympics", "UK Independence Party", "Panama Canal", "Treaty of Lisbon", "Motion Picture
   Association of America"): the run of capitalized words right after the hit ends in a
   word that heads such a name (:data:`NAME_HEADS`), or such a head stands before the
   run's first "of"/"for" ("Russian Academy of Sciences", "American Chamber of Commerce",
   "Minsk Package of Measures"; "U.S. Agency for International Development" stays, an
   agency is no head), or the hit follows "<Head> of (the)" with such a head before it
   (:data:`OF_HEADS`). National teams still count: "the US Ryder Cup team" (a cup is left
   out of the heads for that reason), but a country word right before "Cup" alone names
   the competition ("the Irish Cup", "the Scottish Cup"), and so does one before a
   lower-case "grand prix" ("the British grand prix"). Not in a Title Case headline,
   where every word is capitalized.
3. **Named agreements and programmes after a capital** ("the Lisbon agenda", "the Minsk
   agreements", "the Doha round", "the Washington consensus"): a capital followed by one of
   :data:`POLICY_WORDS` is the name of what was agreed there, not the government acting
   nor a place where something happens. (A capital followed by a year, "Vienna 2003",
   "Athens 2004", names an event held there, as a tournament or Games; so does a country
   name followed by a year, "Germany 2006".)
4. **A title before the name**: "Miss Peru" (a beauty title), "Mister Universe".
5. **Ethnic groups named by two demonyms**: "Bosnian Serb(s)", "Kosovo Albanian(s)",
   "Bosnian Croat(s)" are people of Bosnia or Kosovo ("Bosnian"/"Kosovo" counts, "Serb" does
   not stand for Serbia); "Turkish Cypriot(s)", "Greek Cypriot(s)" are Cypriots ("Cypriot"
   counts, "Turkish" and "Greek" do not stand for Turkey and Greece); in a sentence that
   names the group so ("Bosnian Serb leaders ... Serb police"), a bare "Serb" is the group.
"""

from __future__ import annotations

import re

from .context import _title_case

#: words that head a name of something other than the country ("Australian Open")
NAME_HEADS = frozenset("""
Open Masters Olympics Games Paralympics Prix GP Championship Championships
Premiership League Marathon Derby Festival Awards Award Prize Prizes Airways Airlines
Telecom Telecommunications Railways Railway Rail Press Party Revolution Canal Agenda
Treaty Protocol Accord Accords Convention Declaration Times Post Herald Tribune Journal
Gazette Mail Daily Corporation Corp Corp. Inc Inc. Ltd Ltd. Plc PLC plc Group Motors
Petroleum Steel Museum Gallery Opera Orchestra Choir Ballet Theatre Theater University
College Academy Institute Society Association Union Unions Federation Consortium Industry
Chamber Club FC Rugby Football Cricket Broadcasting Exchange Mobile Idol Tournament
Trophy Classic Invitational Indoors Rally Tour Fame Music Express Round Consensus
Agreement Agreements Strategy Process Act Package Initiative Fund Foundation Church Cross
Forum Fair Day War Region Oblast Province Strait Basin Dam Metro Hour Project FA Bank
Chambers Labour Conservatives Nationalists Company Library Front Chart Charts
Limited Banks News
""".split())
#: "<Head> of (the) X": a name of an organization, event or treaty ending in a country word
OF_HEADS = frozenset("""
Association Associations Society Church Federation Confederation Chamber League Museum
Party Corporation Company Club Scouts University College Institute Academy Treaty Protocol
Convention Declaration Festival Hall Friends Daughters Sons Knights Guild Tour Championships
Championship Open Prix Rally Cup Miss Order Treaties Agreement Statue
""".split())
#: lower-case words after a capital that make it the name of an agreement or programme
POLICY_WORDS = frozenset("""
agenda treaty treaties protocol protocols accord accords agreement agreements convention
conventions declaration process strategy consensus round development
""".split())
_CURRENCY = re.compile(
    r"[\s-]?(?:\\?\$|#36;|£|€|¥|dollars?\b|pounds?\b|euros?\b|yen\b|yuan\b|renminbi\b|"
    r"rupees?\b|pesos?\b|real\b(?!\s+estate)|reais\b|rand\b|francs?\b|lira\b|liras\b|dinars?\b|"
    r"riyals?\b|rials?\b|dirhams?\b|kron(?:e|a|er|or)\b|zlotys?\b|forints?\b|shekels?\b|"
    r"baht\b|ringgit\b|rupiah\b|naira\b|cedis?\b|shillings?\b|roubles?\b|rubles?\b|"
    r"hryvnias?\b|levs?\b|tenge\b|drams?\b|manat\b|somoni\b|kwacha\b|currency\b)")
_RUN = re.compile(r"(?:[ \t]+(?:(of|and|&|de|the|for)[ \t]+)?"
                  r"([A-Z][\w.'’&-]*|[A-Z]{2,}))")
#: a lower-case event name after a country word: "the British grand prix"
_EVENT_AFTER = re.compile(r"[ \t]+grand[ \t]+prix\b")
_YEAR = re.compile(r"[ \t]+(?:19|20)\d\d\b")
_POLICY = re.compile(r"[ \t]+([a-z]+)\b")
_OF_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]+(?:of|de)[ \t]+(?:the[ \t]+)?$")


def is_currency(text: str, end: int) -> bool:
    """A country word naming a currency: right before a currency sign or name."""
    return bool(_CURRENCY.match(text, end, end + 14))


#: first words of a run that is a name of its own, not one with the hit ("Turkish European
#: Union accession talks", "the US World Cup team")
_OWN_NAMES = frozenset("European EU UN NATO World".split())
_AMOUNT_BEFORE = re.compile(r"(?:\$|#36;)\s?\d[\d.,]*\s$")
#: words after a capital that name the Games held there ("the Athens Olympic champion")
_GAMES = frozenset("Olympic Olympics Paralympic Paralympics Games".split())
_DATE_WORDS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January "
                        "February March April May June July August September October "
                        "November December".split())
#: the word before "Bank" that makes it a central bank ("Swiss National Bank"), not a firm
#: ("China Construction Bank", "Korea First Bank")
_STATE_BANKS = frozenset("National Central Reserve People's".split())
_SIGNS = frozenset("$£€¥\\")
_CURRENCY_INITIALS = frozenset("dpeyrfklzsbnchtm")
_TITLES_BEFORE = frozenset("Miss Mister Mr Mr. Ms Ms. Mrs Mrs.".split())


#: an ethnic group after a country's demonym or name: "Bosnian Serbs", "Kosovo Albanians"
_ETHNIC_AFTER = {"Serb": ("Bosnian", "Kosovo", "Kosovar", "Croatian", "Montenegrin"),
                 "Croat": ("Bosnian",), "Albanian": ("Kosovo", "Kosovar", "Macedonian"),
                 "Muslim": ("Bosnian",)}
_ETHNIC_AFTER.update({k + "s": v for k, v in list(_ETHNIC_AFTER.items())})
#: an ethnic group before a country's demonym: "Turkish Cypriots", "Greek Cypriot leader"
_ETHNIC_BEFORE = re.compile(r"[ \t]+Cypriots?\b")


def _ethnic(text: str, start: int, end: int, bounds) -> bool:
    word = text[start:end]
    before = _ETHNIC_AFTER.get(word)
    if before is not None:
        if text[max(0, start - 12):start].rstrip().endswith(before):
            return True
        # the same group again in the sentence: "Bosnian Serb leaders ... Serb police"
        s0, s1 = bounds(start)
        return any(f"{b} {word.rstrip('s')}" in text[s0:s1] for b in before)
    return word in ("Turkish", "Greek") and bool(_ETHNIC_BEFORE.match(text, end, end + 12))


def not_the_country(text: str, start: int, end: int, kind: str, bounds) -> bool:
    """True when the hit ``text[start:end]`` (of ``kind``) is part of another name or
    names a currency (see the module docstring). ``bounds(pos)`` gives the sentence's
    (start, end). (Cheap character tests come first: this runs on every place hit.)"""
    nxt = text[end:end + 2]
    c1 = nxt[1:2]
    if (nxt[:1] in _SIGNS or c1 in _SIGNS or c1 in _CURRENCY_INITIALS
            or (c1 == "#" and text.startswith("#36;", end + 1))) and \
            _CURRENCY.match(text, end, end + 14):
        return True
    if text[start - 2:start] in ("s ", "r ", ". ") and start >= 2:
        last = text[max(0, start - 12):start].split()[-1:]
        if last and last[0] in _TITLES_BEFORE:
            return True
    if text[start - 2:start - 1].isdigit() and _AMOUNT_BEFORE.search(text, max(0, start - 24),
                                                                     start):
        return True     # "$49.40 US a barrel": the currency after an amount
    if kind == "demonym" and _ethnic(text, start, end, bounds):
        return True
    if c1.isdigit() and kind != "demonym" and _YEAR.match(text, end, end + 6):
        return True
    if kind == "capital" and c1.islower():
        m = _POLICY.match(text, end, end + 16)
        if m and m.group(1) in POLICY_WORDS:
            return True
    s0 = s1 = None
    if c1.isupper() and nxt[:1] in (" ", "\t"):
        s0, s1 = bounds(start)
        run, pos, before_of = [], end, None
        while len(run) < 5:
            m = _RUN.match(text, pos, min(s1, pos + 40))
            if not m:
                break
            if m.group(1) in ("of", "for") and run and before_of is None:
                before_of = run[-1]
            word = re.sub(r"(?:['’]s?|[.,])$", "", m.group(2))
            if word in _DATE_WORDS:
                break   # "in the American League Wednesday": a date ends the name
            run.append(word)
            pos = m.end()
        # the head ends the name ("UK Independence Party"), or stands before its "of"
        # ("Russian Academy of Sciences", "American Chamber of Commerce"); not "US
        # Securities and Exchange Commission", "U.S. Agency for International Development"
        # nor "the French Group Alstom"
        if kind == "capital" and run and run[0] in _GAMES and not _title_case(text, s0, s1):
            return True     # "Athens Olympic 100m silver medallist": the Games held there
        if run[-1:] == ["Bank"] and run[-2:-1] and run[-2] in _STATE_BANKS:
            pass        # "the Swiss National Bank", a central bank: an institution
        elif run and run[0] not in _OWN_NAMES and (
                run[-1] in NAME_HEADS or before_of in NAME_HEADS or run == ["Cup"]) \
                and not _title_case(text, s0, s1):
            return True
    elif c1 == "g" and _EVENT_AFTER.match(text, end, end + 16):
        return True
    if text[start - 3:start] in ("of ", "de ", "he ") and start >= 3:
        before = text[max(0, start - 40):start]
        m = _OF_BEFORE.search(before)
        if m and m.group(1) in OF_HEADS:
            if s0 is None:
                s0, s1 = bounds(start)
            return not _title_case(text, s0, s1)
    return False
