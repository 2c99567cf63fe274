/**
 * What a saved or fetched page puts between a story's paragraphs that is not the story:
 * advertisement and sponsorship labels, and photo credits. Both are removed from the reading
 * text; a credit left in would also read as a sentence with words missing ("… for The").
 */
import type { DraftBlock } from './blocks.ts';

/** Labels that alone in a block mark an advertisement slot (lower-cased, without punctuation). */
export const AD_LABELS: readonly string[] = [
  'ad',
  'ads',
  'advert',
  'advertisement',
  'advertisements',
  'advertising',
  'sponsored',
  'sponsored content',
  'sponsored links',
  'sponsored stories',
  'paid content',
  'paid post',
  'partner content',
  'promoted',
  'promoted content',
  'promoted stories',
  'story continues below advertisement',
  'article continues below advertisement',
  'continue reading below',
  'scroll to continue with content',
  'skip advertisement',
];

/** Words that before a colon make a short block an advert ("Sponsored: the best jackets"). */
export const AD_PREFIXES: readonly string[] = [
  'advertisement',
  'advert',
  'sponsored',
  'sponsored by',
  'paid content',
  'promoted',
  'partner content',
];

/** Words that open a photo credit ("Photo: …", "Photograph by …", "Credit: …"). */
export const CREDIT_WORDS: readonly string[] = [
  'photo',
  'photos',
  'photograph',
  'photographs',
  'photography',
  'picture',
  'pictures',
  'image',
  'images',
  'illustration',
  'graphic',
  'video',
  'credit',
  'credits',
  'photo credit',
  'image credit',
  'image source',
  'source',
];

/** Agencies and picture libraries whose name after a slash or alone makes a line a credit. */
export const PICTURE_AGENCIES: readonly string[] = [
  'ap',
  'ap photo',
  'afp',
  'afp via getty images',
  'getty images',
  'getty',
  'reuters',
  'epa',
  'epa-efe',
  'shutterstock',
  'alamy',
  'pa',
  'pa wire',
  'pa media',
  'bloomberg',
  'anadolu',
  'xinhua',
];

const MAX_CLUTTER_CHARS = 160;

function plain(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s:/-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const labels = new Set(AD_LABELS);
const adPrefix = new RegExp(`^(?:${AD_PREFIXES.map(escape).join('|')})\\s*:`);
const creditWords = CREDIT_WORDS.map(escape).join('|');
/** "Photo: …", "Photograph by …", "Photo courtesy of …", "Image credit: …" */
const creditLead = new RegExp(`^(?:${creditWords})(?:\\s*:|\\s+by\\b|\\s+courtesy\\b)`);
const agencies = PICTURE_AGENCIES.map(escape).join('|');
/** "Jane Doe/AP", "AP Photo/Mark Lennihan", "REUTERS/Jane Doe", "Getty Images" */
const agencyCredit = new RegExp(
  `^(?:(?:${agencies})(?:\\s+photo)?\\s*/\\s*[\\p{L} .'-]+|[\\p{L} .'-]+/\\s*(?:${agencies})|${agencies})$`,
  'u',
);
/** A credit at the end of a caption: "… (Jane Doe/AP)", "… Photo: Jane Doe for The Ledger". */
const trailingCredit = new RegExp(
  `(?:\\s*\\|\\s*|\\s+)(?:\\((?:[^()]*/[^()]*|(?:${creditWords})[^()]*)\\)|(?:${creditWords})(?:\\s*:|\\s+by\\b)[^.!?]*)$`,
  'i',
);

/** Whether a block is an advertisement slot's label. */
export function isAdLabel(text: string): boolean {
  const t = plain(text);
  if (!t || text.length > MAX_CLUTTER_CHARS) return false;
  return labels.has(t.replace(/[:/-]/g, ' ').replace(/\s+/g, ' ').trim()) || adPrefix.test(t);
}

/** Whether a block is nothing but a photo credit. */
export function isPhotoCredit(text: string): boolean {
  if (text.length > MAX_CLUTTER_CHARS) return false;
  const t = plain(text.replace(/^\((.*)\)$/s, '$1'));
  return creditLead.test(t) || agencyCredit.test(t);
}

/** A caption without the credit at its end ("Smoke. Photo: Jane Doe" → "Smoke."). */
export function captionWithoutCredit(caption: string): string {
  const stripped = caption.replace(trailingCredit, '').trim();
  return stripped || caption;
}

/**
 * The blocks without advertisement labels and photo credits. Only paragraphs and figure
 * captions are judged: a heading or a quotation that happens to say "Sponsored" is the story.
 */
export function removeClutter(drafts: readonly DraftBlock[]): DraftBlock[] {
  const kept: DraftBlock[] = [];
  for (const draft of drafts) {
    if (draft.kind === 'paragraph' && (isAdLabel(draft.text) || isPhotoCredit(draft.text)))
      continue;
    if (draft.kind === 'figure' && draft.text) {
      const caption = isPhotoCredit(draft.text) ? '' : captionWithoutCredit(draft.text);
      if (caption !== draft.text) {
        const { marks: _marks, ...rest } = draft;
        kept.push({ ...rest, text: caption || draft.image?.alt || '' });
        continue;
      }
    }
    kept.push(draft);
  }
  return kept;
}
