/**
 * One simulated computer's writes: runs `gloss` commands one after another in this process
 * (as the device named by GLOSS_DEVICE) and prints one JSON line per command as it finishes,
 * `{"args","code","out","err"}`. A command that exits 0 is an acknowledged write.
 *
 *   node --import tsx tests/sync/writer.ts COMMANDS.json
 */
import { readFileSync } from 'node:fs';
import { main } from '../../electron/cli/main.ts';

const commands = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
for (const args of commands) {
  let out = '';
  let err = '';
  const code = await main(args, {
    out: (text) => (out += text),
    err: (text) => (err += text),
  });
  process.stdout.write(`${JSON.stringify({ args, code, out, err })}\n`);
}
