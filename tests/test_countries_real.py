"""Country mentions on real news, session 17: the rules for other names, currencies,
ethnic groups, languages and leaders found on BBC News, AG News and the official
statements (sentences invented for these tests; each pins one rule)."""

import pytest

from newslab import countries as C


def found(text, date=None):
    return C.countries_in_text(text, date=date)


@pytest.mark.parametrize("text, expected", [
    # other names and currencies
    # currencies as AG News writes them: "US\$5m", "US #36;5m"
    ("The bank paid US\\$40 million for the stake.", set()),
    ("Shares were priced at US #36;12 each.", set()),
    ("US\\$40 million went to the US navy.", {"USA"}),
    # a head word before the run's "of"/"for": an organization's name
    ("She is a member of the Russian Academy of Sciences.", set()),
    ("The American Chamber of Commerce welcomed the rule.", set()),
    ("Both sides must honour the Minsk Package of Measures.", set()),
    ("The U.S. Agency for International Development sent food.", {"USA"}),
    ("The Russian Ministry of Defense issued a statement.", {"RUS"}),
    # more heads: churches, charities, funds, unions, federations, regions, acts, wars ...
    ("The Russian Orthodox Church held a service.", set()),
    ("Donations went to the American Red Cross.", set()),
    ("The Welsh Rugby Union named a new coach.", set()),
    ("A plant opened in the Moscow Region last year.", set()),
    ("They signed the Helsinki Final Act in 1975.", set()),
    ("Veterans of the Vietnam War gathered.", set()),
    ("Barrichello won the Brazilian GP twice.", set()),
    ("China Daily carried the interview.", set()),
    # a country word before "Cup" alone names the competition; a team still counts
    ("Hearts reached the Scottish Cup final.", set()),
    ("The US Ryder Cup team flew home.", {"USA"}),
    ("Talks on the future of the British grand prix resumed.", set()),
    # a run that is a name of its own does not make the hit part of a name
    ("Turkish European Union membership talks began.", {"TUR"}),
    # fixed names (blockers.csv, organizations.csv)
    ("America Online cut its prices.", set()),
    ("The Inter-American Development Bank lent $1bn.", set()),
    ("Storms swept the British Isles.", set()),
    ("The British and Irish Lions tour starts in June.", set()),
    ("Swiss Re expects higher claims.", set()),
    ("Agence France Presse reported the deal.", set()),
    ("The coach told BBC Sport Wales he was happy.", set()),
    ("UK Coal reported a loss.", set()),
    ("Scotland Yard is investigating.", set()),
    ("They moved to Vancouver, British Columbia.", set()),
    ("The head of the Organization of American States spoke.", set()),
    ("The Irish Republican Army gave up its arms.", set()),
    # ethnic groups languages continents
    # ethnic groups named by two demonyms: the group, not the second country
    ("A Bosnian Serb commander was arrested.", {"BIH"}),
    ("Kosovo Albanians marched in Pristina.", {"XKX"}),
    ("Turkish Cypriots voted in the referendum.", {"CYP"}),
    ("Greek Cypriot leaders rejected the plan.", {"CYP"}),
    ("Serb and Croat leaders met.", {"SRB", "HRV"}),
    ("Bosnian Serb leaders met after sanctions on Serb police.", {"BIH"}),
    # a language after "in" before a new clause or phrase
    ('He said "thank you" in Polish while the crowd cheered.', set()),
    ("The opera will be sung in Swedish for the first time.", set()),
    ("His lack of Spanish did not hinder him.", set()),
    ("Knowledge of French troops' positions helped.", {"FRA"}),
    ("Fishing boats in French and British ports stayed in.", {"FRA", "GBR"}),
    # America the continent among other continents; "Europe and America" is the US
    ("Offices in Europe, Asia, Africa and America will close.", set()),
    ("Trade between Europe and America grew.", {"USA"}),
    ("America and Australia signed the deal.", {"USA", "AUS"}),
    # the sport
    ("He plays Australian Rules football.", set()),
    # demonyms teams and languages
    ("Ireland face a home fixture with the mercurial French.", {"IRL", "FRA"}),
    ("The letter was written in the original French.", set()),
    # party and chamber names
    ("For the Welsh Liberal Democrats, she called the target unambitious.", set()),
    ("The Scottish Conservatives want a referendum.", set()),
    ("The British Chambers of Commerce cut its forecast.", set()),
    ("Scottish voters went to the polls.", {"GBR"}),
    # names ending in a date and more fixed names
    ("The Blue Jays beat the Orioles twice in the American League Tuesday.", set()),
    ("A Little Britain sketch won the award.", set()),
    ("The pro-Kremlin United Russia party won.", {"RUS"}),
    ("He works for the Iraqi Telecommunications and Post Company.", set()),
    ("The British Library holds the papers.", set()),
    ("It clarifies the Russian Red Cross' relations with ministries.", set()),
    ("Keys will sing America the Beautiful before the game.", set()),
    ("Sales fell after the Indian ocean tsunami.", set()),
    ("The Athens Olympic silver medallist won again.", set()),
    ("The Russian Olympic team arrived.", {"RUS"}),
    ("Listeners of the Voice of America heard it first.", set()),
    ("The Beijing News said the firm may pay a fine.", set()),
    ("China Resources Breweries Limited bought the brewer.", set()),
    ("A fan fell from the stands at FC Copenhagen's stadium.", set()),
    ("The US Centers for Disease Control issued a warning.", {"USA"}),
    ("He joined the U.S. Center for Disease Control and Prevention.", {"USA"}),
    ("Agreement in the Doha development talks is near.", set()),
    ("Talks in Doha resumed on Monday.", {"QAT"}),
    # sports persons and groups
    ("They own an American football team in Florida.", set()),
    ("Samoa played Chinese Taipei in the final.", {"WSM", "TWN"}),
    ("The song went straight to the top of the Official UK Singles Chart.", set()),
    ("Sberbank chief German Gref attended the meeting.", set()),
    ("Jools Holland played the piano.", set()),
    ("Justice for African Americans was the theme.", set()),
    ("The OSCE Minsk Group met in Vienna.", {"AUT"}),
])
def test_places_names_demonyms(text, expected):
    """Other names, currencies, ethnic groups, languages, continents, teams."""
    assert found(text) == expected


