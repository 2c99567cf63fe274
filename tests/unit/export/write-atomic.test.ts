import { mkdir, readdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../../helpers/temp.ts';
import { writeFileAtomic } from '../../../electron/services/export/write-atomic.ts';

let dir = '';
beforeEach(() => {
  dir = tempDir('atomic');
});
afterEach(removeTempDirs);

describe('writeFileAtomic', () => {
  it('creates a file and replaces an existing one whole, leaving no temporary file', async () => {
    const path = join(dir, 'note.md');
    await writeFileAtomic(path, 'first');
    expect(await readFile(path, 'utf8')).toBe('first');
    const big = 'x'.repeat(1_000_000);
    await writeFileAtomic(path, big);
    expect(await readFile(path, 'utf8')).toBe(big);
    expect(await readdir(dir)).toEqual(['note.md']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'note.md');
    await writeFile(path, 'old');
    await chmod(path, 0o640);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o640);
  });

  it('fails with the path and reason when the folder is really a file, writing nothing', async () => {
    const file = join(dir, 'plain-file');
    await writeFile(file, 'keep me');
    const target = join(file, 'note.md');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(
      `Could not write ${target}: part of the path is a file, not a folder`,
    );
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect(await readdir(dir)).toEqual(['plain-file']);
  });

  it('leaves what is at the path intact and removes its temporary file when the rename fails', async () => {
    // A folder where the file should go: the temp file is written, then the rename is refused.
    const target = join(dir, 'note.md');
    await mkdir(target);
    await writeFile(join(target, 'inside.txt'), 'keep');
    await expect(writeFileAtomic(target, 'new content')).rejects.toThrow(
      new RegExp(`^Could not write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `),
    );
    expect((await stat(target)).isDirectory()).toBe(true);
    expect(await readFile(join(target, 'inside.txt'), 'utf8')).toBe('keep');
    expect(await readdir(dir)).toEqual(['note.md']);
  });

  it('fails with a clear reason when the folder does not exist', async () => {
    const target = join(dir, 'missing', 'note.md');
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow(
      `Could not write ${target}: the folder does not exist`,
    );
  });

  it('writes bytes exactly, including no-break spaces and emoji', async () => {
    const path = join(dir, 'u.md');
    const text = 'AP\u00a0 |\u00a0 Istanbul 😀\r\n';
    await writeFileAtomic(path, text);
    expect(await readFile(path, 'utf8')).toBe(text);
  });
});
