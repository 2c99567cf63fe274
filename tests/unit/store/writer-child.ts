/**
 * Child process for the store tests and the soak: opens the library in a folder through the
 * services (as `gloss` does) and writes highlights with notes to one article, printing
 * `ack <highlight id> <note>` once each is acknowledged. Every tenth write also edits the
 * note of the previous highlight and sets the article's reading position.
 * Usage: node --import tsx writer-child.ts <dataDir> <articleId> <label> <count|seconds>s?
 */
import { writeSync } from 'node:fs';
import { openLibrary } from '../../../electron/services/open-library.ts';

function say(line: string): void {
  writeSync(1, line + '\n');
}

const [dataDir, articleId, label, amount] = process.argv.slice(2);
if (!dataDir || !articleId || !label || !amount)
  throw new Error('usage: writer-child.ts <dataDir> <articleId> <label> <count | seconds s>');
const until = amount.endsWith('s') ? Date.now() + Number(amount.slice(0, -1)) * 1000 : Infinity;
const count = amount.endsWith('s') ? Infinity : Number(amount);

const { library } = await openLibrary(dataDir, { search: { persist: false } });
const length = (await library.open(articleId)).article.text.length;
let previous: { id: string; note: string } | null = null;
for (let i = 0; i < count && Date.now() < until; i++) {
  const start = (i * 7) % Math.max(1, length - 10);
  const note = `${label} note ${i}`;
  const h = await library.createHighlight({
    articleId,
    start,
    end: start + 5,
    color: 'blue',
    note,
  });
  say(`ack ${h.id} ${note}`);
  if (i % 10 === 9 && previous) {
    const edited = `${previous.note} (edited)`;
    await library.updateHighlight({ articleId, id: previous.id, note: edited });
    say(`ack ${previous.id} ${edited}`);
    await library.setReadingPosition(articleId, i, 0.5);
  }
  previous = { id: h.id, note };
}
await library.close();
say('done');
