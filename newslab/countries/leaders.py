"""When a leader's name stands for the country, and when it names a person.

The guideline (data/annotations/COUNTRIES_GUIDE.md, issue 12): a leader counts as the
country only **in office** (the dates of ``leaders.csv``) and only as **head of state or
government acting for the state**: speaking, meeting, deciding for it. Otherwise the
mention is kept with ``kind="person"`` (and the leader's country in ``iso3``, which speaker
attribution uses), and it is left out of country counts and stance unless asked for
(``countries_only(..., persons=True)``).

- Officials who are not head of state or government (``role`` other than the heads' roles
  below: a foreign minister, Secretary of State) are always persons.
- A head of state or government is the country when the text shows them acting for it:
  1. a head-of-office title stands right before the name ("President Putin", "Prime
     Minister Tony Blair", "Chancellor Scholz" for a chancellor; "President of Russia
     Vladimir Putin"), also a monarch's or cleric's title that is part of the surface form
     ("King Abdullah II", "Pope Francis");
  2. the name opens a transcript speaker label ("Vladimir Putin: Thank you.");
  3. within the same clause after the name (past "and <other name>", auxiliaries and
     adverbs) comes an act of state: a verb of speaking, meeting or deciding ("said",
     "met", "signed", "urged", ...), or the name (possessive or not) heads an act noun
     ("Bush's proposals", "the Biden administration", "Putin's visit");
  4. right before the name stands a word that makes them a party to an act ("met Putin",
     "talks with Putin", "told Blair", "a visit by Chirac", "an aide to Putin", "his
     Israeli counterpart, Ariel Sharon", "sanctions imposed on Saddam Hussein").
- And never, whatever the verbs, when the name is preceded by another office's title
  ("Chancellor Gordon Brown" for a prime minister: a chancellor of the exchequer; "Senator
  Clinton"; "former President ...", "ousted", "toppled"; another body's office: "the
  Unity Organization chief X", "the Workers Party leader X"), or by a woman's title before a
  man's name ("Mrs Blair" is his wife; :data:`WOMEN` lists the women leaders), or when the
  sentence is about their party or private life (re-election, a candidate, a campaign,
  their party, family, a wedding, their health, a memorial, losing trust): "Tony Blair's
  Labour conference row", "Bush as a re-election candidate"; party politics anywhere in
  the sentence (a party's MPs, conference or activists, a gathering of the centre-left)
  override even the title
  ("Prime Minister Tony Blair said Labour MPs would welcome him"); the name's party right
  after it overrides even the title ("Prime Minister Sharon's Likud Party"). An
  election campaign (re-election, a challenger, an election rival, swing states, voters, a
  presidential debate, the next or general election, an election victory) overrides even
  the title: "President Bush and his rival, Senator John Kerry, clashed" is a candidate; a
  "military campaign" is no election campaign, and congratulations on a re-election are an
  act of state. A lead or a gap in the polls (opinion polls, pollsters) is a campaign too.
  A leader who receives birthday greetings is a private person ("the president's warm
  birthday greetings to Prime Minister X": the president acts, X does not), even with the
  title; "New Labour" in the sentence is party politics (not "the New Labour government").
- Undated text (no article date) cannot say which office a name held. When a name also
  held an office below head of state or government (a row of ``leaders.csv`` with another
  role: Gordon Brown, at the Treasury in 1997-2007 and then prime minister; Nicolas
  Sarkozy, minister), it counts undated only with a head's title, an apposition, a speaker
  label or a state noun ("Prime Minister Gordon Brown", "the Clinton administration");
  "Gordon Brown said the budget ..." is a person. Dated text uses the terms.
- Session 23 (round 7's errors and a reading of real text), each a person even with the
  title: a run-off ("a run-off pitting Prime Minister X against ..."); an earlier office
  said before the name ("In his years as Crown Prince, X ...", "when he was foreign
  minister"); the leader's absence ("a region without X"; "without X's approval" stays the
  act); the leader's own party after the name in its clause ("Prime Minister X begins
  steering his party"); the leader's own fate ("the death of X", "X's condition", "X
  died", "ailing X"); a regnal number not the leader's own ("Queen Elizabeth I"); the
  leader as a political target ("a political alternative to President X"); a private act
  right after the name ("Prime Minister X bought two copies of the single"). A head's
  title in odd capitals ("prime Minister") is still one.

- Session 24 (round 8's errors), each a person: seats fought for in an election anywhere in
  the sentence ("Prime Minister X and the opposition leader will target key marginal
  seats"), a vote on removing the leader ("a recall vote ... keeping President X in
  office"), the years in opposition ("an aide to X while he was the opposition leader"),
  "ex-" joined to the title ("ex-President X", as "former President X"), a contest won
  against the leader ("a convincing victory over President X"). Narrowed in the review:
  "ex-" before a title or capitalized words only ("Ex-soldiers told President X" acts);
  the victory only for the name right after it, not its forces; a recall vote on another
  office holder ("against the governor") is no campaign of the head's.

What this cannot see: an act of state told without any of these words, and a head of
government speaking as party leader with a plain "said" (counted as the country).
"""

from __future__ import annotations

import re

#: roles of leaders.csv that are head of state or government
HEAD_ROLES = frozenset({"president", "prime minister", "chancellor", "premier", "king",
                        "queen", "supreme leader", "pope", "head of state", "leader",
                        "president or prime minister", "prime minister then president",
                        "president then prime minister", "crown prince and prime minister",
                        "emir", "sultan"})

