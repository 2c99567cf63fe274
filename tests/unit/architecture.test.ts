import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

/** Every TypeScript source under a folder. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** The module specifiers a file imports or re-exports, with whether the import is type-only. */
function importsOf(file: string): Array<{ spec: string; typeOnly: boolean }> {
  const text = readFileSync(file, 'utf8');
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(pattern)) found.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** Libraries common/ may use: pure JavaScript that needs no DOM, Node or Electron. */
const PURE_PACKAGES = new Set([
  'zod',
  'yaml',
  'mustache',
  'marked',
  'diff-match-patch',
  'approx-string-match',
]);

describe('layer boundaries', () => {
  it('common/ imports nothing outside itself but a few pure libraries', () => {
    const commonDir = path.join(ROOT, 'common');
    const offenders: string[] = [];
    for (const file of sources(commonDir)) {
      for (const { spec } of importsOf(file)) {
        if (spec.startsWith('.')) {
          const target = path.resolve(path.dirname(file), spec);
          if (!target.startsWith(commonDir + path.sep))
            offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
        } else if (!PURE_PACKAGES.has(spec))
          offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('renderer/ never imports electron/ or Node, only common/ and browser libraries', () => {
    const offenders: string[] = [];
    for (const file of sources(path.join(ROOT, 'renderer'))) {
      if (file.endsWith('vite.config.ts')) continue; // the build's own configuration runs in Node
      for (const { spec } of importsOf(file)) {
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : '';
        if (
          target.startsWith(path.join(ROOT, 'electron') + path.sep) ||
          spec === 'electron' ||
          spec.startsWith('node:')
        ) {
          offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('finds imports the way the checks above read them', () => {
    // The checks are only as good as the import reader: prove it sees each form.
    const sample = path.join(ROOT, 'electron', 'services', 'library.ts');
    const specs = importsOf(sample).map((i) => i.spec);
    expect(specs).toContain('node:path');
    expect(specs.some((s) => s.startsWith('../../common/'))).toBe(true);
  });
});
