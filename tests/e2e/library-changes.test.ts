/**
 * The open window follows what another process does to its library folder: the `gloss`
 * command, run as a process of its own on the same data folder while the app is open, imports
 * an article (the library lists it without a restart) and annotates the article being read
 * (the reader shows the new note) while the reader is half-way through typing a note of their
 * own, which must survive.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJson } from '../helpers/cli-json.ts';
import { CHROME, ROOT, openApp, selectText, tempDataDir, type App } from './harness.ts';

/** Runs `gloss ARGS --data DIR` from source in a process of its own, as another device would. */
function glossProcess(dataDir: string, args: string[]): Promise<{ code: number; out: string }> {
  const main = pathToFileURL(path.join(ROOT, 'electron/cli/main.ts')).href;
  const script =
    `const { main } = await import(${JSON.stringify(main)});` +
    'process.exitCode = await main(process.argv.slice(1));';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, ...args, '--data', dataDir],
    { cwd: ROOT, env: { ...process.env, GLOSS_DEVICE: 'cli-device' }, stdio: 'pipe' },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve({ code, out }) : reject(new Error(`gloss ${args[0]}: ${code} ${err}`)),
    );
  });
}

/** How long after the command ended the window showed its change (printed, not asserted). */
async function shownWithin(what: string, since: number, shown: () => Promise<void>) {
  await shown();
  console.log(`${what}: shown ${Math.round(performance.now() - since)} ms after gloss exited`);
}

const STORY =
  'Ferry service resumes across the estuary\n\nReuters | Lisbon\n\n' +
  'The ferry across the estuary ran again on Monday after a week of repairs, the operator said.\n\n' +
  '"Commuters waited long enough," said Rui Matos, who runs the crossing.\n';

// Each test starts `gloss` from source in a process of its own, seconds on a busy machine.
describe.skipIf(!CHROME)('changes made on disk by another process', { timeout: 120_000 }, () => {
  let app: App;
  let articleId = '';

  beforeAll(async () => {
    app = await openApp({ watch: true });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists an article that `gloss import` added while the app is open', async () => {
    const { page } = app;
    await page.locator('.article-card').first().waitFor();
    const file = path.join(tempDataDir(), 'ferry.txt');
    writeFileSync(file, STORY);
    const { out } = await glossProcess(app.dataDir, ['import', file, '--json']);
    const done = performance.now();
    articleId = (JSON.parse(out) as ImportJson).imported[0]!.id;
    const card = page.locator('.article-card', { hasText: 'Ferry service resumes' });
    await shownWithin('import', done, () => card.waitFor({ timeout: 5_000 }));
    expect(await page.locator('.article-card').count()).toBe(2);
  });

  it('shows a note `gloss annotations import` added, keeping a note being typed', async () => {
    const { page } = app;
    await page.locator('.article-card', { hasText: 'Ferry service resumes' }).click();
    await page.locator('h1#article-title').waitFor();
    await selectText(page, 'a week of repairs');
    await page.keyboard.press('n');
    const editor = page.getByRole('textbox', { name: /Note/ });
    await editor.waitFor();
    await page.keyboard.type('Ask the operator what the repairs');

    const annotations = path.join(tempDataDir(), 'ferry-notes.json');
    writeFileSync(
      annotations,
      JSON.stringify({
        '@context': 'http://www.w3.org/ns/anno.jsonld',
        type: 'Annotation',
        body: { type: 'TextualBody', value: 'Who is Rui Matos?', purpose: 'commenting' },
        target: { selector: { type: 'TextQuoteSelector', exact: 'said Rui Matos' } },
      }),
    );
    await glossProcess(app.dataDir, ['annotations', 'import', annotations, '--article', articleId]);
    const done = performance.now();
    const imported = page.locator('.note-card', { hasText: 'Who is Rui Matos?' });
    await shownWithin('annotation', done, () => imported.waitFor({ timeout: 5_000 }));

    // The half-typed note is still there, still being edited, and typing goes on from it.
    await expect.poll(() => editor.inputValue()).toBe('Ask the operator what the repairs');
    expect(await editor.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' cost.');
    await editor.press('Escape');
    await page
      .locator('.note-card', { hasText: 'Ask the operator what the repairs cost.' })
      .waitFor();

    // Both notes are in the library, as the services read it.
    const notes = (await app.library.open(articleId)).highlights.map((h) => h.note).sort();
    expect(notes).toEqual(['Ask the operator what the repairs cost.', 'Who is Rui Matos?']);
    expect(app.pageErrors).toEqual([]);
  });
});
