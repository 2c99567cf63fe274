/**
 * The import worker's entry: answers each task message with the parsed article or with the
 * failure as a code, a message and (for a file's own problem) the bare reason. Anything thrown,
 * even a plain string (jsdom throws some), becomes a message.
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { toErrorInfo } from '../../../common/errors.ts';
import { UnreadableFileError } from '../read-article-file.ts';
import { runTask, type ImportTask } from './tasks.ts';
import type { WorkerAnswer } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('the import worker runs only as a worker thread');

// Loaded and listening: the runner starts an import's clock only now, so a slow start (tsx
// compiling the sources in tests) never counts against a file's time.
port.postMessage({ ready: true });

/** The heap in use now; collected first when the process allows it (the soak runs so). */
function heapInUse(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return getHeapStatistics().used_heap_size;
}

port.on('message', (message: { id: number; task: ImportTask }) => {
  const answer = (value: WorkerAnswer) => port.postMessage(value);
  runTask(message.task).then(
    (article) => answer({ id: message.id, ok: true, article, heap: heapInUse() }),
    (error: unknown) =>
      answer({
        id: message.id,
        ok: false,
        error: toErrorInfo(error),
        ...(error instanceof UnreadableFileError ? { reason: error.reason } : {}),
        heap: heapInUse(),
      }),
  );
});
