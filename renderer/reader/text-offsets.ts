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
export function offsetsOfRange(range: Range, root: HTMLElement): { start: number; end: number } | null {
  const blocks = [...root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)].filter((b) => range.intersectsNode(b));
  if (blocks.length === 0) return null;
  const first = blocks[0]!;
  const last = blocks[blocks.length - 1]!;
  const startInside = blockOf(range.startContainer) !== null && root.contains(range.startContainer);
  const endInside = blockOf(range.endContainer) !== null && root.contains(range.endContainer);
  const start = startInside ? offsetOfPoint(range.startContainer, range.startOffset) : Number(first.dataset.blockStart);
  const end = endInside
    ? offsetOfPoint(range.endContainer, range.endOffset)
    : Number(last.dataset.blockStart) + (last.textContent ?? '').length;
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}

/** Finds the text node and offset inside a block for a text offset. */
function pointAt(root: HTMLElement, offset: number): { node: Node; offset: number } | null {
  const blocks = [...root.querySelectorAll<HTMLElement>(BLOCK_SELECTOR)];
  let block: HTMLElement | undefined;
  for (const b of blocks) {
    if (Number(b.dataset.blockStart) <= offset) block = b;
    else break;
  }
  if (!block) return null;
  let remaining = offset - Number(block.dataset.blockStart);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (remaining <= n.data.length) return { node: n, offset: remaining };
    remaining -= n.data.length;
    last = n;
  }
  return last ? { node: last, offset: last.data.length } : null;
}

/** A DOM range for [start, end) of the text, for selecting or scrolling to a passage. */
export function rangeOfOffsets(root: HTMLElement, start: number, end: number): Range | null {
  const from = pointAt(root, start);
  const to = pointAt(root, end);
  if (!from || !to) return null;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
