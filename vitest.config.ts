import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/** What both projects share. */
const common = {
  environment: 'node',
  // Removes the temp folders each test file made (tests/helpers/temp.ts) after its tests.
  setupFiles: ['tests/helpers/temp-cleanup.ts'],
  testTimeout: 30_000,
  hookTimeout: 120_000,
  // Two cores: browser tests and the crash test each start processes of their own.
  fileParallelism: true,
  maxWorkers: 2,
  // The library store names this computer; tests name it themselves rather than remember a
  // name in the user's config folder.
  env: { GLOSS_DEVICE: 'test-device' },
} satisfies TestProjectInlineConfiguration['test'];

export default defineConfig({
  test: {
    // Once per run, around both projects: the run gets a temp folder of its own and fails if a
    // test leaves anything in it.
    globalSetup: ['tests/helpers/temp-check.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
        },
      },
      {
        test: {
          ...common,
          name: 'sync',
          // Two devices' writers and two Syncthing instances are processes of their own.
          include: ['tests/sync/**/*.test.ts'],
        },
      },
      {
        test: {
          ...common,
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          // Builds the renderer once for every browser test; a unit run never pays for it.
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
