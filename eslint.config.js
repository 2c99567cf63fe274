// Lint for every layer. The import rules below restate ../shared/ARCHITECTURE.md's layers so that
// a wrong-way import fails `npm run lint` the moment it is written; each layer's tsconfig proves
// the same boundary for globals (DOM in renderer only, Node in services and CLI only).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

/** Import rules for one layer: never these modules, never paths matching these globs. */
function layer(files, { modules = [], patterns = [] }) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: modules.map((name) => ({
            name,
            message: 'This layer may not import this module (see ARCHITECTURE.md).',
          })),
          patterns: patterns.map(({ group, message }) => ({ group, message })),
        },
      ],
    },
  };
}

const notElectronCode = {
  group: ['**/electron/**', '!**/node_modules/**'],
  message: 'Only electron/ imports electron/.',
};
const notRenderer = { group: ['**/renderer/**'], message: 'Nothing imports the renderer.' };
const notMain = { group: ['**/main/**', '../main/*'], message: 'Only main imports main.' };
const notTests = { group: ['**/tests/**'], message: 'App code never imports tests.' };

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'release/',
      'test-output/',
      'tests/fixtures/**/*.json',
      'coverage/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-len': [
        'error',
        {
          code: 100,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // `expect(mock.method).toHaveBeenCalled()` is how vitest asserts a call: the method is read,
    // never called unbound. Mocks stand in for async APIs, so they are `async` without awaiting.
    files: ['tests/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  // common/: pure. Nothing of ours outside common/, no Node, no Electron, no React, no DOM.
  layer(['common/**/*.ts'], {
    modules: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'jsdom'],
    patterns: [notElectronCode, notRenderer, notTests],
  }),
  // renderer/: React in a sandboxed page. common/ and the preload's declared types only.
  layer(['renderer/**/*.{ts,tsx}'], {
    modules: [...nodeBuiltins, 'electron', 'jsdom'],
    patterns: [
      {
        group: ['**/electron/**', '!**/electron/preload/global'],
        message: 'The renderer reaches the app only through window.gloss (common/api.ts).',
      },
      notTests,
    ],
  }),
  // renderer/vite.config.ts is the renderer's build script: it runs in Node, not in the page.
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': 'off' },
  },
  // electron/services and electron/cli: Node, no Electron, never main/ or preload/.
  layer(['electron/services/**/*.ts', 'electron/cli/**/*.ts'], {
    modules: ['electron'],
    patterns: [
      notMain,
      { group: ['**/preload/**'], message: 'Services never import the preload.' },
      notRenderer,
      notTests,
    ],
  }),
  // electron/main: Electron and the services; never the preload or the renderer.
  layer(['electron/main/**/*.ts'], {
    patterns: [
      { group: ['**/preload/**'], message: 'main never imports the preload.' },
      notRenderer,
      notTests,
    ],
  }),
  // electron/preload: only common/ and Electron's own module (it runs sandboxed).
  layer(['electron/preload/**/*.ts'], {
    modules: nodeBuiltins,
    patterns: [
      {
        group: ['**/electron/**', '!./*'],
        message: 'The preload imports only common/ and electron.',
      },
      notRenderer,
      notTests,
    ],
  }),
);
