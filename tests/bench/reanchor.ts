/**
 * Benchmark: re-placing 5,000 highlights in a ~1,000,000-character article after about 2% of
 * its text was edited. Compares reanchorAll (one diff + offset map + local checks) against the
 * way a reader without the diff re-places highlights: the project's own `anchor()` once per
 * highlight over the new text (recorded position, then exact quote search, then fuzzy search,
 * the Hypothesis order), over all 5,000 highlights, timed whole.
 *
 * Run standalone: npx tsx tests/bench/run.ts --only=reanchor
 */
import { describeRange } from '../../common/anchoring/describe-range.ts';
import { anchor } from '../../common/anchoring/match-quote.ts';
import { reanchorAll, type Placement, type ReanchorItem } from '../../common/anchoring/reanchor.ts';
import { median, row, type BenchResult } from './generate.ts';

const TARGET_LENGTH = 1_000_000;
const HIGHLIGHTS = 5_000;
const EDITED_FRACTION = 0.02;
const TIMED_RUNS = 5;
/** The baseline takes seconds a run; three runs give a median that one busy moment cannot move. */
const BASELINE_RUNS = 3;

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same article and edits. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the a of to in and said on for with that by at from as was were is has have had will would ' +
  'government minister officials police city council company market prices percent year week ' +
  'spokesman report investigation election vote parliament president court judge ruling appeal ' +
  'border talks agreement ceasefire troops protesters crowd capital province region villagers ' +
  'economy inflation bank rates growth exports workers strike union wages hospital doctors ' +
  'patients outbreak vaccine storm flooding residents rescue teams damage power roads bridge ' +
  'statement interview sources analysts investors shares quarter profit losses deal merger ' +
  'announced confirmed denied warned told added expected planned reported rejected approved ' +
  'earlier later Monday Tuesday Wednesday Thursday Friday weekend morning evening night ' +
  'Reuters AP Istanbul Nairobi Lagos Jakarta Lima Kyiv Manila Delhi Cairo Athens ' +
  'new former senior local national foreign federal regional public private major several'
).split(' ');

const BOILERPLATE = [
  'The company did not immediately respond to a request for comment.',
  'Officials said the investigation was continuing.',
  'It was not immediately clear how many people were affected.',
];

function sentence(random: () => number): string {
  if (random() < 0.06) return BOILERPLATE[Math.floor(random() * BOILERPLATE.length)] ?? '';
  const count = 8 + Math.floor(random() * 22);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? 'the');
  const first = words[0] ?? 'The';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  let text = words.join(' ');
  if (random() < 0.2)
    text = `“${text},” said a ${WORDS[Math.floor(random() * WORDS.length)]} official`;
  return `${text}.`;
}

function phrase(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += `${WORDS[Math.floor(random() * WORDS.length)]} `;
  return text.slice(0, length);
}

