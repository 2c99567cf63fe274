#!/usr/bin/env node
// The `gloss` command runs the TypeScript sources directly, so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