_HEAD_TITLE = re.compile(
    r"(?:\b(?:President|Pres\.|[Pp]rime\s+[Mm]inister|PM|Premier|King|Queen|Pope|Emperor|Emir|"
    r"Sultan|Supreme\s+Leader|Ayatollah|Crown\s+Prince|Sheikh|Colonel|Chancellor|"
    r"president|prime\s+minister|premier)s?"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.'’]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w.'’]*){0,4})?,?"
    r"(?:\s+(?:Mr|Mrs|Ms|Mr\.|Mrs\.|Ms\.))?\s+$)")
# other offices, and words that put the person out of office or out of the state's role
_OTHER_TITLE = re.compile(
    r"(?:\b(?:Secretary|Minister|Senator|Sen\.|Governor|Gov\.|Mayor|Rep\.|Representative|"
    r"Congressman|Congresswoman|candidate|nominee|challenger|rival|Vice|vice|former|"
    r"Former|ex-|Ex-|late|the\s+late)"
    r"(?:\s+(?:of\s+State|[A-Z][a-z]+)){0,2}\s+$)")
_APPOSITION = re.compile(
    r",\s+(?:the\s+|[A-Z][\w.]*\s+){0,3}?(?:[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]remier|"
    r"[Cc]hancellor|[Kk]ing|[Qq]ueen|[Ss]upreme\s+[Ll]eader|[Ee]mir|head\s+of\s+state)\b")
#: how far (characters, within the sentence) the party or private-life words are looked for
_CONTEXT = 50
_LABEL_NOTE = re.compile(r"\s?\([^()]{1,80}\):")
#: a lower-case word before a name with a colon, since the sentence or the last utterance
#: began ("... asked about the harvest… Ivan Petrov: Give me the figures."): no speaker label
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")
_LABEL_START = re.compile(r"(?:.*[.…!?\n\"”])?", re.S)
_FORMER = re.compile(r"(?i)(?:\b(?:former|ex-|late|ousted|deposed|toppled|exiled|jailed)\s+"
                     r"(?:\w+\s+){0,3}|"
                     # (session 24) "ex-President X": the prefix joined to the title; (review)
                     # only a title or capitalized words after it, not "Ex-soldiers told
                     # President X", "an ex-minister said President X signed"
                     r"(?<![\w-])ex-(?:(?-i:[A-Z][\w.'’]*)\s+|(?:prime|minister|president|"
                     r"premier|chancellor|leader|pm|king|queen|emir|sultan)\s+){1,3})$")
#: the words the title patterns start with (lower case)
_TITLE_WORDS = frozenset("""
president pres. prime minister pm premier king queen pope emperor emir sultan supreme leader
ayatollah crown prince sheikh colonel chancellor secretary senator sen. governor gov. mayor
rep. representative congressman congresswoman candidate nominee challenger rival vice
former ex- late ousted deposed toppled exiled jailed
""".split()) | {"ex-president", "ex-prime", "ex-premier", "ex-leader"}
#: a woman's title before a man's name: his wife ("Mrs Blair" is Cherie Blair)
_SPOUSE = re.compile(r"\b(?:Mrs|Ms|Madam|Madame|Lady)\.?\s+$")
#: the title words a surface of leaders.csv may open with ("King Abdullah II"); not
#: "Sheikh", which is part of a name ("Sheikh Hasina")
_TITLED_NAMES = ("King ", "Queen ", "Pope ", "Emir ", "Sultan ", "Ayatollah ")
#: an office of another body right before the name: a party's, a movement's, an
#: organisation's chief ("the Unity Organization chief X", "the Front's leader" is no
#: match: only the body's last capitalized word, then the office); such a head of state or
#: government to be (or once) acts for that body here, not for the state
_ORG_OFFICE = re.compile(r"\b(?:Organi[sz]ation|Party|Front|Movement|Union|Federation|"
                         r"Association|Committee|League|Bank|Fund|Corporation|Company|Group)"
                         r"\s+(?:[Cc]hief|[Cc]hairman|[Cc]hairwoman|[Hh]ead|[Ll]eader|[Bb]oss|"
                         r"[Ss]ecretary[- ][Gg]eneral|[Pp]resident)\s+$")
_ORG_OFFICE_ENDS = frozenset(w[-1] + " " for w in ("chief", "chairman", "chairwoman", "head",
                                                   "leader", "boss", "general", "president"))
#: leaders (``leaders.csv`` names) who are women, for whom "Mrs"/"Ms" is their own title
WOMEN = frozenset({"Theresa May", "Liz Truss", "Elizabeth II", "Angela Merkel", "Dilma Rousseff",
                   "Park Geun-hye", "Giorgia Meloni", "Tsai Ing-wen", "Salome Zourabichvili",
                   "Maia Sandu", "Claudia Sheinbaum", "Sanae Takaichi", "Yulia Svyrydenko",
                   "Hillary Clinton", "Annalena Baerbock", "Megawati Sukarnoputri",
                   "Gloria Macapagal Arroyo", "Helen Clark", "Jacinda Ardern", "Sheikh Hasina",
                   "Ana Brnabić", "Chandrika Kumaratunga", "Dina Boluarte", "Ingrida Šimonytė",
                   "Kaja Kallas", "Khaleda Zia", "Magdalena Andersson", "Mette Frederiksen",
                   "Mia Mottley", "Najla Bouden", "Samia Suluhu Hassan", "Sanna Marin",
                   "Tarja Halonen", "Vjosa Osmani", "Xiomara Castro", "Yulia Tymoshenko",
                   "Zuzana Čaputová"})
