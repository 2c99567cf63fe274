/**
 * Child process for the crash test: opens the store in the folder given and performs the
 * scripted writes from number `from` on, printing `ack <n>` once write n has resolved. It never
 * stops by itself; the test kills it. Usage: node --import tsx crash-writer.ts <dataDir> <from>
 */
import { writeSync } from 'node:fs';
import { openLibraryStore } from '../../../electron/services/store/open-store.ts';
import { performOp } from './crash-plan.ts';

// Synchronous writes to fd 1: an ack the test may count must not sit in a buffer when the kill
// comes.
function say(line: string): void {
  writeSync(1, line + '\n');
}

const [dataDir, fromArg] = process.argv.slice(2);
if (!dataDir || !fromArg) throw new Error('usage: crash-writer.ts <dataDir> <from>');

const store = await openLibraryStore(dataDir);
say(`ready ${store.notices.length}`);
for (let n = Number(fromArg); n < 1_000_000; n++) {
  await performOp(store, n);
  say(`ack ${n}`);
}
