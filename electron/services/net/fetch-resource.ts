/**
 * Fetches one web resource the way an offline reader should: http and https only, redirects
 * followed by hand (at most five, each hop checked), a time limit and a size limit on the body,
 * a polite User-Agent, no cookies kept or sent, and the content type checked against what the
 * caller can read. Failures are GlossErrors with a reason a reader understands.
 */
import { GlossError, messageOf } from '../../../common/errors.ts';

/** How Gloss introduces itself to web servers. */
export const USER_AGENT = 'Gloss/0.1 (offline reader; saves articles to read later)';

/** The most redirects followed. */
export const MAX_REDIRECTS = 5;

/** What a caller can read, by content type. */
export type ResourceKind = 'html' | 'feed' | 'image';

const TYPES: Record<ResourceKind, RegExp> = {
  html: /^(?:text\/html|application\/xhtml\+xml)$/,
  feed: /^(?:application\/(?:rss|atom|rdf)\+xml|application\/xml|text\/xml|application\/x-rss\+xml|application\/feed\+json)$/,
  image: /^image\/(?:png|jpeg|jpg|gif|webp|avif)$/,
};

const ACCEPT: Record<ResourceKind, string> = {
  html: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
  feed: 'application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.1',
  image: 'image/png,image/jpeg,image/gif,image/webp,image/avif;q=0.9',
};

/** Limits for one fetch; defaults suit an article page. */
export interface FetchLimits {
  /** Milliseconds for the whole exchange, redirects and body included. */
  timeoutMs?: number;
  /** Largest body read. */
  maxBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** A fetched resource: where it ended up, what it says it is, and its bytes. */
export interface FetchedResource {
  /** The address after redirects. */
  url: string;
  /** The media type, lower-cased, without parameters ("text/html"). */
  contentType: string;
  /** The `charset` parameter of the content type, lower-cased, or null. */
  charset: string | null;
  bytes: Uint8Array;
}

/** The http or https URL in `raw`, or a GlossError saying why it is not one Gloss fetches. */
export function webUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new GlossError('invalid-argument', `"${raw}" is not a web address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new GlossError(
      'invalid-argument',
      `${url.protocol} addresses cannot be saved; only http and https`,
    );
  if (url.username || url.password)
    throw new GlossError(
      'invalid-argument',
      'web addresses with a user name or password are not fetched',
    );
  url.hash = '';
  return url;
}

/** Network failures in words: offline, no such site, refused, timed out. */
export function describeNetworkFailure(error: unknown, host: string): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : (error as { code?: unknown })?.code;
  switch (code) {
    case 'EAI_AGAIN':
    case 'ENETUNREACH':
    case 'ENETDOWN':
    case 'EHOSTUNREACH':
      return `you are offline (${host} could not be reached)`;
    case 'ENOTFOUND':
      return `${host} could not be found (you may be offline, or the address is wrong)`;
    case 'ECONNREFUSED':
      return `${host} refused the connection`;
    case 'ECONNRESET':
      return `${host} closed the connection`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `${host}'s security certificate is not valid`;
    default:
      return `${host} could not be reached (${messageOf(error)})`;
  }
}

function httpStatusReason(status: number, host: string): string {
  if (status === 404 || status === 410)
    return `${host} says the page does not exist (HTTP ${status})`;
  if (status === 401 || status === 403)
    return `${host} does not let Gloss read the page (HTTP ${status}; it may need a login)`;
  if (status === 429) return `${host} asks Gloss to slow down (HTTP 429); try again later`;
  if (status >= 500) return `${host} failed to answer (HTTP ${status}); try again later`;
  return `${host} answered HTTP ${status}`;
}

function kindName(kind: ResourceKind): string {
  return kind === 'html' ? 'an article (a web page)' : kind === 'feed' ? 'a news feed' : 'an image';
}

/** Reads a body up to `maxBytes`, refusing (and abandoning) one that goes over. */
async function readCapped(response: Response, maxBytes: number, host: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 'NaN');
  const tooBig = () =>
    new GlossError(
      'too-large',
      `${host} sent more than ${(maxBytes / 1024 / 1024).toFixed(0)} MB; Gloss stopped reading`,
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooBig();
  }
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/**
 * Fetches `raw` expecting `kind`. Throws GlossError: `invalid-argument` for an address Gloss
 * does not fetch, `network` for a failure to reach the site or a bad status, `unreadable-import`
 * for the wrong kind of content ("not an article"), `too-large` over the size limit.
 */
export async function fetchResource(
  raw: string,
  kind: ResourceKind,
  limits: FetchLimits = {},
): Promise<FetchedResource> {
  let url = webUrl(raw);
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
  const signal = AbortSignal.timeout(timeoutMs);
  const timedOut = () =>
    new GlossError(
      'network',
      `${url.host} took longer than ${Math.round(timeoutMs / 1000)} s to answer`,
    );
  for (let hop = 0; ; hop++) {
    let response: Response;
    try {
      response = await fetch(url, {
        redirect: 'manual',
        credentials: 'omit',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: ACCEPT[kind] },
      });
    } catch (error) {
      if (signal.aborted) throw timedOut();
      throw new GlossError('network', describeNetworkFailure(error, url.host), { cause: error });
    }
    if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
      await response.body?.cancel();
      if (hop >= MAX_REDIRECTS)
        throw new GlossError('network', `${url.host} redirected more than ${MAX_REDIRECTS} times`);
      const next = new URL(response.headers.get('location') ?? '', url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new GlossError('network', `${url.host} redirected to a ${next.protocol} address`);
      next.hash = '';
      url = next;
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new GlossError('network', httpStatusReason(response.status, url.host));
    }
    const header = (response.headers.get('content-type') ?? '').toLowerCase();
    const contentType = header.split(';')[0]!.trim();
    const charset = /charset\s*=\s*"?([a-z0-9_:.+-]+)/.exec(header)?.[1] ?? null;
    // A server that names no type is given the benefit of the doubt; the parser decides.
    if (contentType && !TYPES[kind].test(contentType)) {
      await response.body?.cancel();
      const what =
        contentType === 'application/pdf'
          ? 'a PDF'
          : contentType.startsWith('image/')
            ? 'an image'
            : `"${contentType}"`;
      throw new GlossError('unreadable-import', `${url.href} is ${what}, not ${kindName(kind)}`);
    }
    try {
      return {
        url: url.href,
        contentType,
        charset,
        bytes: await readCapped(response, maxBytes, url.host),
      };
    } catch (error) {
      if (signal.aborted) throw timedOut();
      if (error instanceof GlossError) throw error;
      throw new GlossError('network', describeNetworkFailure(error, url.host), { cause: error });
    }
  }
}
