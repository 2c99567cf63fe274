import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { treeDifferences, treeDigest, type FileSync, type Side } from './file-sync.ts';

/** The Syncthing binary: `SYNCTHING` overrides; Debian's package puts it here. */
export const SYNCTHING = process.env.SYNCTHING ?? '/usr/bin/syncthing';

/** Why the Syncthing scenarios cannot run here, or null when they can. */
export function syncthingMissing(): string | null {
  if (!existsSync(SYNCTHING))
    return `Syncthing not found at ${SYNCTHING} (Debian: apt-get install syncthing; or set SYNCTHING)`;
  const probe = spawnSync(SYNCTHING, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0)
    return `${SYNCTHING} --version failed: ${(probe.stderr || probe.error?.message || '').trim()}`;
  return null;
}

const FOLDER_ID = 'gloss-data';
const LOOPBACK = '127.0.0.1';

/** A free TCP port on the loopback interface (asked of the system, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One running Syncthing: its home, ports, key and process. */
interface Instance {
  side: Side;
  home: string;
  folder: string;
  deviceId: string;
  guiPort: number;
  syncPort: number;
  apiKey: string;
  process: ChildProcess | null;
  log: string[];
}

/**
 * The whole configuration, written before the first start so that Syncthing never reaches for
 * the network: the GUI/REST and sync listeners on 127.0.0.1 only, the peer at its loopback
 * address only, and global and local discovery, relays, NAT traversal, STUN, crash and usage
 * reporting and upgrades all off.
 */
function configXml(self: Instance, peer: Instance): string {
  const device = (i: Instance) => `
    <device id="${i.deviceId}" name="side-${i.side}" compression="metadata" introducer="false">
        <address>tcp://${LOOPBACK}:${i.syncPort}</address>
        <paused>false</paused>
        <autoAcceptFolders>false</autoAcceptFolders>
    </device>`;
  return `<configuration version="36">
    <folder id="${FOLDER_ID}" label="Gloss" path="${xmlEscape(self.folder)}" type="sendreceive"
        rescanIntervalS="3600" fsWatcherEnabled="true" fsWatcherDelayS="1" ignorePerms="false">
        <filesystemType>basic</filesystemType>
        <device id="${self.deviceId}"></device>
        <device id="${peer.deviceId}"></device>
        <minDiskFree unit="%">0</minDiskFree>
        <paused>false</paused>
        <markerName>.stfolder</markerName>
        <maxConflicts>-1</maxConflicts>
    </folder>${device(self)}${device(peer)}
    <gui enabled="true" tls="false">
        <address>${LOOPBACK}:${self.guiPort}</address>
        <apikey>${self.apiKey}</apikey>
    </gui>
    <options>
        <listenAddress>tcp://${LOOPBACK}:${self.syncPort}</listenAddress>
        <globalAnnounceServer></globalAnnounceServer>
        <globalAnnounceEnabled>false</globalAnnounceEnabled>
        <localAnnounceEnabled>false</localAnnounceEnabled>
        <relaysEnabled>false</relaysEnabled>
        <natEnabled>false</natEnabled>
        <stunServer></stunServer>
        <stunKeepaliveStartS>0</stunKeepaliveStartS>
        <stunKeepaliveMinS>0</stunKeepaliveMinS>
        <urAccepted>-1</urAccepted>
        <urSeen>3</urSeen>
        <urURL></urURL>
        <crashReportingEnabled>false</crashReportingEnabled>
        <crashReportingURL></crashReportingURL>
        <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
        <releasesURL></releasesURL>
        <startBrowser>false</startBrowser>
        <announceLANAddresses>false</announceLANAddresses>
        <reconnectionIntervalS>1</reconnectionIntervalS>
        <minHomeDiskFree unit="%">0</minHomeDiskFree>
        <setLowPriority>false</setLowPriority>
    </options>
</configuration>
`;
}

/** The environment Syncthing runs in: no upgrades, no restarts, no default folder. */
function syncthingEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    STNOUPGRADE: '1',
    STNORESTART: '1',
    STNODEFAULTFOLDER: '1',
    STMONITORED: '1',
    GOMAXPROCS: '1',
  };
}