#: an election campaign around the name: a head of state or government running for office is
#: a candidate even with the title ("pulling President Bush and rival John Kerry to the
#: state", "the re-election of President Bush")
_CAMPAIGN = re.compile(
    r"(?i)\bre-?elect|\bcampaign(?:ing|ed|ers?)\b|\bcampaign\s+(?:trail|rally|stops?|ads?)\b|"
    r"\b(?:election|presidential|get-out-the-vote)\s+campaign|\bcandidat|\bnominee\b|"
    r"\bchallenger\b|\b(?:Democratic|Republican|election|presidential)\s+rival|"
    # a run-off between candidates ("a run-off pitting Prime Minister X against ...")
    r"\brun-?offs?\b|\bpitting\b|\bhead-to-head\b|"
    r"\brival,?\s+(?:Sen\.|Senator|John|candidate)|\bswing\s+states?\b|\brunning\s+mate\b|"
    r"\bvoters?\b|\b(?:presidential|televised|TV|election)\s+debates?\b|"
    r"\b(?:opinion\s+|some\s+|the\s+|in\s+)polls\b|\bpollsters?\b|"
    r"\b(?:presidential|White\s+House)\s+(?:race|contest)\b|\bbattleground\b|"
    r"\b(?:next|general|presidential)\s+elections?\b|\belection[- ](?:year|day|victory|win|"
    r"defeat|battle|race|night)\b|"

    r"\b(?:wins?|won|winning|loses?|lost|losing)\s+(?:the\s+)?"
    r"(?:next\s+|general\s+)?elections?\b|\bvictory\s+for\s+(?:President\s+)?\w+\s+in\b")
#: party politics around the name, which override even a head's title: "Prime Minister
#: Tony Blair ... welcomed by Labour MPs", "Tony Blair is to address a conference of
#: centre-left leaders" (a party's MPs, conference, members or activists; a gathering of
#: the centre-left or centre-right); not "the Labour government", "his centre-right
#: government" (the state)
_PARTY_POLITICS = re.compile(
    r"\b(?:Labour|Tory|Tories|Conservative|Lib\s+Dem|Liberal\s+Democrat|Democratic|"
    r"Republican|Likud|Socialist)\s+(?:MPs|MEPs|party\s+(?:conference|members|activists)|"
    r"(?:party\s+)?conference|members|activists|backbenchers|rebels|faithful|grassroots)\b|"
    r"\bparty\s+(?:conference|members|activists|faithful|rally)\b|"
    r"\b(?:centre|center)[- ](?:left|right)\b(?!\s+(?:government|coalition|administration|"
    r"cabinet))|"
    # the party's name of the Blair years ("the central purpose of New Labour")
    r"New\s+Labour\b(?!\s+(?:government|administration|cabinet|ministers?))")
#: one of these strings is in every sentence :data:`_PARTY_POLITICS` matches (a cheap test
#: before the regex)
_PARTY_CUES = ("MPs", "MEPs", "onference", "members", "activists", "backbenchers", "rebels",
               "faithful", "grassroots", "rally", "centre", "center", "Labour")
#: a birthday in the sentence ("birthday", any case: found with two plain searches): the
#: leader who receives the greetings is a private person ("the president's warm birthday
#: greetings to Prime Minister Lopez"); the sender acts
_RECIPIENT = re.compile(r"\b(?:to|congratulated|congratulates|wished|wishes|greeted)\s+"
                        r"(?:(?:[A-Z][\w.'’-]*|of|the)\s+){0,8}$")
#: the name's party right after it ("Sharon's Likud party", "Mr Blair's Labour Party")
_PARTY_AFTER = re.compile(r"(?:['’]s|\s?#39;s)\s+(?:[A-Z][\w-]*\s+){0,2}[Pp]arty\b"
                          r"(?!\s+(?:administration|government|coalition))")
#: a party's nominee or challenger: a rival in an election ("the Democratic nominee")
_PARTY_RIVAL = re.compile(r"\b(?:Democratic|Republican|opposition|party['’]s)\s+(?:presidential\s+)?"
                          r"(?:nominee|challenger)\b")
#: campaign words that count anywhere in the sentence (:func:`_campaign`; substrings, the
#: first letter left out for both cases)
_CAMPAIGN_ANYWHERE = ("attleground", "wing state", "unning mate", "ampaign trail",
                      "lectoral vote", "opular vote",
                      # (session 24) seats fought for in an election ("will target key
                      # marginal seats"), a vote on removing the leader ("a recall vote")
                      "arginal seat")
#: (session 24) a vote on removing the leader ("a recall vote"), anywhere in the sentence;
#: (review) not one on removing another office holder ("the recall vote against the
#: governor", "a recall referendum on the mayor")
_RECALL = re.compile(r"\b[Rr]ecall\s+(?:vote|referendum|election|ballot)s?\b(?!\s+(?:against|"
                     r"on|of|to\s+(?:oust|remove))\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
                     r"(?:[a-z]+\s+){0,2}(?:governors?|mayors?|senators?|lawmakers?|legislators?|"
                     r"deput(?:y|ies)|council(?:l?ors?)?|officials?|judges?|prosecutors?|"
                     r"congress(?:man|woman|men|women)|assembly|members?)\b)")
#: substrings one of which every match of _CAMPAIGN holds (lower case)
_CAMPAIGN_KEYS = ("elect", "campaign", "candidat", "nominee", "challenger", "rival", "swing",
                  "running", "voter", "debate", "race", "contest", "battleground", "poll",
                  "run-off", "runoff", "pitting", "head-to-head")
