import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import {
  CONTENT_SECURITY_POLICY,
  registerAppScheme,
  resolveRendererFile,
  serveRenderer,
} from '../../../electron/main/protocol.ts';

let base: string;
let rendererDir: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'gloss-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gloss</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(
    path.join(rendererDir, 'assets', 'Literata.woff2'),
    new Uint8Array([0x77, 0x4f, 0x46, 0x32]),
  );
  // A secret next to the renderer folder, which no URL may reach.
  await writeFile(path.join(base, 'secret.txt'), 'do not serve');
  await writeFile(path.join(base, 'renderer-other.txt'), 'do not serve either');

  const protocol = { handle: vi.fn() };
  serveRenderer(protocol, rendererDir);
  expect(protocol.handle).toHaveBeenCalledTimes(1);
  expect(protocol.handle.mock.calls[0]![0]).toBe('gloss');
  handler = protocol.handle.mock.calls[0]![1] as typeof handler;
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

/** Asks the handler for a URL exactly as given (no normalisation by a Request constructor). */
function fetchRaw(url: string, method = 'GET'): Promise<Response> {
  return handler({ url, method } as Request);
}

describe('registerAppScheme', () => {
  it('registers gloss: as a standard, secure, fetch-capable scheme', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'gloss', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('the gloss://app handler', () => {
  it('serves index.html with its type and the strict CSP', async () => {
    const response = await fetchRaw('gloss://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Gloss</title>');
  });

  it('serves the folder root as index.html', async () => {
    const response = await fetchRaw('gloss://app/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Gloss</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/Literata.woff2', 'font/woff2'],
  ])('serves %s as %s', async (file, type) => {
    const response = await fetchRaw(`gloss://app/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('forbids every source of content but its own files', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe');
  });

  it.each([
    'gloss://app/../secret.txt',
    'gloss://app/../../etc/passwd',
    'gloss://app/..%2fsecret.txt',
    'gloss://app/%2e%2e/secret.txt',
    'gloss://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'gloss://app/assets/..%2f..%2fsecret.txt',
    'gloss://app/..%5csecret.txt',
    'gloss://app/..%2f..%2frenderer-other.txt',
    'gloss://app/%E0%A4%A',
    'gloss://app/index.html%00.js',
  ])('refuses %s with 404 and leaks nothing', async (url) => {
    const response = await fetchRaw(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('resolves traversal attempts to nothing outside the folder', () => {
    expect(resolveRendererFile(rendererDir, 'gloss://app/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveRendererFile(rendererDir, 'gloss://app/assets/index-abc.js')).toBe(
      path.join(rendererDir, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    'gloss://evil/index.html',
    'gloss://app.evil/index.html',
    'gloss://localhost/index.html',
    'https://app/index.html',
  ])('refuses %s (not our host)', async (url) => {
    expect((await fetchRaw(url)).status).toBe(404);
  });

  it('answers 404 for missing files and folders', async () => {
    expect((await fetchRaw('gloss://app/missing.js')).status).toBe(404);
    expect((await fetchRaw('gloss://app/assets')).status).toBe(404);
  });

  it('refuses methods that would change something', async () => {
    expect((await fetchRaw('gloss://app/index.html', 'POST')).status).toBe(405);
  });
});