@pytest.mark.parametrize("text, date, expected", [
    # leaders on real news
    # a woman's title before a man's name is his wife; a woman leader keeps hers
    ("Mrs Blair said she would appeal.", None, set()),
    ("Mrs Merkel said Germany would help.", "2010-05-01", {"DEU"}),
    # an election campaign makes even a titled president a candidate
    ("President Bush and his rival, Senator John Kerry, clashed over taxes.", "2004-10-01",
     set()),
    ("The re-election of President Bush lifted defence shares.", "2004-11-05", set()),
    ("President Bush signed the bill.", "2004-10-01", {"USA"}),
    ("President Putin's military campaign has caused suffering.", "2022-04-01", {"RUS"}),
    ("Putin congratulated Macron on his re-election.", "2022-04-26", {"RUS", "FRA"}),
    ("If Mr Blair wins the next election he will stay.", "2004-06-01", set()),
    ("A victory for President Bush in the election lifted shares.", "2004-11-05", set()),
    ("Putin spoke with President Raisi at the Iranian party's initiative.", "2022-01-10",
     {"RUS", "IRN"}),
    ("Investors like Mr Bush's policies more than those of his Democratic rival.",
     "2004-10-01", set()),
    ("The prime minister, Ariel Sharon, said the death of his rival changed little.",
     "2004-11-12", {"ISR"}),
    # out of office: ousted, toppled
    ("The toppled leader Saddam Hussein will go on trial.", None, set()),
    # undated, a name that also held an office below head (leaders.csv): only with a title
    ("Gordon Brown said the budget would balance.", None, set()),
    ("Prime Minister Gordon Brown said the troops would stay.", None, {"GBR"}),
    ("Gordon Brown said the troops would stay.", "2008-03-01", {"GBR"}),
    ("Gordon Brown said the budget would balance.", "2005-03-01", set()),
    ("The finance minister Nicolas Sarkozy warned of high oil prices.", None, set()),
    ("The demand was filed by the Clinton administration in 1999.", None, {"USA"}),
    # more names and party leaders
    ("Labour aides visited Prime Minister Ariel Sharon's Likud Party offices.", "2004-12-01",
     set()),
    ("Prime Minister Ariel Sharon's government approved the plan.", "2004-12-01", {"ISR"}),
    ("Chancellor Schroeder's Social Democrat-Green Party administration fell.", "2004-12-01",
     {"DEU"}),
    ("Oil reached $49.40 US a barrel.", None, set()),
    # the nation's football association is the country (the coders of round 5; session 21)
    ("The English FA banned him for nine months.", None, {"GBR"}),
    ("Standard Chartered said it would buy Korea First Bank.", None, set()),
    ("The Swiss National Bank held rates.", None, {"CHE"}),
    ("Petro-Canada sold its stake.", None, set()),
    ("Wrecks lie at the bottom of the Gulf of Finland.", None, set()),
    # leaders after honorifics
    # "Mr <name>": the inverted speech verb at the clause end, or a party to an act
    ('"It will not work," said Mr Blair.', "2004-06-01", {"GBR"}),
    ("During the talks with Mr Putin, we agreed on gas.", "2021-06-01", {"RUS"}),
    ("He said Mr Blair had spoken well.", "2004-06-01", set()),
    ("Voters face a choice between Mr Blair and Mr Howard.", "2004-06-01", set()),
    ("The administration of Vladimir Putin changed course.", "2004-06-01", {"RUS"}),
    ("Tony Blair is pressing the US to cut emissions.", "2004-06-01", {"GBR", "USA"}),
    # state acts on official statements: a leader's war, wishes, a title with "Mr"
    ("Refugees fled Putin's unprovoked war.", "2022-04-01", {"RUS"}),
    ("Vladimir Putin wished the new team good luck.", "2022-04-01", {"RUS"}),
    ("Putin will hold talks with President of the People's Republic of China Xi Jinping.",
     "2022-01-10", {"RUS", "CHN"}),
    ("Vladimir Putin sent warm birthday greetings to a retired cosmonaut.", "2022-03-06", {"RUS"}),
    ("Vladimir Putin met with the Minister of Labour.", "2022-03-06", {"RUS"}),
    ("The Biden-Harris Administration is committed to it.", "2022-03-06", {"USA"}),
    ("Mr Macron, could you answer the question?", "2022-02-07", {"FRA"}),
    ("Mr Blair, who was instrumental in the deal, smiled.", "2004-06-01", set()),
    ("He met the Russian President Mr. Putin in Geneva.", "2021-06-16", {"RUS"}),
    ("On Monday, Vladimir Putin and President of the Islamic Republic of Iran Ebrahim Raisi "
     "will hold talks.", "2022-01-17", {"RUS", "IRN"}),
])
def test_leaders_on_real_news(text, date, expected):
    """A leader counts only in office and acting for the state."""
    assert found(text, date) == expected


