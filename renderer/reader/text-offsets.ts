/**
 * Conversions between DOM positions in the rendered article and offsets into its canonical
 * text. Every block element carries `data-block-start`; its text content (markers carry none)
 * is exactly that block's text, so an offset is the block's start plus the length of the text
 * before the point inside the block.
 */

const BLOCK_SELECTOR = '[data-block-start]';

function blockOf(node: Node): HTMLElement | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest<HTMLElement>(BLOCK_SELECTOR) ?? null;
}

/** The text offset of a DOM point, or null when the point is outside the article's blocks. */
export function offsetOfPoint(node: Node, offset: number): number | null {
  const block = blockOf(node);
  if (!block) return null;
  const range = document.createRange();
  range.setStart(block, 0);
  range.setEnd(node, offset);
  return Number(block.dataset.blockStart) + range.toString().length;
}

/**
 * The text offsets a DOM range covers, clamped to the article: a selection that starts or ends
 * outside any block (in a margin, between paragraphs) is trimmed to the blocks it touches.
 */
export function offsetsOfRange(
  range: Range,
  root: HTMLElement,
): { start: number; end: number } | null {
  const blocks = [...root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)].filter((b) =>
    range.intersectsNode(b),
  );
  if (blocks.length === 0) return null;
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const startInside = blockOf(range.startContainer) !== null && root.contains(range.startContainer);
  const endInside = blockOf(range.endContainer) !== null && root.contains(range.endContainer);
  const start = startInside
    ? offsetOfPoint(range.startContainer, range.startOffset)
    : Number(first.dataset.blockStart);
  const end = endInside
    ? offsetOfPoint(range.endContainer, range.endOffset)
    : Number(last.dataset.blockStart) + (last.textContent ?? '').length;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/**
 * The article's blocks in text order, read from the page once, so that many offsets (every
 * margin note, every find match) are looked up by bisection rather than a scan of the page each.
 */
export class BlockIndex {
  readonly elements: HTMLElement[];
  readonly #starts: number[];

  constructor(root: ParentNode) {
    this.elements = [...root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)];
    this.#starts = this.elements.map((e) => Number(e.dataset.blockStart));
  }

  /**
   * Position in `elements` of the block holding `offset` (the last starting at or before it),
   * or -1.
   */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length - 1;
    if (hi < 0 || offset < this.#starts[0]!) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The block element holding `offset`, or null before the first block. */
  blockAt(offset: number): HTMLElement | null {
    return this.elements[this.indexAt(offset)] ?? null;
  }

  /**
   * The text node and offset inside a block for a text offset; an offset past its block's text
   * (between paragraphs) is clamped to that block's end.
   */
  pointAt(offset: number): { node: Text; offset: number } | null {
    const i = this.indexAt(offset);
    if (i < 0) return null;
    let remaining = offset - this.#starts[i]!;
    let last: Text | null = null;
    for (const n of textNodes(this.elements[i]!)) {
      if (remaining <= n.data.length) return { node: n, offset: remaining };
      remaining -= n.data.length;
      last = n;
    }
    return last ? { node: last, offset: last.data.length } : null;
  }

  /**
   * The box of the character at a text offset. An offset past its block's text (a highlight
   * begun between paragraphs) shows from the next block's first character.
   */
  characterRect(offset: number): DOMRect | null {
    const i = this.indexAt(offset);
    if (i < 0) return null;
    let remaining = offset - this.#starts[i]!;
    for (const n of textNodes(this.elements[i]!)) {
      if (remaining < n.data.length) {
        const range = document.createRange();
        range.setStart(n, remaining);
        range.setEnd(n, remaining + 1);
        return range.getClientRects()[0] ?? null;
      }
      remaining -= n.data.length;
    }
    const next = this.#starts[i + 1];
    return next === undefined ? null : this.characterRect(next);
  }
}

function* textNodes(block: HTMLElement): Generator<Text> {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) yield n as Text;
}

/** A DOM range for [start, end) of the text, for selecting or scrolling to a passage. */
export function rangeOfOffsets(
  root: HTMLElement,
  start: number,
  end: number,
  blocks = new BlockIndex(root),
): Range | null {
  const from = blocks.pointAt(start);
  const to = blocks.pointAt(end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
