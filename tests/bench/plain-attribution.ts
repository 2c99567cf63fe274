/**
 * The attribution benchmark's baseline: a straightforward attributor of the kind one writes in
 * an afternoon, doing the same job as the engine on the same text — split paragraphs and
 * sentences, pair quotation marks, take the speaker from a "said" pattern next to the quote
 * (or the last named speaker for a pronoun), and read "X said (that) ..." as reported speech.
 * It has no lexicon of roles, no noun-phrase reading, no gap detection: it shows what the
 * engine's care costs over the obvious approach, not a lower bound of reading the text.
 */

/** Speech verbs the patterns accept (data for the patterns below). */
const SPEECH_VERBS = [
  'said',
  'says',
  'told reporters',
  'told',
  'warned',
  'argued',
  'noted',
  'insisted',
  'added',
  'explained',
  'claimed',
  'stated',
];
const PRONOUNS = ['he', 'she', 'they', 'it', 'we'];

const VERB = `(${SPEECH_VERBS.join('|')})`;
/** A capitalised name of one to four words, or "the" and a noun. */
const NAME = String.raw`((?:Dr\. |Mr\. |Ms\. |Mrs\. )?[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}|[Tt]he [a-z]+)`;
/** Each pronoun with or without a capital, as it opens a sentence or follows a quote. */
const PRONOUN = `(${PRONOUNS.map((w) => `[${w[0]!.toUpperCase()}${w[0]!}]${w.slice(1)}`).join('|')})`;
/** After a closing quote: `," Maria Alvarez said` or `," said the minister`. */
const AFTER_QUOTE = new RegExp(
  String.raw`^[,.!?]?\s+(?:${NAME}|${PRONOUN}) ${VERB}\b|^,?\s+${VERB} ${NAME}`,
);
/** Before an opening quote: `Maria Alvarez said: "` or `The minister said, "`. */
const BEFORE_QUOTE = new RegExp(String.raw`(?:${NAME}|${PRONOUN}) ${VERB}[:,]?\s*$`);
/** Reported speech: `Officials warned that the river ...`. */
const REPORTED = new RegExp(String.raw`^${NAME} ${VERB} (?:that )?(.+?)[.!?]$`);
const QUOTE_PAIR = /["“]([^"“”]+)["”]/g;
const SENTENCE = /[^.!?]+(?:[.!?]+["”]?|$)/g;

export interface PlainAttribution {
  start: number;
  end: number;
  kind: 'direct' | 'indirect';
  cue: string | null;
  speaker: string | null;
}

function isPronoun(word: string): boolean {
  return PRONOUNS.includes(word.toLowerCase());
}

/** Statements in `text` with offsets into it, sorted by start. */
export function plainAttribute(text: string): PlainAttribution[] {
  const out: PlainAttribution[] = [];
  let lastSpeaker: string | null = null;
  let paragraphStart = 0;
  for (const paragraph of text.split('\n\n')) {
    const quoted: Array<[number, number]> = [];
    for (const match of paragraph.matchAll(QUOTE_PAIR)) {
      const start = paragraphStart + match.index + 1;
      const end = start + (match[1]?.length ?? 0);
      quoted.push([start, end]);
      const after = AFTER_QUOTE.exec(text.slice(end + 1, end + 80));
      const before = after
        ? null
        : BEFORE_QUOTE.exec(text.slice(Math.max(0, start - 81), start - 1));
      const found = after ?? before;
      let speaker = found ? (found[1] ?? found[2] ?? found[5] ?? null) : null;
      const cue = found ? (found[3] ?? found[4] ?? null) : null;
      if (speaker !== null && isPronoun(speaker)) speaker = lastSpeaker;
      else if (speaker !== null) lastSpeaker = speaker;
      out.push({ start, end, kind: 'direct', cue, speaker });
    }
    for (const match of paragraph.matchAll(SENTENCE)) {
      const sentence = match[0].trim();
      const offset = paragraphStart + match.index + match[0].indexOf(sentence);
      if (quoted.some(([s, e]) => s < offset + sentence.length && e > offset)) continue;
      const reported = REPORTED.exec(sentence);
      if (!reported?.[3]) continue;
      const clauseStart = offset + sentence.lastIndexOf(reported[3]);
      lastSpeaker = reported[1] ?? lastSpeaker;
      out.push({
        start: clauseStart,
        end: clauseStart + reported[3].length,
        kind: 'indirect',
        cue: reported[2] ?? null,
        speaker: reported[1] ?? null,
      });
    }
    paragraphStart += paragraph.length + 2;
  }
  return out.sort((a, b) => a.start - b.start);
}