export interface SyncthingOptions {
  /** Where the two homes go (the test's own temp folder); removed by close(). */
  workDir: string;
  /** The two data folders to replicate (created when missing). */
  folders: readonly [string, string];
  /** How long to wait for each instance to answer its REST API. */
  startTimeoutMs?: number;
}

/**
 * Two Syncthing instances on 127.0.0.1 replicating one folder each, with keys generated for this
 * run. Start with `startSyncthingPair`; `close()` shuts both down and removes their homes.
 */
export class SyncthingPair implements FileSync {
  readonly name = 'syncthing';
  private closed = false;

  private constructor(
    readonly folders: readonly [string, string],
    private readonly instances: readonly [Instance, Instance],
    private readonly homes: string,
  ) {}

  /** Generates keys, writes both configurations and starts both instances. */
  static async start(options: SyncthingOptions): Promise<SyncthingPair> {
    const homes = path.join(options.workDir, `syncthing-${randomBytes(4).toString('hex')}`);
    const instances = (await Promise.all(
      ([0, 1] as const).map(async (side): Promise<Instance> => {
        const home = path.join(homes, `side-${side}`);
        const folder = options.folders[side];
        await mkdir(home, { recursive: true });
        await mkdir(path.join(folder, '.stfolder'), { recursive: true });
        return {
          side,
          home,
          folder,
          deviceId: await generateKeys(home),
          guiPort: await freePort(),
          syncPort: await freePort(),
          apiKey: randomBytes(24).toString('hex'),
          process: null,
          log: [],
        };
      }),
    )) as [Instance, Instance];
    const pair = new SyncthingPair(options.folders, instances, homes);
    try {
      for (const [self, peer] of [instances, [instances[1], instances[0]]] as const)
        await writeFile(path.join(self.home, 'config.xml'), configXml(self, peer));
      for (const instance of instances) pair.launch(instance);
      await Promise.all(instances.map((i) => pair.waitForApi(i, options.startTimeoutMs ?? 60_000)));
    } catch (error) {
      await pair.close();
      throw error;
    }
    return pair;
  }

