/**
 * Closed word classes and small open-class lists of English news writing.
 *
 * The engine has no statistical tagger: it recognises grammar through the closed classes
 * (determiners, prepositions, conjunctions, auxiliaries) and a few hand-made lists of the nouns
 * and verbs that news stories use to say who said what. All entries are lower case, with the
 * straight apostrophe (tokens are normalised the same way before lookup).
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Articles and possessive determiners: a noun must follow them. */
export const ARTICLES = words('the a an its their our my your every');

/** Determiners that open a noun phrase (wider than ARTICLES). */
export const DETERMINERS = words(
  'the a an this that these those its their our my your his her every each another no some any',
);

export const PREPOSITIONS = words(`
  of for in on at from with by to into onto about against between among amid amidst through
  throughout during without within under over after before since until across along around
  behind beyond despite near toward towards upon via like unlike outside inside beside besides
  except including per off out up down than`);

export const COORDINATORS = words('and or but nor');

export const SUBORDINATORS = words(
  'while because although though whereas unless if whether when as since until once whenever',
);

export const AUXILIARIES = words(`
  is are was were be been being am has have had having do does did will would shall should can
  could may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't
  won't wouldn't can't couldn't shouldn't mustn't`);

export const MODALS = words(
  "will would shall should can could may might must won't wouldn't can't couldn't shouldn't",
);

/** Forms of "be": "is said to", "was told" are passives, not attributions. */
export const BE_FORMS = words("is are was were be been being am isn't aren't wasn't weren't");

export const NEGATIONS = words("not never n't no");

export const SUBJECT_PRONOUNS = words('he she they it');

/** Pronouns that can be an object after "told". */
export const OBJECT_PRONOUNS = words('him her them us me it you');

export const RELATIVE_PRONOUNS = words('who which that whom whose');

/**
 * Words that may sit between a subject and its speech verb: "has often said", "on Tuesday said".
 */
export const PRE_CUE_ADVERBS = words(`
  has have had also often previously repeatedly later earlier again already reportedly publicly
  privately flatly long once frequently recently then still now further separately similarly
  likewise since first initially subsequently originally consistently always usually
  generally openly bluntly quietly simply even just never today yesterday tonight`);

export const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

export const MONTHS = words(
  'january february march april may june july august september october november december jan feb aug sept sep oct nov dec',
);

