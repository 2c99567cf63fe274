import type { SearchResult } from '../../common/api.ts';

/** A snippet with its hit ranges marked. */
export function Snippet({ result }: { result: SearchResult }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of result.marks) {
    if (start > at) parts.push(result.snippet.slice(at, start));
    parts.push(<mark key={start}>{result.snippet.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(result.snippet.slice(at));
  return <span className="snippet">{parts}</span>;
}