def test_organization_of_american_states_is_an_organization():
    m = C.mentions_in_text("The OAS met in Lima.")
    assert dict(zip(m["surface"], m["kind"])) == {"OAS": "organization", "Lima": "capital"}


def test_fresh_test_split_files_score(tmp_path, capsys):
    """The second real-text gold (``countries_real2_*.jsonl``: the round-1 fields plus
    ``correct_coder2``/``countries_coder2``, split ``test2``) scores with --split test2;
    a tiny shared folder of our own text stands in for ../shared."""
    import json

    from newslab import cli
    root = tmp_path / "shared"
    (root / "eval" / "ag_news").mkdir(parents=True)
    desc = "America Online paid US\\$9 million to settle. Troops left Iraq on Monday."
    (root / "eval" / "ag_news" / "test.csv").write_text(f"label,title,description\n3,T,{desc}\n")
    a, b = desc.index("Troops"), len(desc)
    sent = {"uid": "cs2-0001", "source": "ag_news", "file": "eval/ag_news/test.csv",
            "row": 0, "sent_start": a, "sent_end": b, "sentence_id": 1, "date": None,
            "stratum": "found", "split": "test2", "countries": ["IRQ"], "note": "",
            "countries_coder2": ["IRQ"]}
    ments = [
        {"uid": "cm2-0001", "source": "ag_news", "file": "eval/ag_news/test.csv", "row": 0,
         "sent_start": 0, "sent_end": a - 1, "sentence_id": 0, "date": None, "split": "test2",
         "start": 0, "end": 7, "target": "America", "iso3": "USA", "country": "United States",
         "kind": "name", "correct": "no", "gold_iso3": "", "note": "company name",
         "correct_coder2": "no"},
        {"uid": "cm2-0002", "source": "ag_news", "file": "eval/ag_news/test.csv", "row": 0,
         "sent_start": a, "sent_end": b, "sentence_id": 1, "date": None, "split": "test2",
         "start": 12, "end": 16, "target": "Iraq", "iso3": "IRQ", "country": "Iraq",
         "kind": "name", "correct": "yes", "gold_iso3": "", "note": "",
         "correct_coder2": "yes"}]
    s_path, m_path = tmp_path / "countries_real2_sentences.jsonl", \
        tmp_path / "countries_real2_mentions.jsonl"
    s_path.write_text(json.dumps(sent) + "\n")
    m_path.write_text("\n".join(json.dumps(r) for r in ments) + "\n")
    assert cli.main(["evaluate", "countries", str(s_path), "--split", "test2",
                     "--shared", str(root), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["n"], out["precision"], out["recall"]) == (1, 1.0, 1.0)
    assert out["coders"] == {"n": 1, "agree": 1.0, "kappa": 1.0}
    assert cli.main(["evaluate", "countries", str(m_path), "--split", "test2",
                     "--shared", str(root), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    # "America Online" is no longer found (dropped, rightly); Iraq is found and right
    assert (out["n"], out["n_found"], out["n_right"], out["n_dropped"],
            out["n_dropped_right"]) == (2, 1, 1, 1, 0)
    assert out["coders"]["n"] == 2 and out["coders"]["agree"] == 1.0
    assert cli.main(["evaluate", "countries", str(m_path), "--split", "test2",
                     "--shared", str(root)]) == 0
    printed = capsys.readouterr().out
    assert "precision = 1.000" in printed and "two coders on 2 rows: agreement 1.000" in printed
    assert cli.main(["evaluate", "countries", str(m_path), "--split", "test",
                     "--shared", str(root)]) == 2


def test_a_head_title_before_mr_counts():
    m = C.mentions_in_text("He met the Russian President Mr. Putin in Geneva.", date="2021-06-16")
    assert dict(zip(m["surface"], m["kind"])) == {"Russian": "demonym", "Putin": "leader"}
    m = C.mentions_in_text("He said Mr Putin was wrong.", date="2021-06-16")
    assert list(m["kind"]) == ["person"]


def test_coder_agreement_and_kappa():
    from newslab.evaluation.countries import _agreement
    a = _agreement([("yes", "yes"), ("yes", "no"), ("no", "no"), ("no", "no")])
    # agreement 3/4; chance 0.5 * 0.25 + 0.5 * 0.75 = 0.5; kappa (0.75 - 0.5) / 0.5
    assert a == {"n": 4, "agree": 0.75, "kappa": 0.5}
