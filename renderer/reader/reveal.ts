import { BlockIndex } from './text-offsets.ts';

/** The article's text element inside the reader's article, if it is on the page. */
export function articleBodyOf(article: HTMLElement | null): HTMLElement | null {
  return article?.querySelector<HTMLElement>('.article-body') ?? null;
}

/** The first block at least partly below the reader bar: where the reader is. */
export function readingPoint(body: HTMLElement): number {
  for (const block of body.querySelectorAll<HTMLElement>('[data-block-start]')) {
    if (block.getBoundingClientRect().bottom > 72) return Number(block.dataset.blockStart);
  }
  return 0;
}

/**
 * The element of a highlight or attributed passage, found by `selector`. A long article
 * decorates only the paragraphs near the view; for a passage further away, its paragraph is
 * scrolled into view first and the element awaited for a few frames while it is decorated.
 */
export async function revealDecoration(
  body: HTMLElement,
  selector: string,
  offset: number,
): Promise<HTMLElement | null> {
  const found = body.querySelector<HTMLElement>(selector);
  if (found) return found;
  const block = new BlockIndex(body).blockAt(offset);
  if (!block) return null;
  block.scrollIntoView({ block: 'center' });
  for (let frame = 0; frame < 30; frame++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const element = body.querySelector<HTMLElement>(selector);
    if (element) return element;
  }
  return null;
}

/** Brings the first mark of a highlight into view and gives it focus. */
export async function focusHighlight(
  body: HTMLElement,
  id: string,
  start: number,
): Promise<boolean> {
  const mark = await revealDecoration(body, `mark[data-hstart="${CSS.escape(id)}"]`, start);
  if (!mark) return false;
  mark.scrollIntoView({ block: 'center' });
  mark.focus({ preventScroll: true });
  return true;
}

/** Brings an attributed statement into view and gives it focus. */
export async function focusStatement(
  body: HTMLElement,
  index: number,
  start: number,
): Promise<boolean> {
  const span = await revealDecoration(body, `[data-astart="a${index}"]`, start);
  if (!span) return false;
  span.scrollIntoView({ block: 'center' });
  span.focus({ preventScroll: true });
  return true;
}
