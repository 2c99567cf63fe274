/**
 * Whether two web addresses name the same document, the way an annotation's `uri` (Hypothesis)
 * or target `source` (W3C) is matched against a saved article's canonical URL: scheme and host
 * case, a default port, the fragment, a trailing slash and tracking parameters (utm_*, fbclid,
 * gclid) do not count; the path and the other query parameters do.
 */

/** Query parameters that only track where a visit came from. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$/i;

/** The address in a comparable form, or null when it is not an http or https address. */
export function documentKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const params = [...url.searchParams].filter(([name]) => !TRACKING.test(name));
  params.sort(([a], [b]) => a.localeCompare(b));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  // http and https name the same page for an annotation: sites moved to https over the years.
  return `${url.host.toLowerCase()}${pathname}${query}`;
}

/** True when `a` and `b` are web addresses of the same document. */
export function sameDocument(a: string, b: string): boolean {
  const ka = documentKey(a);
  return ka !== null && ka === documentKey(b);
}
