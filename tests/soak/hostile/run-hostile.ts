/**
 * Runs hostile inputs through each importer the way the app runs it, and counts what matters
 * to a reader: exceptions nobody meant (a TypeError, a stack overflow, a thrown string: code
 * `internal`), inputs over the time budget, and results whose offsets point outside their text.
 * A refusal with a reason (too large, not an article, not valid JSON) is the wanted outcome for
 * much of this input and is only counted.
 */
import { parseAnnotations } from '../../../common/annotations/parse.ts';
import { toErrorInfo } from '../../../common/errors.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { readEpub } from '../../../electron/services/epub/read-epub.ts';
import {
  tooMuchMemoryReason,
  tooSlowReason,
} from '../../../electron/services/import-worker/budget.ts';
import type { ImportRunner } from '../../../electron/services/import-worker/runner.ts';
import type { Library } from '../../../electron/services/library.ts';
import { UnreadableFileError } from '../../../electron/services/read-article-file.ts';
import { hostileInput, type HostileInput, type Importer } from './inputs.ts';

/** One input that went wrong: its seed replays it (GLOSS_HOSTILE_SEED=seed, count 1). */
export interface Finding {
  seed: number;
  problem: string;
}

export interface HostileReport {
  importer: Importer;
  seed: number;
  count: number;
  imported: number;
  refused: number;
  uncaught: Finding[];
  overBudget: Finding[];
  badOffsets: Finding[];
  slowest: { ms: number; seed: number };
}

export interface HostileOptions {
  seed: number;
  count: number;
  /** The app's import runner (a worker thread held to the budget). */
  runner: ImportRunner;
  /** A library to import annotations into (articles are added to it). */
  library: Library;
}

type Outcome =
  | { kind: 'imported'; offsets: string | null }
  | { kind: 'refused' }
  | { kind: 'uncaught'; problem: string }
  | { kind: 'over-budget'; problem: string };

/** Where a parsed article's blocks or marks point outside its text, or null. */
export function offsetProblem(article: ParsedArticle): string | null {
  const length = article.text.length;
  let previous = 0;
  for (const b of article.blocks) {
    const ok = Number.isInteger(b.start) && Number.isInteger(b.end) && previous <= b.start;
    if (!ok || b.start > b.end || b.end > length)
      return `block [${b.start}, ${b.end}) in a text of ${length}`;
    previous = b.end;
    for (const m of b.marks ?? [])
      if (!(b.start <= m.start && m.start <= m.end && m.end <= b.end))
        return `mark [${m.start}, ${m.end}) outside its block [${b.start}, ${b.end})`;
  }
  return null;
}

/** A thrown value as an outcome: a GlossError with a reader's reason is a refusal. */
function thrown(error: unknown, budgetMs: number, heapMb: number): Outcome {
  const reason = error instanceof UnreadableFileError ? error.reason : null;
  if (reason === tooSlowReason(budgetMs) || reason === tooMuchMemoryReason(heapMb))
    return { kind: 'over-budget', problem: reason };
  const info = toErrorInfo(error);
  if (info.code === 'internal') return { kind: 'uncaught', problem: info.message.slice(0, 300) };
  return { kind: 'refused' };
}

const EXTENSIONS: Record<'txt' | 'md' | 'html', string> = { txt: 'txt', md: 'md', html: 'html' };

/** An article for annotations to land on, renewed now and then so highlights do not pile up. */
async function annotationTarget(library: Library, round: number): Promise<string> {
  const text = [
    `The council, round ${round}`,
    'Reuters | Lisbon',
    'The council met on Tuesday and agreed the budget for the harbour.',
    '"We agreed," said Ana Costa, the harbour master.',
  ].join('\n\n');
  return (await library.importText(`target-${round}.txt`, text)).id;
}

