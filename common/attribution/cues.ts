/**
 * Speech verbs ("cues") and how each may introduce what was said.
 *
 * - `clause`: takes a reported clause with or without "that" ("said the plan failed").
 * - `that`: takes a reported clause only with "that" ("denied that ..."; "denied the charges" is
 * no statement).
 * - `quote`: only introduces or labels a direct quotation ("called it a "disaster"", "asked").
 * - `participle`: "..., saying "..."": the speaker is the subject of the main clause.
 */
export type CueUse = 'clause' | 'that' | 'quote' | 'participle';

const forms = (use: CueUse, list: string): Array<[string, CueUse]> =>
  list
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [w, use]);

const CUE_ENTRIES: ReadonlyArray<[string, CueUse]> = [
  ...forms(
    'clause',
    `say says said tell tells told add adds added believe believes believed think thinks thought
     warn warns warned argue argues argued note notes noted claim claims claimed insist insists
     insisted state states stated explain explains explained acknowledge acknowledges
     acknowledged admit admits admitted concede concedes conceded confirm confirms confirmed
     announce announces announced estimate estimates estimated predict predicts predicted
     stress stresses stressed assert asserts asserted contend contends contended maintain
     maintains maintained write writes wrote testify testifies testified caution cautions
     cautioned complain complains complained allege alleges alleged declare declares declared
     recall recalls recalled reply replies replied report reports reported
     reiterate reiterates reiterated reiterating aver avers averred clarify clarifies clarified
     opine opines opined submit submits submitted mention mentions mentioned remark remarks
     remarked suggest suggests suggested`,
  ),
  ...forms(
    'that',
    `deny denies denied agree agrees agreed reveal reveals revealed
     disclose discloses disclosed conclude concludes concluded respond responds responded
     counter counters countered worry worries worried fear fears feared hope hopes hoped expect
     expects expected emphasize emphasizes emphasized emphasise emphasises emphasised find finds
     found show shows showed observe observes observed point points pointed
     indicate indicates indicated signal signals signaled signalled promise promises promised
     vow vows vowed pledge pledges pledged threaten threatens threatened accuse accuses accused
     assure assures assured inform informs informed underline underlines underlined
     highlight highlights highlighted lament laments lamented plead pleads pleaded tweet tweets
     tweeted`,
  ),
  ...forms(
    'quote',
    `call calls called describe describes described dub dubs dubbed term terms termed label
     labels labeled labelled brand brands branded ask asks asked wonder wonders wondered joke
     jokes joked quip quips quipped shout shouts shouted yell yells yelled scream screamed
     post posts posted urge urges urged continue continues continued cry cries cried exclaim
     exclaimed chant chanted chants text texted sigh sighed whisper whispered muse mused boast
     boasts boasted recount recounts recounted demand demands demanded went praise praises
     praised hail hails hailed slam slams slammed`,
  ),
  ...forms(
    'participle',
    `saying adding noting warning arguing insisting calling describing claiming explaining
     stressing telling asking urging declaring writing alleging`,
  ),
];
const CUE_TABLE = new Map<string, CueUse>(CUE_ENTRIES);

/** Words listed under two frames, which the table would silently resolve to the last. */
export function duplicateCues(): string[] {
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const [w] of CUE_ENTRIES) {
    if (seen.has(w)) dupes.push(w);
    seen.add(w);
  }
  return dupes;
}

/** How a word may act as a speech verb, or undefined when it is none. */
export function cueUse(lower: string): CueUse | undefined {
  return CUE_TABLE.get(lower);
}

/** Verbs that report a clause directly: the core of reported speech. */
export function takesClause(lower: string): boolean {
  const use = CUE_TABLE.get(lower);
  return use === 'clause' || use === 'that';
}

/** "say" and "tell" forms: the commonest cues, which always report speech. */
export const SAY_FORMS: ReadonlySet<string> = new Set([
  'say',
  'says',
  'said',
  'tell',
  'tells',
  'told',
]);

/**
 * Cues that take an object before the clause: "told reporters (that) ...", "warned Russia that
 * ...".
 */
export const OBJECT_CUES: ReadonlySet<string> = new Set([
  'tell',
  'tells',
  'told',
  'warn',
  'warns',
  'warned',
  'assure',
  'assured',
  'remind',
  'reminded',
  'inform',
  'informed',
  'promise',
  'promised',
]);

/**
 * Cues whose complement, when it is a quotation, labels something: "called Idlib a "breeding
 * ground"".
 */
export const LABEL_CUES: ReadonlySet<string> = new Set([
  'call',
  'calls',
  'called',
  'calling',
  'describe',
  'describes',
  'described',
  'describing',
  'dub',
  'dubs',
  'dubbed',
  'term',
  'terms',
  'termed',
  'label',
  'labels',
  'labeled',
  'labelled',
  'brand',
  'brands',
  'branded',
]);

/**
 * Words that, with the next word, make a title of what follows: a film called "...", a book titled
 * "...".
 */
export const TITLE_NOUNS: ReadonlySet<string> = new Set(
  `film movie book novel memoir song album single show series documentary play musical opera
   poem painting exhibition exhibit podcast programme column essay headline slogan hashtag
   episode sitcom anthology collection magazine newspaper newsletter journal blog video
   nickname name titled entitled named nicknamed headlined motto tagline banner anthem hymn
   restaurant cafe boat ship horse`
    .split(/\s+/)
    .filter(Boolean),
);