/** Time words that may follow a speech verb ("said Tuesday", "said last week"). */
export const TIME_WORDS = words(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight last this
  next earlier later week weekend month year morning afternoon evening night day days weeks
  months recently previously again late early on`);

/** Nouns ending an adjunct after a speech verb: "said in a statement", "told a news conference". */
export const ADJUNCT_NOUNS = words(`
  statement statements interview interviews briefing briefings conference speech post posts
  email emails letter release hearing filing court appearance podcast video message note
  op-ed column broadcast address session meeting call rally summit report tweet televised
  remarks testimony event forum gathering panel program programme show press radio television
  tv website blog newsletter memo text document documents response reply court`);

/** Plural nouns for groups of people: "residents say", "analysts believe". */
export const GROUP_NOUNS = words(`
  officials residents analysts experts critics witnesses activists protesters protestors
  economists scientists researchers lawmakers legislators senators doctors nurses investors
  traders supporters opponents voters people students teachers workers parents fans players
  organizers organisers prosecutors investigators diplomats observers scholars environmentalists
  farmers villagers locals neighbors neighbours survivors relatives families leaders executives
  members officers soldiers rebels militants insurgents sources aides advisers advisors lawyers
  attorneys commentators historians pollsters forecasters meteorologists engineers inspectors
  regulators democrats republicans conservatives liberals employees users consumers customers
  shoppers citizens refugees migrants medics paramedics firefighters rescuers spokespeople
  ministers negotiators mediators judges jurors coaches teammates others owners managers
  physicians epidemiologists virologists climatologists astronomers biologists geologists
  physicists chemists authors writers readers viewers listeners passengers drivers pilots
  landlords tenants homeowners retailers bankers strategists consultants economists unions
  mayors governors officials critics campaigners advocates volunteers organizers staffers
  agents detectives troopers deputies guards teachers principals administrators trustees
  shareholders bondholders creditors lenders borrowers developers builders miners fishermen
  growers ranchers vendors merchants owners operators residents parishioners worshippers groups
  organizations organisations agencies companies firms banks countries governments nations
  parties unions charities insurers lenders automakers airlines retailers delegates
  participants attendees protesters demonstrators scientists family`);

/** Head nouns of organisations: "the ministry said", "police said". */
export const ORGANIZATION_NOUNS = words(`
  police ministry agency department government administration company firm council committee
  commission court office university institute observatory association union bank fund party
  army military navy board authority authorities bureau service services center centre
  organization organisation foundation coalition alliance federation league club team network
  newspaper station channel broadcaster embassy consulate parliament congress senate cabinet
  regime junta kremlin pentagon hospital school district county city campaign charity watchdog
  regulator exchange airline carrier manufacturer maker retailer automaker operator utility
  corporation startup lab laboratory secretariat tribunal panel taskforce force forces guard
  command prosecutor's prosecutors' group agency's ministry's industry sector chamber
  municipality province state legislature assembly council's airport port railway prison
  prosecution defence defense church diocese mission delegation opposition government's mayor's office's bloc consortium
  conglomerate lender insurer producer supplier contractor publisher studio chain distributor
  cooperative bureau app platform website site broadcaster body outfit`);

/** Documents that "say" things; attributed as organisations. */
export const DOCUMENT_NOUNS = words(`
  report statement study survey poll filing complaint lawsuit indictment document documents
  letter memo analysis review data figures estimate estimates ruling decision verdict release
  notice audit assessment records findings paper affidavit motion forecast projections
  warrant charges transcript guidance advisory bulletin`);

/** Singular nouns for a person's role: "a spokesman said", "the lawyer told reporters". */
export const PERSON_NOUNS = words(`
  spokesman spokeswoman spokesperson official minister lawyer attorney witness resident analyst
  expert economist scientist researcher professor director chief head president chairman
  chairwoman chair ceo executive secretary senator representative lawmaker legislator governor
  mayor judge prosecutor investigator officer doctor nurse teacher student worker coach player
  captain manager owner founder farmer driver victim survivor mother father son daughter wife
  husband brother sister neighbor neighbour friend source aide adviser advisor diplomat
  ambassador envoy commander general colonel soldier activist organizer organiser candidate
  leader member engineer inspector author writer historian pollster forecaster meteorologist
  superintendent principal dean pastor priest bishop rabbi imam surgeon physician paramedic
  collector magistrate
  firefighter trooper sheriff deputy detective sergeant lieutenant agent trader investor banker
  strategist consultant partner employee user customer shopper fan voter citizen refugee
  migrant man woman boy girl teenager child parent passenger pilot negotiator mediator
  coordinator administrator commissioner councilman councilwoman councilmember clerk treasurer
  auditor chancellor premier king queen prince princess pope epidemiologist virologist
  climatologist astronomer biologist geologist physicist chemist homeowner landlord tenant
  retiree veteran volunteer advocate campaigner staffer spokesman's defendant plaintiff
  suspect juror referee umpire striker goalkeeper quarterback pitcher forward midfielder
  defender guard center winger rookie veteran champion athlete runner cyclist swimmer
  skipper chef designer architect developer entrepreneur director-general counsel delegate
  substitute spinner bowler batsman opener keeper receiver linebacker outfielder jockey trainer
  caller customer-service owner-operator commentator pundit broadcaster correspondent editor
  photographer reporter spokesperson insider journalist constable solicitor`);

/**
 * Capitalised words that, before a name, give a title rather than the name: "Defense Minister
 * Hulusi Akar".
 */
export const TITLE_WORDS = words(`
  president minister secretary chancellor premier king queen prince princess pope sen. senator
  rep. representative gov. governor mayor judge justice gen. general adm. admiral col. colonel
  lt. sgt. capt. captain cmdr. maj. major dr. mr. mrs. ms. prof. professor rev. sheikh ayatollah
  dr mr mrs ms prof
  chief coach commissioner ambassador director chairman chairwoman speaker leader detective
  officer sheriff deputy superintendent ceo secretary-general vice prime foreign defense defence
  finance interior health justice economy trade energy education foreign attorney acting former
  interim executive senior state labor labour environment transport agriculture culture
  deputy lady lord sir dame emir crown opposition party majority minority house council
  councilman councilwoman spokesman spokeswoman head founder owner manager striker
  midfielder forward goalkeeper quarterback pitcher captain substitute defender winger
  skipper rookie veteran spinner bowler batsman opener keeper counsel constable assistant
  additional federal union provincial solicitor journalist inspector magistrate collector
  secretary-general commander chair chairperson`);

/**
 * Abbreviated titles of (mostly Indian) officials, written in capitals: "The SP said", "the DM
 * told reporters". They name a person, not an organisation; the value is the title in full.
 */
export const OFFICIAL_ABBREVIATIONS: ReadonlyMap<string, string> = new Map([
  ['SP', 'superintendent of police'],
  ['SSP', 'senior superintendent of police'],
  ['ASP', 'additional superintendent of police'],
  ['DSP', 'deputy superintendent of police'],
  ['DGP', 'director general of police'],
  ['ADGP', 'additional director general of police'],
  ['ADG', 'additional director general'],
  ['IGP', 'inspector general of police'],
  ['IG', 'inspector general'],
  ['DIG', 'deputy inspector general'],
  ['DCP', 'deputy commissioner of police'],
  ['ACP', 'assistant commissioner of police'],
  ['SHO', 'station house officer'],
  ['DM', 'district magistrate'],
  ['SDM', 'sub-divisional magistrate'],
  ['DC', 'deputy commissioner'],
  ['CM', 'chief minister'],
  ['PM', 'prime minister'],
  ['CMO', 'chief medical officer'],
  ['PRO', 'public relations officer'],
  ['SI', 'sub-inspector'],
  ['ASI', 'assistant sub-inspector'],
  ['ADM', 'additional district magistrate'],
  ['MD', 'managing director'],
  ['CMD', 'chairman and managing director'],
  ['MLA', 'mla'],
  ['MP', 'mp'],
]);

/**
 * The one list of titles that head a person's title phrase and are not names themselves: a
 * capitalised run that ends on one names nobody ("the Railways Minister said" once the name was
 * cut), and a feed that strips the name leaves it dangling ("Prime Minister said"). Words that
 * are as often surnames ("King", "Major") are left out.
 */
export const HEAD_TITLES = words(`
  president minister secretary secretary-general chancellor premier chair chairman chairwoman
  chairperson spokesman spokeswoman director ambassador commissioner magistrate collector superintendent
  governor mayor senator representative leader chief ceo coach manager captain justice judge
  sheikh ayatollah pope
  sen. rep. gov. gen. adm. col. lt. sgt. capt. dr. mr. mrs. ms. prof. rev.`);

/**
 * The head titles that, capitalised, stand in news copy only right before a name: left with no
 * name after them ("the Prime Minister said" aside), they show where a feed cut one. "Leader",
 * "Director" or "Coach" also close a description ("the PTI's Deputy Parliamentary Leader was
 * abducted"), so they are not among them.
 */
export const NAME_HEADING_TITLES = words(`
  president minister secretary secretary-general chancellor premier governor mayor senator
  ambassador commissioner justice judge sheikh ayatollah pope
  sen. rep. gov. gen. adm. col. lt. sgt. capt. dr. mr. mrs. ms. prof. rev.`);

/** Head titles that also end an organisation's name: "the Department of Justice said". */
export const TITLES_ENDING_NAMES = words('justice judge');

/**
 * Modifiers that rank rather than classify: "the top court", "the apex body" still describe
 * the court or body named before.
 */
export const REFERRING_MODIFIERS = words('top apex highest same');

/** Titles that identify the gender of the person named after them. */
export const MALE_TITLES = words('mr. mr king prince sir lord pope sheikh emir');
export const FEMALE_TITLES = words('mrs. mrs ms. ms miss queen princess lady dame');

/** Capitalised words that mark a proper name as an organisation. */
export const ORGANIZATION_NAME_WORDS = words(`
  agency ministry department council committee commission court office university institute
  observatory association union bank fund party army forces corp. corp inc. inc co. ltd. ltd
  llc plc group foundation coalition alliance federation league club network news times post
  journal press reuters service services center centre organization organisation authority
  board bureau hospital school college police government administration parliament congress
  senate assembly nations house kremlin pentagon airlines airways motors systems technologies
  labs pharmaceuticals industries holdings partners capital securities society academy
  council fc united city rovers agency's observatory's nato un u.n. eu e.u. who fbi cia
  ministry's company corporation tribunal navy guard command watch watchdog program programme
  initiative project trust institution exchange chamber media broadcasting radio television
  channel magazine gazette herald tribune daily weekly review mission embassy international
  division directorate corps cabinet secretariat laboratory clinic research analytics analysis
  consulting associates ventures energy petroleum foods pharma therapeutics robotics software
  electronics communications entertainment studios records publishing insurance financial
  investments management resources mining steel chemicals manufacturing logistics shipping
  railways telecom statistics institution ratings`);

/** Nationality adjectives. A stripped name often leaves one orphaned: "Turkish said". */
export const NATIONALITIES = words(`
  turkish russian syrian american iranian israeli palestinian chinese japanese korean german
  french british italian spanish indian pakistani afghan iraqi saudi egyptian libyan lebanese
  jordanian ukrainian polish greek canadian mexican brazilian venezuelan colombian cuban
  australian dutch belgian swedish norwegian danish finnish swiss austrian hungarian czech
  serbian nigerian kenyan ethiopian yemeni qatari emirati kurdish european african asian arab
  western taiwanese vietnamese thai filipino indonesian malaysian bangladeshi burmese armenian
  azerbaijani georgian belarusian kazakh uzbek sudanese somali moroccan algerian tunisian
  chilean peruvian argentine argentinian irish scottish welsh portuguese romanian bulgarian
  croatian slovak estonian latvian lithuanian haitian jamaican ghanaian congolese ugandan
  rwandan zimbabwean bolivian ecuadorian paraguayan uruguayan icelandic maltese cypriot
  albanian bosnian slovenian moldovan mongolian nepalese nepali singaporean
  lankan zambian tanzanian senegalese malian cameroonian angolan mozambican omani kuwaiti bahraini
  `);

/** Nationality adjectives that are also language names: "spoke in Russian." is no gap. */
export const LANGUAGES = words(`
  turkish russian arabic english french german spanish chinese mandarin cantonese japanese
  korean italian portuguese persian farsi hebrew hindi urdu ukrainian polish greek dutch
  swedish kurdish norwegian danish finnish hungarian czech romanian vietnamese thai`);

/** Country names, attributed as organisations ("Russia has complained that ..."). */
export const COUNTRIES = words(`
  afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
  bangladesh belarus belgium bolivia bosnia brazil bulgaria cambodia cameroon canada chile china
  colombia congo croatia cuba cyprus czechia denmark ecuador egypt eritrea estonia ethiopia
  finland france georgia germany ghana greece guatemala haiti honduras hungary iceland india
  indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kosovo kuwait
  kyrgyzstan laos latvia lebanon libya lithuania luxembourg madagascar malaysia mali malta
  mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands
  nicaragua niger nigeria norway oman pakistan palestine panama paraguay peru philippines poland
  portugal qatar romania russia rwanda senegal serbia singapore slovakia slovenia somalia spain
  sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan
  uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia zimbabwe britain england
  scotland wales u.s. u.k. america washington moscow beijing ankara tehran damascus kyiv kiev
  brussels london paris berlin tokyo seoul jerusalem`);

/**
 * Words that can open a sentence after an abbreviation ends the previous one ("in the U.S. The
 * ...").
 */
export const SENTENCE_STARTERS = words(`
  the a an he she it they we i but and in on at this that these those there his her its their
  our after before when while however meanwhile still yet so if as for since although though
  many some most officials police`);

/** Words that end a paragraph only when something was cut after them (no name follows). */
export const DANGLING_ENDINGS = words(`
  the a an its their our my your of for in on at from with by to into about against between
  among during through including and or but nor near via amid toward towards than as`);

/** Irregular past participles: "had given", "had made". */
export const IRREGULAR_PARTICIPLES = words(`
  made done put set said told kept left lost won seen shown known brought bought thought sent
  spent built held paid found become come run begun cut hit led met read sold taught caught
  felt heard meant given taken written driven grown flown drawn`);

/** Irregular past tenses and common finite forms: "the bank kept its rate". */
export const IRREGULAR_PAST = words(`
  was were had did went came took gave got saw knew grew fell rose began ran won lost left kept
  held told said made met paid sold sent spent stood thought brought bought found felt became
  broke chose drove flew forgot hid led meant rode rang shook shot sank spoke stole struck swore
  threw understood woke wore wrote is are has have can will`);
