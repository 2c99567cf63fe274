import type { Paragraph } from './paragraphs.ts';
import type { Token } from './tokens.ts';

/** A passage in double quotation marks. */
export interface Quotation {
  /** Token index of the opening mark. */
  readonly openToken: number;
  /**
   * Token index of the closing mark, or null when the quote runs to the end of a paragraph
   * unclosed.
   */
  readonly closeToken: number | null;
  /** Token index of the last token inside the quotation. */
  readonly lastInnerToken: number;
  /** UTF-16 span of the words inside the marks, trimmed of white space. */
  readonly start: number;
  readonly end: number;
  /** Marks that reopen the quotation at the start of a following paragraph (AP style). */
  readonly reopenTokens: readonly number[];
}

const NONE: readonly number[] = [];

const OPENERS = new Set(['\u201c', '\u201e', '\u00ab']);
const CLOSERS = new Set(['\u201d', '\u00bb']);

/**
 * Pairs quotation marks paragraph by paragraph. Straight marks alternate open/close; curly
 * marks are paired the same way, but a curly closer with nothing open is ignored as stray.
 * A quotation left open at the end of a paragraph continues into the next paragraph when that
 * paragraph starts with a quotation mark (the news convention for quotes of several
 * paragraphs), or when the feed split one sentence over two paragraphs; otherwise it ends
 * with its paragraph.
 */
export function findQuotations(
  tokens: readonly Token[],
  paragraphs: readonly Paragraph[],
  text: string,
): Quotation[] {
  const quotes: Quotation[] = [];
  // Most quotations are never reopened; they share one empty list.
  let open: { token: number; reopen: number[] | null } | null = null;

  const close = (closeToken: number | null, lastInner: number): void => {
    if (!open) return;
    const opener = tokens[open.token];
    const endAt = closeToken === null ? tokens[lastInner]?.end : tokens[closeToken]?.start;
    if (opener && endAt !== undefined) {
      let start = opener.end;
      let end = endAt;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      if (end > start) {
        quotes.push({
          openToken: open.token,
          closeToken,
          lastInnerToken: lastInner,
          start,
          end,
          reopenTokens: open.reopen ?? NONE,
        });
      }
    }
    open = null;
  };

  paragraphs.forEach((para, p) => {
    let k = para.firstToken;
    if (open) {
      const first = tokens[k];
      if (para.continuesPrevious) {
        // The sentence, and so the quotation, carries on.
      } else if (first?.type === 'quote' && !CLOSERS.has(first.text)) {
        (open.reopen ??= []).push(k);
        k++;
      } else {
        close(null, (paragraphs[p - 1]?.endToken ?? 1) - 1);
      }
    }
    for (; k < para.endToken; k++) {
      const tok = tokens[k];
      if (!tok || tok.type !== 'quote') continue;
      if (!open) {
        if (CLOSERS.has(tok.text) && /\S/.test(text[tok.start - 1] ?? ' ')) continue; // stray closer
        open = { token: k, reopen: null };
      } else if (OPENERS.has(tok.text) && k === open.token + 1) {
        continue; // doubled opener
      } else {
        close(k, k - 1);
      }
    }
  });
  if (open) close(null, tokens.length - 1);
  return quotes;
}

/**
 * Maps each token to the index of the quotation whose inside (marks included) it lies in, or -1.
 */
export function mapTokensToQuotations(
  tokenCount: number,
  quotes: readonly Quotation[],
): Int32Array {
  const map = new Int32Array(tokenCount).fill(-1);
  quotes.forEach((q, index) => {
    const last = q.closeToken ?? q.lastInnerToken;
    for (let k = q.openToken; k <= last; k++) map[k] = index;
  });
  return map;
}

/** Number of words inside a quotation. */
export function quotationWordCount(tokens: readonly Token[], q: Quotation): number {
  let n = 0;
  for (let k = q.openToken + 1; k <= q.lastInnerToken; k++) if (tokens[k]?.type === 'word') n++;
  return n;
}
