import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSession, FakeWebContents } from './fakes.ts';

const electron = vi.hoisted(() => ({ shell: { openExternal: vi.fn(async (_url: string) => {}) } }));
vi.mock('electron', () => electron);

import type { Session, WebContents } from 'electron';
import {
  isAllowedRequest,
  lockDownContents,
  lockDownSession,
  secureWebPreferences,
} from '../../../electron/main/security.ts';

const asContents = (fake: FakeWebContents) => fake as unknown as WebContents;
const asSession = (fake: FakeSession) => fake as unknown as Session;

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the page and turns off Node, webviews and insecure content', () => {
    expect(secureWebPreferences('/app/dist/preload/preload.cjs', 'darwin')).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
      preload: '/app/dist/preload/preload.cjs',
    });
  });

  it('spell-checks only where the system does it, since Chromium would fetch dictionaries', () => {
    expect(secureWebPreferences('/p.cjs', 'linux').spellcheck).toBe(false);
    expect(secureWebPreferences('/p.cjs', 'win32').spellcheck).toBe(false);
  });
});

describe('lockDownContents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    contents = new FakeWebContents();
    lockDownContents(asContents(contents));
  });

  it.each([
    'https://example.com/',
    'http://example.com/',
    'file:///etc/passwd',
    'gloss://app/other.html',
    'gloss://evil/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
  ])('prevents navigation to %s', (url) => {
    expect(contents.emitUrlEvent('will-navigate', url).preventDefault).toHaveBeenCalled();
    expect(contents.emitUrlEvent('will-frame-navigate', url).preventDefault).toHaveBeenCalled();
    expect(contents.emitUrlEvent('will-redirect', url).preventDefault).toHaveBeenCalled();
  });

  it("lets the app's own index load", () => {
    expect(
      contents.emitUrlEvent('will-navigate', 'gloss://app/index.html').preventDefault,
    ).not.toHaveBeenCalled();
    expect(
      contents.emitUrlEvent('will-redirect', 'gloss://app/index.html').preventDefault,
    ).not.toHaveBeenCalled();
  });

  it('sends a clicked web link to the browser instead of navigating', () => {
    contents.emitUrlEvent('will-navigate', 'https://example.com/story');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/story');
  });

  it('never hands other schemes to the system on navigation or redirect', () => {
    contents.emitUrlEvent('will-navigate', 'file:///etc/passwd');
    contents.emitUrlEvent('will-navigate', 'javascript:alert(1)');
    contents.emitUrlEvent('will-redirect', 'https://example.com/');
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window and opens only http(s) links externally', () => {
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of [
      'https://example.com/a',
      'http://example.com/b',
      'javascript:alert(1)',
      'file:///C:/Windows/system32/calc.exe',
      'smb://host/share',
      'gloss://app/index.html',
    ]) {
      expect(handler!({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['https://example.com/a'],
      ['http://example.com/b'],
    ]);
  });

  it('refuses to attach a webview', () => {
    expect(
      contents.emitUrlEvent('will-attach-webview', 'gloss://app/index.html').preventDefault,
    ).toHaveBeenCalled();
  });

  it('installs its listeners once however often it is applied', () => {
    lockDownContents(asContents(contents));
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
    contents.emitUrlEvent('will-navigate', 'https://example.com/');
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('lockDownSession', () => {
  let session: FakeSession;
  beforeEach(() => {
    session = new FakeSession();
    lockDownSession(asSession(session));
  });

  it('answers every permission request with no', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, 'gloss://app')).toBe(false);
    }
  });

  it.each([
    'https://example.com/pixel.gif',
    'http://example.com/',
    'ws://example.com/socket',
    'wss://example.com/socket',
    'ftp://example.com/file',
    'file:///etc/passwd',
    'blob:https://example.com/1234',
  ])('cancels %s', (url) => {
    expect(session.isCancelled(url)).toBe(true);
    expect(isAllowedRequest(url)).toBe(false);
  });

  it.each([
    'gloss://app/index.html',
    'gloss://app/assets/index.js',
    'devtools://devtools/bundled/inspector.html',
    'data:image/png;base64,AAAA',
  ])('lets %s through', (url) => {
    expect(session.isCancelled(url)).toBe(false);
  });

  it('cancels downloads', () => {
    const event = { preventDefault: vi.fn() };
    session.listeners.get('will-download')!(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
