"""Country mentions: every country an article refers to, by name, demonym, capital,
institution or leader.

``find_mentions(sentences, articles)`` -> the ``mentions`` table (see ``newslab.schema``):
one row per mention with ``article_id, sentence_id, start, end, surface, iso3, country,
kind``; ``start``/``end`` are offsets into ``articles.text`` like the sentences table, and
``kind`` is one of ``name, demonym, capital, institution, leader, person, organization``.

What is found
    Every ISO 3166-1 entity (names and codes from pycountry) plus Kosovo (``XKX``), under
    its short, official and former names, news spellings and abbreviations ("U.S.", "UK",
    "DRC"), demonyms ("Russian", "Emirati"), capitals and seats of government used as
    metonyms ("Moscow", "Kyiv"/"Kiev"), institutions ("the Kremlin", "Downing Street") and
    leaders ("Putin", "Zelenskyy"). Organizations that act like countries (NATO, EU, UN,
    OSCE, ...) are found too, with ``kind="organization"`` and their short code (``NATO``)
    in the ``iso3`` column; :func:`countries_only` drops them, and every count and the
    evaluation leave them out.

Leaders are dated
    ``leaders.csv`` holds who held which office from ``start`` (inclusive) to ``end``
    (exclusive; empty = still in office). A leader's name counts for their country only on
    dates inside a term: "Biden" is USA in 2021 but nothing in 2015, and "Clinton" is
    USA through Bill in 1995 and through Hillary (secretary of state) in 2010. Dates come
    from ``articles.date`` (or ``mentions_in_text(date=...)``); when the date is missing
    (NaT/None) the dates are ignored and the most recent office holder with that name wins
    (preferring one whose reading is the country).

Leaders count only acting for the state (``leaders.py``)
    In office, a head of state or government counts as the country only when the text shows
    them acting for it (a title, a speaker label, a verb of speaking, meeting or deciding,
    an act noun: "Putin signed", "Mr Blair's government", "Putin's war"); otherwise, and
    always for officials who are not head of state or government (a foreign minister), the
    mention is kept with ``kind="person"`` and the leader's country in ``iso3``: a party
    politician, a candidate in an election campaign (even with the title), a former or
    ousted leader, a wife ("Mrs Blair"), and in undated text a name that also held a lower
    office without a head's title ("Gordon Brown" the chancellor). :func:`countries_only`,
    the counts, :func:`countries_in_text` and the evaluation leave persons out unless
    ``persons=True``.

Other names and currencies (``names.py``)
    A country word that is part of another name (a club, company, event, party, treaty,
    prize, body: "Australian Open", "UK Independence Party", "the Lisbon agenda", "the
    Russian Academy of Sciences", "the Scottish Cup"), that names a currency ("US$10m",
    "the Swiss franc", AG News's "US\\$", "a $150 million US charge"), that is part of an
    ethnic group's name ("Bosnian Serbs", "Turkish Cypriots"), of a pair's event or body
    ("the U.S.-ASEAN Special Summit", "the Peru-Chile Strategic Dialogue"), of an event
    held in a capital ("the Moscow film festival"), of a species or breed ("German
    shepherd"), a programme or a quoted title, an event named by a country or city ("the
    Iraq war", "the Madrid train bombings"), a heritage compound ("French-Canadian") is
    not a mention; nor is a language ("in Polish while ...", "practising my Portuguese",
    "professor of French", ``context.py``), a cuisine ("Indian take-aways"), a city's stock
    exchange ("the Lisbon stock exchange"), a company or body that ends in a country
    ("Fuji Photo Film USA", "Amnesty International UK"), a surname ("Oliver Irish, editor
    of ..."), "America" the continent among other
    continents, or a seat of government that is not the capital (The Hague) as a mere
    place. "the Commons" and "the Supreme Court" (with an American cue) named alone are
    institutions (``context.py``); so is "the federal government" for the US, with an
    American cue. "Brussels" is Belgium's capital as a place or dateline and the EU's seat
    (an organization) when it acts. A national team named by its nickname ("the All
    Blacks") counts. Session 23 added a pair's body ("the Peru-Chile Joint Commission"),
    an agency's national office ("UNICEF-Peru"), eponymous products ("a Swiss army
    knife"), constituencies ("Dublin West"), a UK nation's compass region ("South Wales"),
    "Middle England", the White House as an election's prize, "the occupied territories"
    (PSE), and a longer place name rejected as part of a name takes its tail along ("the
    Guild of Great Britain": no "Britain"); see ``names.py`` rules 15-16.

The outlet's own state (``home.py``, the one article-level rule)
    In an article of a government's own site (``outlets.csv``: state.gov, en.kremlin.ru,
    ...; read from ``articles.outlet``, or ``outlet=`` of :func:`mentions_in_text`), "the
    Department", "the President" and a "Bureau" named without their country are that
    state's institutions; in any other article they are left alone.

How it matches (fast, one pass)
    One Aho-Corasick automaton (pyahocorasick) holds every spelling of every surface form
    (:func:`variants`: as written, in capitals, title-cased, either apostrophe, hyphen or
    space) and runs case-sensitively over the text, so case does the first disambiguation:
    "US" but never the pronoun "us", "Turkey" but not "turkey", "China" but not "fine china",
    and the all-capitals dateline "WASHINGTON —" is Washington. A hit must sit on word
    boundaries ("Niger" is not in "Nigeria"; "Russia's" and "U.S.-Russia" hit). Overlapping
    hits resolve to the leftmost longest ("Papua New Guinea", "Guinea-Bissau", "South
    Sudan", "Democratic Republic of the Congo"). Blockers (``blockers.csv``: "New Mexico",
    "Michael Jordan", "Washington state", "Paris Hilton", ...) take part in that resolution
    and are then dropped, so they silence the shorter name inside them. A few surface forms
    carry a context rule (the ``rule`` column of the data files; every one-word leader name
    gets ``person``); each rule is explained where it is defined below.

Data files (``newslab/data/countries/*.csv``, plain CSV a researcher can read and extend)
    ``canonical.csv`` display names and extra entities; ``names.csv`` news spellings,
    abbreviations and former names; ``demonyms.csv``; ``capitals.csv``;
    ``institutions.csv``; ``organizations.csv``; ``leaders.csv`` (iso3, name, surfaces
    separated by ``|``, role, start, end); ``blockers.csv``. Append rows to a file, or pass
    rows at run time: ``find_mentions(sentences, articles, extra=[{"surface": "Kyiv
    Independent", "iso3": "UKR", "kind": "institution"}])`` (a DataFrame works too).
    :func:`gazetteer` shows the combined table.

Where things live
    ``data`` (the data files -> :func:`gazetteer`), ``context`` (the named context rules,
    each explained), ``leaders`` (acting for the state or a person), ``names`` (other
    names, currencies), ``inside`` (a country word inside a longer name read as a whole:
    an organisation's head anywhere in it, a capital after a first name or a club's word,
    a capital as a club, a day named after countries), ``home`` (the outlet's own state's
    bodies), ``heads`` (the word lists those
    rules read), ``titles`` (titles of works), ``matcher`` (the Aho-Corasick
    :class:`Matcher`, :func:`variants`),
    ``mentions`` (:func:`find_mentions`, :func:`mentions_in_text`, :func:`countries_in_text`,
    counts), ``stage`` (the pipeline stages ``mentions_stage`` and ``attention_stage``).
    Gold reading and evaluation: ``newslab.evaluation.countries``.
"""

from .context import RULES
from .data import BLOCK, KINDS, country_names, gazetteer
from .matcher import Matcher, matcher, variants
from .mentions import (count_by_article, count_by_country, countries_in_text, countries_only,
                       find_mentions, mentions_in_text)
from .stage import attention_stage, mentions_stage

__all__ = ["BLOCK", "KINDS", "Matcher", "RULES", "attention_stage", "count_by_article",
           "count_by_country", "countries_in_text", "countries_only", "country_names",
           "find_mentions", "gazetteer", "matcher", "mentions_in_text", "mentions_stage",
           "variants"]
