import { useEffect, useMemo, useRef, useState } from 'react';
import { BlockIndex, rangeOfOffsets } from './text-offsets.ts';

/** More matches than this are not marked one by one; the count still says how many there are. */
const MAX_MARKED = 2000;

interface Props {
  text: string;
  body: HTMLElement;
  onClose: () => void;
}

function matchesOf(text: string, query: string): number[] {
  if (!query) return [];
  const haystack = text.toLocaleLowerCase();
  const needle = query.toLocaleLowerCase();
  const found: number[] = [];
  for (
    let at = haystack.indexOf(needle);
    at >= 0;
    at = haystack.indexOf(needle, at + needle.length)
  )
    found.push(at);
  return found;
}

/**
 * Find in the article (Ctrl/Cmd+F): every match is marked with the CSS Custom Highlight API,
 * which paints ranges without touching the text's DOM, so highlights and offsets are unaffected.
 * Enter and Shift+Enter step through the matches.
 */
export function FindBar({ text, body, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => matchesOf(text, query), [text, query]);

  // Focus comes to the search field, and goes back where it was when the bar closes.
  useEffect(() => {
    const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    input.current?.focus();
    return () => from?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const HighlightClass = (window as unknown as { Highlight?: new (...r: Range[]) => unknown })
      .Highlight;
    if (!registry || !HighlightClass) return;
    const blocks = new BlockIndex(body);
    const ranges = matches
      .slice(0, MAX_MARKED)
      .map((m) => rangeOfOffsets(body, m, m + query.length, blocks))
      .filter((r): r is Range => !!r);
    registry.set('gloss-find', new HighlightClass(...ranges));
    const here =
      matches[current] !== undefined
        ? rangeOfOffsets(body, matches[current], matches[current] + query.length, blocks)
        : null;
    if (here) {
      registry.set('gloss-find-current', new HighlightClass(here));
      const rect = here.getBoundingClientRect();
      if (rect.top < 80 || rect.bottom > window.innerHeight - 40)
        window.scrollBy({ top: rect.top - window.innerHeight / 3 });
    } else registry.delete('gloss-find-current');
    return () => {
      registry.delete('gloss-find');
      registry.delete('gloss-find-current');
    };
  }, [body, query, current, matches]);

  const step = (delta: number) =>
    matches.length && setCurrent((c) => (c + delta + matches.length) % matches.length);

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCurrent(0);
        }}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Enter') step(e.shiftKey ? -1 : 1);
          if (e.key === 'Escape') onClose();
        }}
      />
      <span className="find-count" aria-live="polite">
        {query ? (matches.length ? `${current + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button
        type="button"
        className="tool-plain"
        aria-label="Previous match"
        onClick={() => step(-1)}
      >
        ↑
      </button>
      <button type="button" className="tool-plain" aria-label="Next match" onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" className="tool-plain" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
