import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules);

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

/**
 * The module specifiers a source imports, re-exports or loads, read by TypeScript's own scanner.
 */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** Whether a specifier names a Node built-in, with or without the `node:` prefix. */
function isNodeBuiltin(spec: string): boolean {
  return (
    spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0]!)
  );
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

/**
 * Type-checks one probe source as if it were a file in `layerDir`, under that layer's own
 * tsconfig, and answers the diagnostics' codes. The probe never touches the disk.
 */
function typecheckProbe(layerDir: string, source: string): number[] {
  const configFile = path.join(ROOT, layerDir, 'tsconfig.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!parsed) throw new Error(`cannot read ${configFile}`);
  const probe = path.join(ROOT, layerDir, '__layer-probe__.ts');
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probe || fileExists.call(host, f);
  host.readFile = (f) => (f === probe ? source : readFile.call(host, f));
  host.getSourceFile = (f, lang, ...rest) =>
    f === probe ? ts.createSourceFile(f, source, lang) : getSourceFile.call(host, f, lang, ...rest);
  const program = ts.createProgram({ rootNames: [probe], options: parsed.options, host });
  const file = program.getSourceFile(probe);
  return [...program.getSemanticDiagnostics(file), ...program.getSyntacticDiagnostics(file)].map(
    (d) => d.code,
  );
}

describe('layer boundaries', () => {
  it('common/ imports nothing outside itself but a few pure libraries', () => {
    const commonDir = path.join(ROOT, 'common');
    const offenders: string[] = [];
    for (const file of sources(commonDir)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
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
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : '';
        if (
          target.startsWith(path.join(ROOT, 'electron') + path.sep) ||
          spec === 'electron' ||
          isNodeBuiltin(spec)
        ) {
          offenders.push(`${path.relative(ROOT, file)} imports ${spec}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads every form of import, including a bare Node module name', () => {
    // The checks are only as good as the import reader: prove it sees each form.
    const specs = importsOf(
      [
        "import fs from 'fs';",
        "import type { X } from '../../electron/main/ipc.ts';",
        "export { y } from 'node:path';",
        "const lazy = await import('jsdom');",
        "import 'side-effect';",
      ].join('\n'),
    );
    expect(specs).toEqual([
      'fs',
      '../../electron/main/ipc.ts',
      'node:path',
      'jsdom',
      'side-effect',
    ]);
    expect(specs.filter(isNodeBuiltin)).toEqual(['fs', 'node:path']);
  });
});

describe("each layer's tsconfig allows only that layer's globals", () => {
  // TS2591/TS2580: a Node name without Node types; TS2584: a DOM name without the DOM lib.
  const NO_NODE = [2591, 2580];
  const NO_DOM = [2584, 2304];

  it('the renderer compiles the DOM but not process', () => {
    expect(typecheckProbe('renderer', 'export const t = document.title;\n')).toEqual([]);
    const codes = typecheckProbe('renderer', 'export const h = process.env.HOME;\n');
    expect(codes.some((c) => NO_NODE.includes(c))).toBe(true);
  });

  it('services compile Node but not document', () => {
    expect(typecheckProbe('electron/services', 'export const h = process.env.HOME;\n')).toEqual([]);
    const codes = typecheckProbe('electron/services', 'export const t = document.title;\n');
    expect(codes.some((c) => NO_DOM.includes(c))).toBe(true);
  });

  it('main compiles Node but not document', () => {
    expect(typecheckProbe('electron/main', 'export const h = process.env.HOME;\n')).toEqual([]);
    const codes = typecheckProbe('electron/main', 'export const t = window.location.href;\n');
    expect(codes.some((c) => NO_DOM.includes(c))).toBe(true);
  });

  it('common compiles neither process nor document', () => {
    expect(typecheckProbe('common', 'export const n: number = Math.max(1, 2);\n')).toEqual([]);
    expect(typecheckProbe('common', 'export const h = process.env.HOME;\n').length).toBeGreaterThan(
      0,
    );
    expect(typecheckProbe('common', 'export const t = document.title;\n').length).toBeGreaterThan(
      0,
    );
  });
});
