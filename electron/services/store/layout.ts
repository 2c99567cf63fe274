/**
 * Where the journalled store keeps things in a data folder (see README.md beside this file).
 * Paths relative to the data folder use forward slashes, as they are shown and stored.
 */
import path from 'node:path';

/** Per-device folders: each device writes only inside its own. */
export const DEVICES_DIR = 'devices';
/** Article content, one write-once file per distinct content, named by its hash. */
export const CONTENT_DIR = 'content';
/** Images saved with web pages, one folder per article. */
export const MEDIA_DIR = 'media';
/** Where a library in the previous format is moved once it has been converted. */
export const LEGACY_DIR = 'legacy-v1';
/** The previous format's index; its presence means the folder still needs converting. */
export const LEGACY_INDEX = 'library.json';

/** Ids become file names, so only plain ones are accepted (no separators, no dots). */
export const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;

export function deviceDir(device: string): string {
  return `${DEVICES_DIR}/${device}`;
}

export function logsDir(device: string): string {
  return `${deviceDir(device)}/logs`;
}

export function snapshotDir(device: string): string {
  return `${deviceDir(device)}/snapshot`;
}

export function indexSnapshotRel(device: string): string {
  return `${snapshotDir(device)}/index.json`;
}

export function articleSnapshotRel(device: string, articleId: string): string {
  return `${snapshotDir(device)}/highlights/${articleId}.json`;
}

export function contentRel(key: string): string {
  return `${CONTENT_DIR}/${key}.json`;
}

/** The full path of a relative one. */
export function full(dataDir: string, rel: string): string {
  return path.join(dataDir, ...rel.split('/'));
}