#: (session 24) a contest won against the leader, right before the name ("a convincing
#: victory over President X"); (review) only the name it is won over, not another leader
#: in the sentence ("President Y hailed the victory over President X"), nor the name's
#: forces ("the victory over Mr X's forces": a war)
_OVER_BEFORE = re.compile(r"\b(?:victory|win|lead)\s+over\s+(?:(?:President|Prime\s+Minister|"
                          r"Premier|Mr\.?)\s+)?$")
#: (session 23) the name in an office it held before, said before it: "In his years as
#: Crown Prince, X ...", "when he was foreign minister, X", "as then-deputy premier": the
#: person then, not the head acting now (a head's own title after "as" does not count)
_EARLIER_OFFICE = re.compile(
    r"(?i)\b(?:his|her)\s+(?:time|tenure|years|days|stint|service|career)\s+as\s+(?:the\s+)?"
    r"(?!(?:president|prime\s+minister|premier|chancellor|king|queen|emir|sultan|head\s+of|"
    r"leader|head\s+of\s+state)\b)|"
    r"\b(?:when|while)\s+(?:he|she)\s+(?:was|served\s+as)\s+(?:the\s+|a\s+)?(?:crown\s+prince|"
    r"vice[- ]president|deputy|foreign|defen[cs]e|finance|interior|governor|mayor|senator|"
    r"minister|secretary|opposition|party)|\bthen-(?:crown|vice|deputy|foreign|defen|finance|"
    r"governor|mayor|senator|minister|secretary|opposition)")
#: (session 23) the leader's absence or succession right before the name: "a Middle East
#: without X", "the post-X era": the person, not the state acting ("without Putin's
#: approval", a possessive after it, stays the act)
_ABSENT_BEFORE = re.compile(r"(?:\bwithout|\bpost-)\s*(?:(?:Mr|Mrs|Ms|President|Prime\s+Minister|"
                            r"Chairman)\.?\s+)?$")
#: ... but an event that needs the leader is about his state's part in it (the guide: a
#: head in office acting for the state): "the summit cannot succeed without President X"
_NEEDS_BEFORE = re.compile(r"(?i)\b(?:succeed|proceed|work|go\s+ahead|happen|take\s+place|"
                           r"move\s+forward|be\s+(?:reached|signed|agreed|held|settled))\s+"
                           r"without\s+\S+(?:\s+\S+)?\s*$")
#: (session 23) the leader's own fate, the person's: "the death of X", "X's condition",
#: "X died", "ailing X", "X's funeral" (the name's own; not "X mourned the death of ...")
_FATE_BEFORE = re.compile(r"(?i)(?:\b(?:death|funeral|burial|illness|health|condition|body|"
                          r"grave|tomb|widow|legacy|passing|demise|mourning|successor)\s+of\s+"
                          r"(?:the\s+)?(?:late\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}|\bailing\s+"
                          r"(?:[A-Za-z][\w'’-]*\s+){0,3})$")
_FATE_AFTER = re.compile(r"(?:['’]s|\s?#39;s)\s+(?:(?:sudden|untimely|failing|poor|declining|"
                         r"deteriorating|frail|recent|state|own)\s+)?(?:(?:death|funeral|burial|"
                         r"illness|body|grave|tomb|widow|legacy|passing|demise|doctors|"
                         r"coma|deathbed|successors?|hospital|bedside)\b|"
                         # (not a policy: "X's health reform", "X's medical research budget")
                         r"(?:health|medical|condition)\b(?!\s+(?:reforms?|care|polic(?:y|ies)|"
                         r"plans?|bills?|budgets?|research|spending|services?|insurance|system|"
                         r"programm?es?|ministers?|secretar(?:y|ies)|agenda|laws?|initiatives?|"
                         r"cuts|overhaul|schools?|education|aid|supplies|staff)\b))|"
                         r"\s+(?:died|dies|has\s+died|had\s+died|was\s+buried|is\s+dying|"
                         r"lay\s+dying|lies\s+in|fell\s+into)\b")
#: (session 23) a regnal number after the name that is not the leader's own: "Queen
#: Elizabeth I", "King George V" (another monarch of that name, not the one in office)
_REGNAL_AFTER = re.compile(r" ([IVX]{1,5})\b(?![.'’-])"
                           # (not the pronoun: "President X I believe will veto it")
                           r"(?!(?<= I)\s+(?:believe|think|know|hope|guess|suppose|expect|fear|"
                           r"feel|reckon|understand|trust|doubt|mean|am|was|have|had|will|"
                           r"would|can|could|must|should|do|did|said|say|told|want|agree)\b)")
_NUMERAL_INITIALS = frozenset("IVX")
#: substrings (lower case) one of which every match of _RIVAL_BEFORE / _EARLIER_OFFICE holds
_RIVAL_KEYS = ("rival", "alternative", "opponent", "challenger", "opposition")
_EARLIER_KEYS = (" as ", "when ", "while ", "then-")
#: (session 23) the leader as a political target: "a political alternative to President
#: X", "political opponents of Mr X", "a rival to X" (the person in politics)
_RIVAL_BEFORE = re.compile(r"(?i)\b(?:political\s+(?:alternative|opponents?|rivals?|challengers?|"
                           r"opposition)|rivals?|challengers?)\s+(?:of|to)\s+"
                           r"(?:(?:President|Prime\s+Minister|Premier|Mr|Mrs|Ms)\.?\s+)?"
                           r"(?:[A-Z][\w.'’-]*\s+)?$")
