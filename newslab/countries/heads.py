"""Word lists that the name rules (``names.py``) read: the words that head a name of
something other than the country (:data:`NAME_HEADS`), a company's or body's word before a
country that ends its name (:data:`COMPANY_BEFORE`), company tails, offices that end a
name's run, heads before "of", and the lower-case words that make a capital an agreement's
name."""

#: words that head a name of something other than the country ("Australian Open"); not
#: "FA": "the English FA", "the Welsh FA" are the nation's football association, which the
#: coders of round 5 coded as the country (GBR)
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
Forum Fair Day War Region Oblast Province Strait Basin Dam Metro Hour Project Bank
Chambers Labour Conservatives Nationalists Company Library Front Chart Charts
Limited Banks News Summit Dialogue Museums Galleries Stadium Arena Field Coliseum Dome
Velodrome Movement Alliance Partnership Producers Manufacturers Exporters Quad Series
Medal Medals Consultations
Spectator Review Magazine Weekly Monthly Chronicle Courier Observer Telegraph Register
Bulletin Digest Inquirer Examiner Caucus Gleaner Independent Olympiad Olympiads
Apparel Brands Foods Pharmaceuticals Pictures Records Industries Enterprises Technologies
Insurance Assurance Reinsurance Insurers Television Air
""".split())
#: a company's or body's word right before a country name or code that closes its name
#: ("Fuji Photo Film USA", "Sony Computer Entertainment America", "Amnesty International
#: UK", "Telekom Malaysia", "Athletics Kenya", "Fulbright University Vietnam"): the heads
#: without events (a country after "the Athens Olympics" is the next clause's subject),
#: publications ("told BBC News US policy ...") and parties ("With Labour Britain is"),
#: nor banks and foundations ("Bank Indonesia" is a central bank, an institution; "at the
#: Foundation Germany's envoy ...")
COMPANY_BEFORE = (NAME_HEADS | frozenset(
    "International Holdings Holding Film Films Securities Entertainment Broadband "
    "Universities Software Electronics Systems Networks Energy Media Telekom Oil "
    "Athletics Watch Focus Concern Research Relief".split())) - frozenset("""
Olympics Games Paralympics Open Masters Cup Championship Championships Summit Prix GP
Tour Rally Day War Marathon Derby Tournament Trophy Classic Invitational Indoors Round
Region Oblast Province Strait Basin Dam Hour Front Olympiad Olympiads Fair Festival
Revolution Canal Agenda Treaty Protocol Accord Accords Convention Declaration Agreement
Agreements Strategy Process Act Package Initiative Dialogue Consensus Idol Fame Bank Banks
Foundation News Times Post Herald Tribune Journal Gazette Mail Daily Press Spectator Review
Magazine Weekly Monthly Chronicle Courier Observer Telegraph Register Bulletin Digest Inquirer
Examiner Gleaner Independent Express Party Labour Conservatives Nationalists Caucus
Movement Union Unions Alliance Partnership Church Cross Series Medal Medals
Consultations""".split())
#: the last two letters and the space of those words (a cheap test first)
COMPANY_ENDS = frozenset(w[-2:] + " " for w in COMPANY_BEFORE)
#: words that may close a company's name after its head ("Thai Airways International",
#: "Korea Telecom Holdings"): read past them to find the head
NAME_TAILS = frozenset("International Holdings Holding Co Co. Inc Inc. Ltd Ltd. Limited "
                       "Plc PLC plc Corp Corp. Corporation Group SA AG".split())
#: capitalized words of office that end a name's run: "the British Casino Association
#: Chairman Penny Smith" is the association's chairman, a name before him
RUN_STOPS = frozenset("Chairman Chairwoman Chair President Chief Director Secretary Head "
                      "Minister Spokesman Spokeswoman Executive CEO Boss Manager Coach "
                      "Captain Governor Mayor Leader "
                      # (session 24) a member of a party's: "the UK Independence Party MEP"
                      "MP MPs MEP MEPs MSP MSPs Candidate Candidates".split())
#: "<Head> of (the) X": a name of an organization, event or treaty ending in a country word
OF_HEADS = frozenset("""
Association Associations Society Church Federation Confederation Chamber League Museum
Party Corporation Company Club Scouts University College Institute Academy Treaty Protocol
Convention Declaration Festival Hall Friends Daughters Sons Knights Guild Tour Championships
Championship Open Prix Rally Cup Miss Order Treaties Agreement Statue Times Forum
""".split())
#: lower-case words after a capital that make it the name of an agreement or programme
POLICY_WORDS = frozenset("""
agenda treaty treaties protocol protocols accord accords agreement agreements convention
conventions declaration process strategy consensus round development goals targets
criteria objectives
""".split())
