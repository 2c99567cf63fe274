import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articlesTouched, logSizes } from '../../../electron/services/search/log-cursor.ts';
import { tempDir } from '../../helpers/temp.ts';

const noPause = () => Promise.resolve();
const line = (...ids: string[]) =>
  JSON.stringify({ t: '1.0.d~l', ops: ids.map((a) => ({ o: 'row', a, f: {} })) }) + '\n';

function library(): { dir: string; log: string } {
  const dir = tempDir('log-cursor');
  const logs = path.join(dir, 'devices', 'laptop', 'logs');
  mkdirSync(logs, { recursive: true });
  const log = path.join(logs, 'one.jsonl');
  writeFileSync(log, line('a1') + line('a2'));
  return { dir, log };
}

describe('what the change logs gained since the search index was saved', () => {
  it('names the articles of the lines appended since, in old logs and new ones', async () => {
    const { dir, log } = library();
    const saved = await logSizes(dir);
    appendFileSync(log, line('a3', 'a4'));
    writeFileSync(path.join(path.dirname(log), 'two.jsonl'), line('a5'));
    const touched = await articlesTouched(dir, saved, await logSizes(dir), noPause);
    expect([...touched!.articles].sort()).toEqual(['a3', 'a4', 'a5']);
  });

  it('leaves a line still being written for next time', async () => {
    const { dir, log } = library();
    const saved = await logSizes(dir);
    const whole = line('a3');
    const torn = line('a4');
    appendFileSync(log, whole + torn.slice(0, 10));
    const first = await articlesTouched(dir, saved, await logSizes(dir), noPause);
    expect([...first!.articles]).toEqual(['a3']);
    appendFileSync(log, torn.slice(10));
    const second = await articlesTouched(dir, first!.reached, await logSizes(dir), noPause);
    expect([...second!.articles]).toEqual(['a4']);
  });

  it('cannot tell when a log is shorter than remembered or gone', async () => {
    const { dir, log } = library();
    const saved = await logSizes(dir);
    writeFileSync(log, line('a1'));
    expect(await articlesTouched(dir, saved, await logSizes(dir), noPause)).toBeNull();
    expect(await articlesTouched(dir, saved, {}, noPause)).toBeNull();
  });

  it('skips a damaged line and reads on', async () => {
    const { dir, log } = library();
    const saved = await logSizes(dir);
    appendFileSync(log, '{"t": broken\n' + line('a9'));
    const touched = await articlesTouched(dir, saved, await logSizes(dir), noPause);
    expect([...touched!.articles]).toEqual(['a9']);
  });
});