#: (session 23) a private act right after the name: "Prime Minister X bought two copies of
#: the single", "X went shopping" (a private person, even with the title)
_PRIVATE_AFTER = re.compile(r"\s+(?:has\s+|had\s+)?(?:(?:bought|buys|purchased|purchases)\s+"
                            # (a private purchase: "bought three tickets", not "bought 24
                            # fighter jets" nor "bought time")
                            r"(?:(?:a|an|the|his|her|some|two|three|four|five|six|\d{1,2}|new|"
                            r"several)\s+)?(?:[a-z]+\s+)?(?:tickets?|copies|copy|house|home|"
                            r"car|suits?|books?|presents?|gifts?|flowers|lunch|dinner|drinks?|"
                            r"pints?|shoes|clothes|painting|records?|CDs?|singles?|album|dog|"
                            r"puppy|horse|farm|flat|apartment|cottage|ranch|villa|boat|bikes?|"
                            r"ice\s+creams?|sandwich(?:es)?|coffees?|souvenirs?)|went\s+"
                            r"shopping|goes\s+shopping|jogged|jogs|golfed|holidayed|"
                            r"holidaying|vacationed|vacationing|celebrated\s+(?:his|her)\s+"
                            r"(?:birthday|wedding|anniversary))\b")
#: (session 23) the leader's own party after the name in its clause: "Prime Minister X begins
#: steering his party through ...", "X told her party ...": the party leader, even titled
_OWN_PARTY = re.compile(r"[^.;:!?]{0,60}?(?<!\bby )(?<!\bof )\b(?:his|her)\s+(?:own\s+)?"
                        r"(?:[A-Z][\w-]*\s+)?party\b"
                        # (not "backed by his party's left": the party's part acting on him)
                        r"(?!['’]s?\s+(?:government|administration|coalition|left|right|"
                        r"wing|rebels?|critics|backbenchers|support|backing))")
_CONGRATULATE = re.compile(r"(?i)congratulat|greetings|condolence|best\s+wishes")
_PAIR_STATE = re.compile(r"[-–][A-Z][\w]+\s+(?:[Aa]dministration|[Gg]overnment)\b")
_PARTYS = re.compile(r"\bparty['’]s\b(?!\s+initiative)")
_CHANCELLOR = re.compile(r"\bChancellor(?:\s+of\s+the\s+Exchequer)?\s+$")
_PERSON_CONTEXT = re.compile(
    r"(?i)\bre-?elect|\belection\s+campaign|\bcampaign(?:s|ing|ed|er)?\b|\bcandidat|"
    r"\bnominee\b|\bchallenger\b|\bprimar(?:y|ies)\b|\bmanifesto|\bparty\s+(?:conference|"
    r"leader|members|activists|faithful)|\bLabour\b(?<!of Labour)|"
    r"\bTor(?:y|ies)\b|\bConservatives?\b|"
    r"\bLib\s+Dems?\b|\bLiberal\s+Democrats?\b|\bDemocrats?\b|\bRepublicans?\b|\bGOP\b|"
    r"\bvoters?\b|\bconstituen|\bwife\b|\bhusband\b|\bwidow|\bdaughter\b|\bson\b|"
    r"\bmemoir|\bbiograph|\bfuneral\b|\bmemorial\b|\bbirthday\b|\bholiday\b|"
    # private life and health ("Blair's heart scare", "his daughter's wedding")
    r"\bwedding\b|\bhoneymoon\b|\bvacation\b|\bsurgery\b|\bhospital(?:ised|ized)?\b|"
    r"\bheart\s+(?:condition|scare|problem|procedure)|\billness\b|\bprivate\s+life\b|"
    r"\bsuccessor\b|\bsuccession\b|"
    r"\brivalry\b|\brelationship\b|\btrust\b|\bstand\s+(?:aside|down)\b|\bstep\s+down\b|"
    r"\bcontender\b|\bpoll(?:s|ing)?\b|\bconstituency\b")
#: a leader's party or own succession, or a leader not yet in office, anywhere in the
#: sentence of a name without a head's title: "Mr Hale said the rail plan was central
#: to Labour's pitch", "... asked when he might stand aside" (the party leader, a person;
#: a titled name or an apposition is read before this)
#: (the British parties' possessives only for a British head: "Sharon asked Labour's
#: leader to join him" is Israel's Labour, not his party)
_UK_PARTY = re.compile(r"\b(?:Labour|Tory|Tories|Conservatives)['’]s?\s+(?!government|"
                       r"administration|cabinet|ministers?)")
_PARTY_SENTENCE = re.compile(r"\bmanifesto\b|"
                             # (session 24) the years in opposition, before the office
                             # ("an aide to X while he was the opposition leader")
                             r"\b(?:when|while)\s+(?:he|she)\s+was\s+(?:the\s+)?(?:leader\s+of"
                             r"\s+the\s+opposition|opposition\s+leader|in\s+opposition)\b|"
                             r"\b(?:stand|standing|step|stepping)\s+(?:down|aside)\b|"
                             r"\bsuccess(?:or|ion)\b")
#: not yet in office, said of the name itself: "President-elect X" right before it, or
#: "-elect"/"next leader" after it with no other name between ("X was confirmed on Monday
#: as the country's next leader"); not "Hale met Chile's President-elect Ivan Petrov"
_ELECT_BEFORE = re.compile(r"-elect\s+$")
_ELECT_AFTER = re.compile(r"(?:[^A-Z.;]|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
                          r"Saturday|Sunday)\b)*?(?:-elect\b|\bnext\s+(?:leader|president|"
                          r"prime\s+minister|premier)\b)")


