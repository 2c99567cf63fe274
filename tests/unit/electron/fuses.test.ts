import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

interface Manifest {
  build: { asar?: boolean; electronFuses?: Record<string, unknown> };
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest;
const fuses = manifest.build.electronFuses ?? {};

/** The fuse names electron-builder's own schema accepts, so a misspelt fuse cannot pass. */
function knownFuses(): string[] {
  const require = createRequire(import.meta.url);
  const schemePath = require.resolve('app-builder-lib/scheme.json');
  const scheme = JSON.parse(readFileSync(schemePath, 'utf8')) as {
    definitions: Record<string, { properties: Record<string, unknown> }>;
  };
  return Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {});
}

describe('the packaged app is sealed by Electron fuses', () => {
  it('ignores ELECTRON_RUN_AS_NODE, NODE_OPTIONS and --inspect, so the binary is no Node', () => {
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
  });

  it('loads the app only from its asar archive, checked for integrity', () => {
    expect(manifest.build.asar).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
  });

  it('encrypts cookies and gives file: pages no extra privileges', () => {
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
  });

  it('names only fuses electron-builder knows', () => {
    const known = knownFuses();
    expect(known).toContain('runAsNode');
    for (const name of Object.keys(fuses)) expect(known).toContain(name);
  });
});
