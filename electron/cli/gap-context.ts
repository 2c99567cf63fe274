/** How many characters of text are shown on each side of a gap. */
const SIDE = 32;

/**
 * One line of context around a place where words are missing, the place marked with ‸:
 * `…said on Tuesday that ‸ would meet…`. The context stays within the gap's paragraph, breaks
 * at word boundaries, and shows an ellipsis where it cuts the text short.
 */
export function gapContext(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const lineEnd = newline === -1 ? text.length : newline;
  let from = Math.max(lineStart, offset - SIDE);
  let to = Math.min(lineEnd, offset + SIDE);
  // Move the cuts outwards to whole words when a word was cut in the middle.
  while (from > lineStart && /\S/.test(text[from - 1]!)) from--;
  while (to < lineEnd && /\S/.test(text[to]!)) to++;
  const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
  const before = `${from > lineStart ? '…' : ''}${flat(text.slice(from, offset))}`;
  const after = `${flat(text.slice(offset, to))}${to < lineEnd ? '…' : ''}`;
  return [before, '‸', after].filter(Boolean).join(' ');
}