  private launch(instance: Instance): void {
    const child = spawn(
      SYNCTHING,
      [
        'serve',
        `--home=${instance.home}`,
        '--no-browser',
        '--no-restart',
        '--no-upgrade',
        '--logflags=0',
        `--gui-address=http://${LOOPBACK}:${instance.guiPort}`,
        `--gui-apikey=${instance.apiKey}`,
      ],
      { env: syncthingEnv(instance.home), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const keep = (chunk: Buffer) => {
      instance.log.push(chunk.toString('utf8'));
      if (instance.log.length > 400) instance.log.splice(0, 100);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    instance.process = child;
  }

  /** The last lines Syncthing printed on one side, for failure messages. */
  logTail(side: Side, lines = 30): string {
    return this.instances[side].log.join('').split('\n').slice(-lines).join('\n');
  }

  private async rest<T>(
    instance: Instance,
    method: 'GET' | 'POST' | 'PATCH',
    route: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`http://${LOOPBACK}:${instance.guiPort}${route}`, {
      method,
      headers: { 'X-API-Key': instance.apiKey, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(
        `syncthing side ${instance.side}: ${method} ${route}: ${response.status} ${text}`,
      );
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async waitForApi(instance: Instance, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (instance.process?.exitCode != null)
        throw new Error(
          `syncthing side ${instance.side} exited (${instance.process.exitCode}):\n${this.logTail(instance.side)}`,
        );
      try {
        await this.rest(instance, 'GET', '/rest/system/ping');
        return;
      } catch {
        if (Date.now() > deadline)
          throw new Error(
            `syncthing side ${instance.side} did not answer on 127.0.0.1:${instance.guiPort} within ${timeoutMs} ms:\n${this.logTail(instance.side)}`,
          );
        await sleep(250);
      }
    }
  }

  private peerOf(side: Side): Instance {
    return this.instances[side === 0 ? 1 : 0];
  }

  /** Takes one side offline by pausing its peer device there: the connection is dropped. */
  async pause(side: Side): Promise<void> {
    await this.rest(
      this.instances[side],
      'POST',
      `/rest/system/pause?device=${this.peerOf(side).deviceId}`,
    );
  }

  async resume(side: Side): Promise<void> {
    await this.rest(
      this.instances[side],
      'POST',
      `/rest/system/resume?device=${this.peerOf(side).deviceId}`,
    );
  }

  /** Pauses or resumes the shared folder on one side (the other way to stop it syncing). */
  async setFolderPaused(side: Side, paused: boolean): Promise<void> {
    await this.rest(this.instances[side], 'PATCH', `/rest/config/folders/${FOLDER_ID}`, {
      paused,
    });
  }

  /** Whether the two instances are connected to each other now. */
  async connected(): Promise<boolean> {
    const [a] = this.instances;
    const peer = this.peerOf(0).deviceId;
    const info = await this.rest<{ connections: Record<string, { connected: boolean }> }>(
      a,
      'GET',
      '/rest/system/connections',
    );
    return info.connections[peer]?.connected === true;
  }

  /** What one side still has to fetch, and its folder's state (idle, scanning, syncing…). */
  private async folderState(
    instance: Instance,
  ): Promise<{ state: string; need: number; peerCompletion: number }> {
    const status = await this.rest<{ state: string; needTotalItems: number }>(
      instance,
      'GET',
      `/rest/db/status?folder=${FOLDER_ID}`,
    );
    const completion = await this.rest<{ completion: number }>(
      instance,
      'GET',
      `/rest/db/completion?folder=${FOLDER_ID}&device=${this.peerOf(instance.side).deviceId}`,
    );
    return {
      state: status.state,
      need: status.needTotalItems,
      peerCompletion: completion.completion,
    };
  }

  /**
   * Waits until both sides are connected, both folders idle with nothing needed, each side
   * sees the other as 100 % complete, and the two folders hold the same bytes. Each round asks
   * both sides to rescan, so a change the file watcher has not reported yet is not missed.
   */
  async waitInSync(timeoutMs = 120_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = 'not connected';
    for (;;) {
      try {
        if (await this.connected()) {
          await Promise.all(
            this.instances.map((i) => this.rest(i, 'POST', `/rest/db/scan?folder=${FOLDER_ID}`)),
          );
          const states = await Promise.all(this.instances.map((i) => this.folderState(i)));
          const settled = states.every(
            (s) => s.state === 'idle' && s.need === 0 && s.peerCompletion === 100,
          );
          const [a, b] = await Promise.all(this.folders.map((f) => treeDigest(f)));
          const differ = treeDifferences(a!, b!);
          if (settled && differ.length === 0) return;
          last = `states ${JSON.stringify(states)}; differing files: ${differ.join(', ') || 'none'}`;
        }
      } catch (error) {
        last = (error as Error).message;
      }
      if (Date.now() > deadline)
        throw new Error(
          `syncthing: not in sync after ${timeoutMs} ms (${last})\nside 0:\n${this.logTail(0)}\nside 1:\n${this.logTail(1)}`,
        );
      await sleep(500);
    }
  }

  /** Shuts both instances down (REST, then signals) and removes their homes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(this.instances.map((i) => this.stop(i)));
    await rm(this.homes, { recursive: true, force: true });
  }

  private async stop(instance: Instance): Promise<void> {
    const child = instance.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      await this.rest(instance, 'POST', '/rest/system/shutdown');
    } catch {
      child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

/** Runs `syncthing generate` into an empty home; resolves to the new device's id. */
async function generateKeys(home: string): Promise<string> {
  const child = spawn(
    SYNCTHING,
    ['generate', `--home=${home}`, '--no-default-folder', '--skip-port-probing'],
    {
      env: syncthingEnv(home),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const id = /Device ID:\s*([A-Z0-9-]{63})/.exec(output)?.[1];
  if (code !== 0 || !id) throw new Error(`syncthing generate failed (${code}): ${output.trim()}`);
  // The generated config.xml has the network defaults; ours replaces it before any start.
  await readFile(path.join(home, 'cert.pem'));
  return id;
}

/** Starts two Syncthing instances replicating `folders` (see SyncthingPair). */
export function startSyncthingPair(options: SyncthingOptions): Promise<SyncthingPair> {
  return SyncthingPair.start(options);
}
