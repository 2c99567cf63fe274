import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDataDir } from './harness.ts';

/**
 * The packaged shape of the app in a real Electron, where one is available. Electron's own
 * binary is downloaded on first launch, which machines without network access cannot do; point
 * ELECTRON_OVERRIDE_DIST_PATH at an unpacked Electron to run this test there.
 */
const electronDir = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const executable = electronDir
  ? [
      path.join(electronDir, 'electron'),
      path.join(electronDir, 'electron.exe'),
      path.join(electronDir, 'Electron.app/Contents/MacOS/Electron'),
    ].find(existsSync)
  : undefined;
const built = existsSync(path.join(ROOT, 'dist/main/main.cjs'));
const reason = !electronDir
  ? 'ELECTRON_OVERRIDE_DIST_PATH is not set (no Electron binary on this machine)'
  : !executable
    ? `no Electron executable in ${electronDir}`
    : !built
      ? 'the app is not built (run npm run build first)'
      : null;
if (reason) console.warn(`Electron smoke test skipped: ${reason}.`);

describe.skipIf(reason !== null)('the app in Electron', () => {
  it('opens the library with the bundled article in a sandboxed, isolated window', async () => {
    const { _electron } = await import('playwright-core');
    const app = await _electron.launch({
      executablePath: executable!,
      args: [ROOT, '--data', tempDataDir()],
    });
    try {
      const page = await app.firstWindow();
      await page.locator('.article-card', { hasText: 'Turkey, Russia face conflicts' }).waitFor();
      expect(page.url()).toBe('gloss://app/index.html');
      expect(
        await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
      ).toBe('undefined');
      expect(
        await page.evaluate(
          () =>
            typeof (window as unknown as { gloss?: { listArticles?: unknown } }).gloss
              ?.listArticles,
        ),
      ).toBe('function');
    } finally {
      await app.close();
    }
  });
});