def _not_yet_in_office(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    return _ELECT_BEFORE.search(text, max(s0, start - 12), start) is not None or \
        _ELECT_AFTER.match(text, end, min(s1, end + 80)) is not None
_ACT_WORDS = frozenset("""
said says say saying told tells telling met meets meeting signed signs visited visits
visiting announced announces urged urges called calls warned warns insisted insists pledged
pledges promised promises agreed agrees rejected rejects ordered orders vowed vows offered
offers proposed proposes spoke speaks speaking declared declares accused accuses welcomed
welcomes condemned condemns thanked thanks hosted hosts hosting discussed discusses held
holds stressed stresses noted notes emphasized emphasised emphasizes emphasises expressed
expresses added adds asked asks demanded demands threatened threatens decided decides decreed
arrived arrives travelled traveled travels flew addressed addresses explained explains
reaffirmed reaffirms confirmed confirms replied replies responded responds mentioned mentions
laid reiterated reiterates congratulated congratulates invited invites received receives
appointed appoints approved approves vetoed vetoes sent sends wrote writes launched launches
unveiled unveils inaugurated inaugurates opened opens resigned dismissed dismisses sacked
nominated nominates granted grants pardoned awarded awards instructed instructs tasked
chaired chairs attended attends participated participate participates took takes wants
wanted believes hopes expects intends plans refused refuses denied denies admitted admits
acknowledged acknowledges praised praises criticised criticized criticises criticizes blamed
blames defended defends backed backs supported supports opposed opposes allowed allows
agree sign meet visit announce urge warn pledge promise order offer propose speak declare
welcome condemn host discuss hold stress express ask demand decide arrive travel address
explain reaffirm confirm reply respond reiterate congratulate invite receive appoint approve
veto send launch unveil open attend participate take want refuse deny admit praise criticise
criticize blame defend back support oppose allow sought seeks seek stated states claimed
claims argued argues suggested suggests signalled signaled signals recalled recalls
issued issues imposed imposes lifted lifts authorised authorized authorizes authorises
returned returns left leaves made makes gave gives presented presents answered answers
informed informs provided provides assured assures briefed briefs outlined outlines urging
pressing pressed presses
insisting warning vowing pledging telling underscored underscores underlined underlines
highlighted highlights appreciated appreciates wished wishes exchanged toured tours
reminded reminds pointed points shared shares extended extends raised raises unleashed
conveyed conveys convey hails commended commends ratified ratifies
presided presides greeted greets conferred confers
""".split())
_ACT_NOUNS = frozenset("""
government administration cabinet visit visits trip talks call calls remarks statement
statements speech address decree decrees order orders policy policies proposals proposal
plan plans reforms reform inauguration decision decisions offer letter message envoy
spokesman spokeswoman spokesperson aide aides adviser advisers advisor office ministers
regime invitation veto approval request warning threat pledge promise budget programme
program initiative meeting meetings summit delegation forces troops army military security
officials orders conversation phone telephone meeting administration's government's
war wars invasion aggression assault exchange appointment appointments contacts
consultations negotiations diplomacy
""".split())
#: nouns right after the name that make it the state whatever the sentence says about parties
_STATE_NOUNS = frozenset("administration government cabinet regime decree veto".split())
#: titles of courtesy before the name ("said Mr Blair", "talks with Mr Putin")
_HONORIFICS = frozenset("Mr Mrs Ms Dr Mister".split())
#: a possessive on the state noun ("the Bush administration's policy")
_POSS_END = re.compile(r"['’]s?$")
_POSS_AFTER = re.compile(r"['’]s?\b| ?#39;s")
#: before "Mr <name>," at the start of a sentence or of an address ("Please go ahead, ")
_ADDRESS_BEFORE = re.compile(r"(?:^|[:,]\s*|^\W*)Mr\.?\s+$")
#: words of an address that follows "Mr <name>," ("Mr Macron, could you ...")
_SECOND_PERSON = re.compile(r"(?i)\b(?:you|your|I|we|my|please|thank|friends|colleagues)\b")
#: verbs of speech inverted before "Mr <name>" at the end of a clause ("..., said Mr Blair.")
_SPEECH = frozenset("said says added argued insisted stressed noted warned explained "
                    "replied told asked".split())
#: words before "Mr <name>" that make them a party to an act ("talks with Mr Putin")
_WITH_HONORIFIC = frozenset("with met meet meets meeting told visited thanked invited "
                            "received urged asked briefed telephoned phoned".split())
#: "<act> of <name>": the head asked, invited or ordered ("At the suggestion of Ivan
#: Petrov, the minister toured the port ...", "at the invitation of ...", "on behalf of ...")
_OF_ACTS = frozenset("request invitation initiative behalf proposal suggestion instruction "
                     "instructions orders".split())
#: "<word> to <name>": the name is party to an act
_TO_BEFORE = frozenset("""
aide aides adviser advisers advisor envoy envoys letter message appeal ambassador spokesman
spokeswoman spokesperson visit call talked spoke wrote said sent reported reports
""".split())
_VICE = re.compile(r"\b[Vv]ice[ -][Pp]resident,?\s+$")
#: "<word> on/against <name>": measures against the state in the person of its head
_ON_BEFORE = frozenset({"imposed", "sanctions", "embargo", "pressure", "ultimatum"})
#: how many words after the name (in its clause) may hold the act word
_WINDOW = 10
_ACT_BEFORE = frozenset("""
with by from for between met meet meets meeting told tell urged thanked invited received
congratulated asked asking urging briefed hosted welcomed joined telephoned called phoned
visited informed assured counterpart counterparts
""".split())
_CLAUSE_END = re.compile(r"[.;:!?\"“”()\[\]—–]|,\s")
_WORD = re.compile(r"[A-Za-z][\w'’\-]*|\S")


def _words_after(text: str, end: int, s1: int, n: int = 14) -> list[str]:
    chunk = text[end:min(s1, end + 9 * n)]
    m = _CLAUSE_END.search(chunk)
    if m:
        chunk = chunk[:m.start()]
    return _WORD.findall(chunk)[:n]


def _partys(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    """"his party's attitude" near the name (:data:`_CONTEXT` characters), not "at the
    Iranian party's initiative" (the Kremlin's word for a side in talks)."""
    m = _PARTYS.search(text, max(s0, start - _CONTEXT), min(s1, end + _CONTEXT + 12))
    return m is not None and m.start() < end + _CONTEXT


def _campaign(text: str, start: int, end: int, s0: int, s1: int) -> bool:
    """An election campaign around the name (:data:`_CAMPAIGN`, 80 characters either side;
    a battleground or swing state, a running mate, the campaign trail, the electoral or
    popular vote or a party's nominee or challenger anywhere in the sentence), unless the
    sentence congratulates on the election won ("Putin congratulated Macron on his
    re-election": a head of state's act)."""
    if "over " in text[max(s0, start - 40):start] and \
            _OVER_BEFORE.search(text, max(s0, start - 40), start) and \
            text[end:end + 2] not in ("'s", "’s"):
        return _CONGRATULATE.search(text, s0, s1) is None
    window = text[max(s0, start - 80):min(s1, end + 80)]
    low = window.lower()
    if not (any(k in low for k in _CAMPAIGN_KEYS) and _CAMPAIGN.search(window)):
        # the unmistakable words of a campaign anywhere in the sentence ("President Hale
        # toured ... a swing state his aides call close")
        sent = text[s0:s1]
        if not (any(w in sent for w in _CAMPAIGN_ANYWHERE) or
                ("ecall " in sent and _RECALL.search(sent)) or
                (("nominee" in sent or "hallenger" in sent) and _PARTY_RIVAL.search(sent))):
            return False
    return _CONGRATULATE.search(text, s0, s1) is None


def _earlier_office(text: str, start: int, s0: int) -> bool:
    """An earlier office said before the name in the name's own clause: "then-foreign
    minister" right before it (not before another name: "after meeting then-foreign
    minister Y, President X ..."), "when he was finance minister, X" with no other clause
    or name between."""
    m = _EARLIER_OFFICE.search(text, max(s0, start - 80), start)
    if m is None:
        return False
    between = text[m.end():start]
    if m.group(0).lower().startswith("then-"):
        # the then-title runs straight into the name (lower-case title words only)
        return re.fullmatch(r"[\w-]*(?:\s+[a-z][\w-]*){0,3}\s+(?:(?:Mr|Mrs|Ms)\.?\s+)?",
                            between) is not None
    # one clause break at most between the office and the name (its own clause)
    return between.count(",") <= 1 and ";" not in between


def acting_for_state(text: str, start: int, end: int, s0: int, s1: int, role: str,
                     name: str, *, titled_only: bool = False, woman: bool = False,
                     iso3: str = "GBR") -> bool:
    """Does the head of state or government named at ``text[start:end]`` (in the sentence
    ``text[s0:s1]``) stand for the state here? See the module docstring. ``titled_only``:
    only a head's title, an apposition or a speaker label will do (an undated text, and a
    name that also held another office); ``woman``: the leader is a woman (``WOMEN``);
    ``iso3``: the leader's country (the British parties' possessives count only for a
    British head)."""
    before = text[max(s0, start - 60):start]
    if (text[end:end + 1] == ":" or _LABEL_NOTE.match(text, end, end + 90)) and \
            not _LOWER_WORD.search(text, _LABEL_START.search(text, s0, start).end(), start):
        return True       # a transcript speaker label ("Vladimir Putin: Thank you.",
        #                   "Vladimir Putin (on the budget): ...", "PRIME MINISTER X:"); not
        #                   a quotation after a verb ("she recalled warning Mr Hale: ...")
    if not woman and _SPOUSE.search(before):
        return False      # "Mrs Blair": his wife
    if text[end + 1:end + 2] in _NUMERAL_INITIALS:
        r = _REGNAL_AFTER.match(text, end, end + 24)
        if r and not name.endswith(" " + r.group(1)):
            return False  # "Queen Elizabeth I": another monarch
    # (cheap substring tests first: these run on every leader hit)
    low = text[max(s0, start - 80):start].lower()
    if (any(k in low for k in _RIVAL_KEYS) and
            _RIVAL_BEFORE.search(text, max(s0, start - 70), start)) or \
            _PRIVATE_AFTER.match(text, end, min(s1, end + 40)):
        return False      # "a political alternative to President X", "X bought two copies"
    if _FATE_AFTER.match(text, end, min(s1, end + 40)) or \
            (("of " in low or "ailing" in low) and
             _FATE_BEFORE.search(text, max(s0, start - 60), start) and
             not _POSS_AFTER.match(text, end, end + 6)):
        return False      # "the death of X", "X's condition worsened": the person's fate
        #                   (not "as a condition of X's support": his state's support)
    if (any(k in low for k in _EARLIER_KEYS) and _earlier_office(text, start, s0)) or \
            (("without" in low or "post-" in low) and _ABSENT_BEFORE.search(before) and
             not _POSS_AFTER.match(text, end, end + 6) and
             not _NEEDS_BEFORE.search(text, max(s0, start - 80), start)):
        return False      # "In his years as Crown Prince, X", "a region without X"
    if "party" in text[end:min(s1, end + 80)] and _OWN_PARTY.match(text, end, min(s1, end + 90)):
        return False      # "Prime Minister X begins steering his party": the party leader
    if text[start - 2:start] in _ORG_OFFICE_ENDS and _ORG_OFFICE.search(before):
        return False      # "the Unity Organization chief X": another body's office
    # (the title patterns only run when a title word is among the last words before)
    titled = not _TITLE_WORDS.isdisjoint(w.lower().rstrip(",") for w in before.split()[-7:])
    # a monarch's or cleric's title written as part of the name ("King Abdullah II", "Pope
    # Francis" in leaders.csv) is the title before the name
    head_title = (titled and _HEAD_TITLE.search(before)) or name.startswith(_TITLED_NAMES)
    if titled:
        if _VICE.search(before):
            return False  # "As vice president, Biden ..."
        if _CHANCELLOR.search(before) and "chancellor" not in role:
            return False  # a chancellor of the exchequer, not the head of government
        if _OTHER_TITLE.search(before) and not head_title:
            return False
        if _FORMER.search(before):
            return False
    if (text.find("irthday", s0, s1) >= 0 or text.find("IRTHDAY", s0, s1) >= 0) and \
            _RECIPIENT.search(text, max(s0, start - 80), start):
        return False      # "... birthday greetings to Prime Minister X": a private person
    if _PARTY_AFTER.match(text, end, min(s1, end + 80)):
        return False      # "Prime Minister Sharon's Likud Party": the party leader
    if any(text.find(w, s0, s1) >= 0 for w in _PARTY_CUES) and \
            _PARTY_POLITICS.search(text, s0, s1) and _CONGRATULATE.search(text, s0, s1) is None:
        return False      # "... welcomed by Labour MPs", "a conference of centre-left leaders"
    if head_title or _APPOSITION.match(text, end, min(s1, end + 60)):
        # "Prime Minister Tony Blair", "Ariel Sharon, the Israeli Prime Minister, ...";
        # not a president running for re-election
        return not _campaign(text, start, end, s0, s1)
    # the possessive ("Putin's visit", "Mr Blair’s government") is read past
    poss = re.match(r"['’]s?| ?#39;s", text[end:end + 6])
    words = _words_after(text, end + (poss.end() if poss else 0), s1, 24)
    if words and _POSS_END.sub("", words[0].lower()) in _STATE_NOUNS or \
            _PAIR_STATE.match(text, end, min(s1, end + 40)):
        return True       # "the Bush administration", "Mr Blair's government", "the
        #                   Biden-Harris administration"
    if titled_only:
        return False      # undated "Gordon Brown" (chancellor, later prime minister)
    if (_PERSON_CONTEXT.search(text, max(s0, start - _CONTEXT), min(s1, end + _CONTEXT))
            or _partys(text, start, end, s0, s1) or _campaign(text, start, end, s0, s1)
            or _PARTY_SENTENCE.search(text, s0, s1)
            or (iso3 == "GBR" and _UK_PARTY.search(text, s0, s1))
            or _not_yet_in_office(text, start, end, s0, s1)) \
            and _CONGRATULATE.search(text, s0, s1) is None:
        return False      # (congratulations on a re-election or a birthday are acts of state)
    i = 0
    # past "and <Other Name>" (coordinated heads: "Biden and Putin met")
    if i < len(words) and words[i] == "and":
        j = i + 1       # (also past a title: "and President of the French Republic Macron")
        while j < len(words) and (words[j][:1].isupper() or
                                  (words[j] in ("of", "the") and j + 1 < len(words)
                                   and words[j + 1][:1].isupper())):
            j += 1
        if j > i + 1:
            i = j
    # an act word or act noun among the next words of the clause
    for w in words[i:i + _WINDOW]:
        w = w.lower().rstrip("'’")
        if w in _ACT_WORDS or w in _ACT_NOUNS:
            return True
    prev = re.findall(r"[A-Za-z]+", before)
    if prev and prev[-1] in _HONORIFICS:
        # past "Mr": "..., said Mr Blair." (the verb inverted, the name ends the clause),
        # "talks with Mr Putin", "told Mr Zelensky"; not "He said Mr Blair had ...",
        # "a choice between Mr Blair and ...", "taken for granted by Mr Blair"
        w = prev[-2].lower() if len(prev) > 1 else ""
        if (w in _SPEECH and _CLAUSE_END.match(text, end + (poss.end() if poss else 0))) \
                or w in _WITH_HONORIFIC:
            return True
        # addressed in a meeting: "Mr Macron, could you ...", "Please go ahead, Mr Mishustin."
        if text[end:end + 1] == "." or (text[end:end + 1] == "," and (
                before.rstrip().endswith((":", ": Mr", ":Mr")) or
                _SECOND_PERSON.search(text, end, min(s1, end + 50)))):
            return _ADDRESS_BEFORE.search(before) is not None
        return False
    if prev and (prev[-1].lower() in _ACT_BEFORE or prev[-1].lower() in _ACT_WORDS):
        return True
    if len(prev) > 1 and prev[-1] == "of" and (prev[-2].lower() in _STATE_NOUNS or
                                               prev[-2].lower() in _OF_ACTS):
        return True       # "the government of Ivan Petrov", "at the invitation of X"
    if len(prev) > 1 and prev[-1] == "to" and prev[-2].lower() in _TO_BEFORE:
        return True       # "an aide to Putin", "a letter to Blair"
    if len(prev) > 1 and prev[-1] in ("on", "against") and prev[-2].lower() in _ON_BEFORE:
        return True       # "new sanctions imposed on the president", "pressure on Assad"
    # "met with President-elect ..." is handled by the titles; "talks between X and Y"
    return len(prev) > 1 and prev[-2].lower() in _ACT_BEFORE and prev[-1] == "and"