/** An article of news-like prose: paragraphs of 2–6 sentences separated by blank lines. */
export function generateArticle(random: () => number, targetLength: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  while (length < targetLength) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(random() * 5);
    for (let i = 0; i < count; i++) sentences.push(sentence(random));
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** The edited text and, for every old offset, where that character went (-1: deleted). */
export interface EditedText {
  text: string;
  oldToNew: Int32Array;
  editCount: number;
}

/** Scatters insertions, deletions and replacements until about `fraction` of the text changed. */
export function editText(random: () => number, text: string, fraction: number): EditedText {
  const budget = Math.round(text.length * fraction);
  interface Edit {
    at: number;
    remove: number;
    insert: string;
  }
  const edits: Edit[] = [];
  let changed = 0;
  while (changed < budget) {
    const kind = random();
    const at = Math.floor(random() * text.length);
    const remove = kind < 0.33 ? 0 : 5 + Math.floor(random() * 30);
    const insert = kind >= 0.33 && kind < 0.66 ? '' : phrase(random, 5 + Math.floor(random() * 30));
    edits.push({ at, remove: Math.min(remove, text.length - at), insert });
    changed += remove + insert.length;
  }
  edits.sort((a, b) => a.at - b.at);

  const oldToNew = new Int32Array(text.length).fill(-1);
  const pieces: string[] = [];
  let oldAt = 0;
  let newAt = 0;
  let editCount = 0;
  for (const edit of edits) {
    if (edit.at < oldAt) continue; // overlaps the previous edit
    for (let i = oldAt; i < edit.at; i++) oldToNew[i] = newAt + (i - oldAt);
    pieces.push(text.slice(oldAt, edit.at), edit.insert);
    newAt += edit.at - oldAt + edit.insert.length;
    oldAt = edit.at + edit.remove;
    editCount += 1;
  }
  for (let i = oldAt; i < text.length; i++) oldToNew[i] = newAt + (i - oldAt);
  pieces.push(text.slice(oldAt));
  return { text: pieces.join(''), oldToNew, editCount };
}

/** Where a highlight's text truly went: from its first to its last surviving character. */
function truePlacement(
  oldToNew: Int32Array,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let first = start;
  while (first < end && (oldToNew[first] ?? -1) < 0) first++;
  if (first === end) return null;
  let last = end - 1;
  while ((oldToNew[last] ?? -1) < 0) last--;
  return { start: oldToNew[first] ?? 0, end: (oldToNew[last] ?? 0) + 1 };
}

/** The share of highlights placed exactly where their text went (or orphaned when it went). */
function fractionCorrect(
  items: readonly ReanchorItem[],
  oldToNew: Int32Array,
  placementOf: (id: string) => Placement | undefined,
): number {
  let correct = 0;
  for (const item of items) {
    const truth = truePlacement(oldToNew, item.position.start, item.position.end);
    const placement = placementOf(item.id);
    if (placement === undefined) continue;
    if (
      truth === null
        ? placement.status === 'orphan'
        : placement.status !== 'orphan' &&
          placement.start === truth.start &&
          placement.end === truth.end
    ) {
      correct += 1;
    }
  }
  return correct / items.length;
}

/** The baseline: every highlight anchored on its own, as if no diff were known. */
function anchorEach(newText: string, items: readonly ReanchorItem[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  for (const item of items) {
    const found = anchor(newText, { position: item.position, quote: item.quote });
    placements.set(
      item.id,
      found === null
        ? { status: 'orphan' }
        : {
            start: found.start,
            end: found.end,
            status: found.method === 'position' ? 'kept' : 'moved',
          },
    );
  }
  return placements;
}

/** Runs the benchmark and returns its figures. */
export function run(): Promise<BenchResult[]> {
  return Promise.resolve(measure());
}

function measure(): BenchResult[] {
  const random = prng(20240611);
  const oldText = generateArticle(random, TARGET_LENGTH);
  const items: ReanchorItem[] = [];
  for (let i = 0; i < HIGHLIGHTS; i++) {
    const length = 10 + Math.floor(random() * 291);
    const start = Math.floor(random() * (oldText.length - length));
    items.push({ id: `h${i}`, ...describeRange(oldText, start, start + length) });
  }
  const edited = editText(random, oldText, EDITED_FRACTION);

  const timings: number[] = [];
  let result = reanchorAll(oldText, edited.text, items);
  for (let runIndex = 0; runIndex < TIMED_RUNS; runIndex++) {
    const began = performance.now();
    result = reanchorAll(oldText, edited.text, items);
    timings.push(performance.now() - began);
  }
  const reanchorMs = median(timings);
  const correct = fractionCorrect(items, edited.oldToNew, (id) => result.placements.get(id));

  // Baseline: anchor() per highlight over all of them, timed whole, in this same run.
  const baselineTimes: number[] = [];
  let baselinePlacements = new Map<string, Placement>();
  for (let runIndex = 0; runIndex < BASELINE_RUNS; runIndex++) {
    const began = performance.now();
    baselinePlacements = anchorEach(edited.text, items);
    baselineTimes.push(performance.now() - began);
  }
  const baselineMs = median(baselineTimes);
  const baselineCorrect = fractionCorrect(items, edited.oldToNew, (id) =>
    baselinePlacements.get(id),
  );
  if (baselineCorrect === 0) throw new Error('the anchor() baseline placed nothing correctly');

  const size =
    `${HIGHLIGHTS.toLocaleString('en')} highlights, ` +
    `${oldText.length.toLocaleString('en')} chars, ${edited.editCount} edits (~2% of the text)`;
  const against = 'anchor() per highlight (position, exact, fuzzy), all 5,000, timed whole';
  return [
    row({
      name: 'reanchor-5k-after-edit',
      value: reanchorMs,
      unit: 'ms',
      size: `${size}; median of ${TIMED_RUNS} runs (baseline ${BASELINE_RUNS})`,
      baseline: baselineMs,
      against,
    }),
    row(
      {
        name: 'reanchor-5k-placed-correctly',
        value: correct,
        unit: 'fraction',
        size,
        baseline: baselineCorrect,
        against,
      },
      4,
    ),
  ];
}
