/**
 * Runs imports in a worker thread held to a budget (budget.ts): a time limit per import, a
 * heap limit for the worker and a size limit for files. The main thread never parses, so the
 * app stays responsive whatever a file holds, and memory a parser keeps (jsdom keeps some per
 * page) goes when the worker is recycled. One task runs at a time; a task over its budget ends
 * the worker, fails alone with a reason naming its file, and the next task starts a fresh one.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { messageOf, type ErrorCode } from '../../../common/errors.ts';
import type { ParsedArticle } from '../../../common/model/article.ts';
import { UnreadableFileError } from '../read-article-file.ts';
import { DEFAULT_BUDGET, tooMuchMemoryReason, tooSlowReason, type ImportBudget } from './budget.ts';
import type { WorkerAnswer } from './protocol.ts';
import { taskName, type ImportTask } from './tasks.ts';
import { asarNodeModules, outsideAsar } from './worker-path.ts';

/** Tasks one worker serves before it is replaced, bounding what a parser may leak. */
export const RECYCLE_AFTER = 50;
/** How long an idle worker is kept for the next import of a batch. */
const IDLE_MS = 2_000;

/** Whether this code runs from a built bundle (dist/main, dist/cli), with the worker beside it. */
export function runningBuilt(): boolean {
  return import.meta.url.endsWith('.cjs');
}

/**
 * Starts the worker: the bundle beside this one when running built (dist/main, dist/cli; in
 * the packaged app its unpacked copy, see worker-path.ts), or
 * the TypeScript entry through tsx's loader when running from source (tests, scripts).
 */
function startWorker(heapMb: number): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (runningBuilt()) {
    const script = fileURLToPath(new URL('./import-worker.cjs', here));
    const modules = asarNodeModules(script);
    const env = modules ? { ...process.env, NODE_PATH: modules } : process.env;
    return new Worker(outsideAsar(script), { resourceLimits, env });
  }
  const tsx = pathToFileURL(tsxEsmApi(here)).href;
  const entry = new URL('./worker.ts', here).href;
  const boot =
    `import(${JSON.stringify(tsx)})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(boot, { eval: true, resourceLimits });
}

/** tsx's ES-module API, as its package exports it for import (require.resolve gives CJS). */
function tsxEsmApi(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  return path.join(path.dirname(manifestPath), entry);
}

interface Running {
  id: number;
  task: ImportTask;
  resolve: (article: ParsedArticle) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

/** One import's failure, named by its file, with the code that says which kind it was. */
function failure(task: ImportTask, reason: string, code: ErrorCode): UnreadableFileError {
  return new UnreadableFileError(taskName(task), reason, code);
}

export class ImportRunner {
  private worker: Worker | null = null;
  private running: Running | null = null;
  private served = 0;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private idle: NodeJS.Timeout | null = null;
  private started = 0;
  private heap = 0;

  constructor(readonly budget: ImportBudget = DEFAULT_BUDGET) {}

  /** Reads and parses a file the user chose (dialog, drop, command line). */
  parseFile(file: string): Promise<ParsedArticle> {
    return this.run({ kind: 'file', file, maxBytes: this.budget.maxBytes });
  }

  /**
   * Runs one task within the budget, after the tasks before it. Rejects with an
   * UnreadableFileError naming the task's file (code `too-large` when over budget).
   */
  run(task: ImportTask): Promise<ParsedArticle> {
    const next = this.queue.then(() => this.runNow(task));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** How many workers this runner has started: one per RECYCLE_AFTER tasks, or after a stop. */
  get workersStarted(): number {
    return this.started;
  }

  /** Whether a worker is alive now (none while idle for long). */
  get workerAlive(): boolean {
    return this.worker !== null;
  }

  /** The worker's heap in use after its last task, in bytes (see protocol.ts). */
  get lastWorkerHeap(): number {
    return this.heap;
  }

  /** Ends the worker now (the app quitting; tests). */
  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private async runNow(task: ImportTask): Promise<ParsedArticle> {
    if (this.idle) clearTimeout(this.idle);
    const worker = await this.ensureWorker(task);
    worker.ref();
    return new Promise<ParsedArticle>((resolve, reject) => {
      const id = this.nextId++;
      const timer = setTimeout(() => {
        this.abandon(failure(task, tooSlowReason(this.budget.timeMs), 'too-large'));
      }, this.budget.timeMs);
      this.running = { id, task, resolve, reject, timer };
      worker.postMessage({ id, task });
    }).finally(() => this.afterTask());
  }

  /** The running worker, or a new one once it has loaded (or the task's failure to start it). */
  private async ensureWorker(task: ImportTask): Promise<Worker> {
    if (this.worker) return this.worker;
    const worker = startWorker(this.budget.heapMb);
    this.started++;
    this.served = 0;
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', (error) =>
        reject(failure(task, `the import could not start (${messageOf(error)})`, 'internal')),
      );
    });
    worker.on('message', (answer: WorkerAnswer) => {
      if (answer.id !== undefined) this.settle(answer);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const running = this.running;
      if (!running) return;
      const reason =
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? tooMuchMemoryReason(this.budget.heapMb)
          : messageOf(error);
      const code = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too-large' : 'internal';
      this.abandon(failure(running.task, reason, code));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      const running = this.running;
      if (running)
        this.abandon(failure(running.task, 'the import stopped unexpectedly', 'internal'));
    });
    this.worker = worker;
    await ready;
    return worker;
  }

  private settle(answer: Exclude<WorkerAnswer, { ready: true }>): void {
    const running = this.running;
    if (!running || running.id !== answer.id) return;
    this.running = null;
    clearTimeout(running.timer);
    this.heap = answer.heap;
    if (answer.ok) running.resolve(answer.article);
    else
      running.reject(
        failure(running.task, answer.reason ?? answer.error.message, answer.error.code),
      );
  }

  /** Fails the running task and ends its worker, which may be stuck in a parser. */
  private abandon(error: UnreadableFileError): void {
    const running = this.running;
    if (!running) return;
    this.running = null;
    clearTimeout(running.timer);
    running.reject(error);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }

  private afterTask(): void {
    const worker = this.worker;
    if (!worker) return;
    if (++this.served >= RECYCLE_AFTER) {
      this.worker = null;
      void worker.terminate();
      return;
    }
    // An idle worker neither keeps the process alive nor lingers after a batch.
    worker.unref();
    this.idle = setTimeout(() => void this.close(), IDLE_MS);
    this.idle.unref();
  }
}