async function importOne(
  importer: Importer,
  input: HostileInput,
  options: HostileOptions,
  articleId: () => Promise<string>,
): Promise<Outcome> {
  const { runner, library } = options;
  const { timeMs, heapMb } = runner.budget;
  try {
    if (importer === 'txt' || importer === 'md' || importer === 'html') {
      const fileName = `hostile.${EXTENSIONS[importer]}`;
      const article = await runner.run({ kind: 'text', fileName, text: input as string });
      return { kind: 'imported', offsets: offsetProblem(article) };
    }
    if (importer === 'epub') {
      // Books are read in this thread (see the report): time them against the same budget.
      const started = performance.now();
      const book = readEpub(input as Uint8Array, 'hostile.epub');
      if (performance.now() - started > timeMs)
        return { kind: 'over-budget', problem: tooSlowReason(timeMs) };
      return { kind: 'imported', offsets: offsetProblem(book.article) };
    }
    let data: unknown;
    try {
      data = JSON.parse(input as string);
    } catch {
      return { kind: 'refused' }; // "not valid JSON", as the command says
    }
    let parsed;
    try {
      parsed = parseAnnotations(data);
    } catch (error) {
      // The parser refuses a wrong shape with a plain Error saying what it got; anything else
      // (a TypeError, a stack overflow) is a fault.
      if (error instanceof Error && error.constructor === Error) return { kind: 'refused' };
      return { kind: 'uncaught', problem: toErrorInfo(error).message.slice(0, 300) };
    }
    const id = await articleId();
    await library.importAnnotations(id, parsed.annotations);
    const { article, highlights } = await library.open(id);
    for (const h of highlights) {
      const { start, end } = h.position;
      if (!h.orphan && !(0 <= start && start < end && end <= article.text.length))
        return {
          kind: 'imported',
          offsets: `highlight [${start}, ${end}) in ${article.text.length}`,
        };
    }
    return { kind: 'imported', offsets: null };
  } catch (error) {
    return thrown(error, timeMs, heapMb);
  }
}

/** Runs `count` inputs of one importer, seeds `seed`, `seed + 1`, … */
export async function runHostile(
  importer: Importer,
  options: HostileOptions,
): Promise<HostileReport> {
  const report: HostileReport = {
    importer,
    seed: options.seed,
    count: options.count,
    imported: 0,
    refused: 0,
    uncaught: [],
    overBudget: [],
    badOffsets: [],
    slowest: { ms: 0, seed: options.seed },
  };
  let target: { id: string; uses: number } | null = null;
  let round = 0;
  const articleId = async () => {
    if (!target || target.uses >= 100)
      target = { id: await annotationTarget(options.library, round++), uses: 0 };
    target.uses++;
    return target.id;
  };
  for (let i = 0; i < options.count; i++) {
    const seed = (options.seed + i) | 0;
    const input = hostileInput(importer, seed);
    const started = performance.now();
    const workers = options.runner.workersStarted;
    const outcome = await importOne(importer, input, options, articleId);
    const ms = performance.now() - started;
    // A worker starting (every RECYCLE_AFTER imports) is not the input's time.
    const fresh = options.runner.workersStarted !== workers;
    if (!fresh && ms > report.slowest.ms) report.slowest = { ms, seed };
    if (outcome.kind === 'imported') {
      report.imported++;
      if (outcome.offsets) report.badOffsets.push({ seed, problem: outcome.offsets });
    } else if (outcome.kind === 'refused') report.refused++;
    else if (outcome.kind === 'uncaught') report.uncaught.push({ seed, problem: outcome.problem });
    else report.overBudget.push({ seed, problem: outcome.problem });
  }
  return report;
}

/** One line per importer, then one per finding (at most five of each kind). */
export function describeReport(r: HostileReport, budgetMs: number): string {
  const lines = [
    `hostile ${r.importer}: ${r.count} inputs from seed ${r.seed}: ${r.imported} imported, ` +
      `${r.refused} refused with a reason, ${r.uncaught.length} uncaught, ` +
      `${r.overBudget.length} over the ${budgetMs / 1000} s budget, ` +
      `${r.badOffsets.length} with offsets outside the text; slowest ` +
      `${Math.round(r.slowest.ms)} ms (seed ${r.slowest.seed})`,
  ];
  for (const [label, list] of [
    ['uncaught', r.uncaught],
    ['over budget', r.overBudget],
    ['offsets', r.badOffsets],
  ] as const)
    for (const f of list.slice(0, 5))
      lines.push(
        `  ${label}: seed ${f.seed} (GLOSS_HOSTILE_SEED=${f.seed} GLOSS_HOSTILE_COUNT=1): ${f.problem}`,
      );
  return lines.join('\n');
}
