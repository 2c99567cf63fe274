import { vi } from 'vitest';

/** An event as Electron passes it to will-navigate and friends. */
export interface FakeEvent {
  url: string;
  preventDefault: ReturnType<typeof vi.fn>;
}

/** Enough of a WebContents to record what lockDownContents installs. */
export class FakeWebContents {
  readonly listeners = new Map<string, Array<(...args: unknown[]) => void>>();
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();

  on(name: string, listener: (...args: unknown[]) => void): this {
    const list = this.listeners.get(name) ?? [];
    list.push(listener);
    this.listeners.set(name, list);
    return this;
  }

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }

  /** Emits an event carrying a URL; returns the event so the test can see if it was prevented. */
  emitUrlEvent(name: string, url: string): FakeEvent {
    const event: FakeEvent = { url, preventDefault: vi.fn() };
    const list = this.listeners.get(name);
    if (!list || list.length === 0) throw new Error(`no listener for ${name}`);
    for (const listener of list) listener(event, url);
    return event;
  }
}

/** Enough of a Session to record the handlers lockDownSession installs. */
export class FakeSession {
  permissionRequestHandler:
    | ((
        wc: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details?: unknown,
      ) => void)
    | null = null;
  permissionCheckHandler:
    ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  beforeRequest:
    | ((details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void)
    | null = null;
  readonly listeners = new Map<string, (...args: unknown[]) => void>();

  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  readonly webRequest = {
    onBeforeRequest: (handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler;
    },
  };
  on(name: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(name, listener);
    return this;
  }

  /** Runs a URL through the request filter; true when the request was cancelled. */
  isCancelled(url: string): boolean {
    if (!this.beforeRequest) throw new Error('no request filter');
    let answer: { cancel?: boolean } | undefined;
    this.beforeRequest({ url }, (response) => {
      answer = response;
    });
    if (!answer) throw new Error('the filter did not answer');
    return answer.cancel === true;
  }
}

/** An IPC invoke event from a frame at `url`; `parent` non-null makes it a subframe. */
export function senderEvent(
  url: string,
  parent: unknown = null,
): { senderFrame: { url: string; parent: unknown } } {
  return { senderFrame: { url, parent } };
}
