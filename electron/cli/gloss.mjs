#!/usr/bin/env node
// The `gloss` command: runs the bundle that `npm run build` (and `npm ci`, through the prepare
// script) writes to dist/cli/, so nothing is transpiled at start.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../../dist/cli/gloss.cjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    `gloss: the command is not built yet (${bundle} is missing); run npm run build first\n`,
  );
  process.exit(1);
}
// A reader that stops early (`gloss list | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = createRequire(import.meta.url)(bundle);
process.exitCode = await main(process.argv.slice(2));
