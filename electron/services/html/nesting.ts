/**
 * Bounds how deeply a page nests before it is parsed and read. Both parsers grow much faster
 * than the page with nesting depth, while real articles nest a few dozen levels at most, so a
 * few kilobytes of nested tags could stall an import:
 * - Readability (measured): 250 nested <div>s take 8 s, 500 take 30 s, 1,000 take 206 s;
 * - jsdom's parser: 20,000 nested <div>s take over a minute and then overflow the stack.
 * A page whose tags nest deeper than MAX_TAG_DEPTH is refused before jsdom sees it; below
 * MAX_DEPTH an element of the parsed page keeps only its text.
 */
import { IngestError } from '../../../common/ingest/index.ts';

/** Deeper than any page the fixtures nest (7 at most) or common news sites (a few dozen). */
export const MAX_DEPTH = 64;

/** How deep a page's tags may nest at all (jsdom parses 1,000 levels in about a second). */
export const MAX_TAG_DEPTH = 1000;

/** Elements that never hold others. */
const VOID = new Set(
  'area base br col embed hr img input link meta source track wbr param keygen frame'.split(' '),
);
/** Elements the parser closes by itself when a sibling starts: they do not pile up. */
const SELF_CLOSING = new Set(
  'p li dt dd tr td th option optgroup rb rt rp tbody thead tfoot colgroup caption'.split(' '),
);

/**
 * How deep the page's tags nest, read from its source in one pass without parsing it: comments,
 * scripts and styles are skipped, empty elements and those closed implicitly do not count.
 * Close enough to refuse a hostile page before parsing; never less than the parsed depth of
 * well-formed markup.
 */
export function tagDepth(html: string): number {
  // No part of the pattern can run past the next '<' unless it has found its end, so one pass
  // stays linear even on a page of unterminated tags.
  const tags =
    /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^<>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)[^<>]*?(\/?)>/gi;
  let depth = 0;
  let deepest = 0;
  for (const m of html.matchAll(tags)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID.has(name) || SELF_CLOSING.has(name) || m[4]) continue;
    if (m[2]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** Refuses a page nested deeper than any article, before it reaches a parser. */
export function assertReadableNesting(html: string): void {
  const depth = tagDepth(html);
  if (depth > MAX_TAG_DEPTH)
    throw new IngestError(
      `the page nests its tags ${depth.toLocaleString('en-US')} levels deep; ` +
        `Gloss reads pages nested up to ${MAX_TAG_DEPTH.toLocaleString('en-US')} levels`,
    );
}

/**
 * Collapses every element at `maxDepth` below `root` to its text, in place, in time linear in
 * the page. Returns how many elements were collapsed.
 */
export function flattenDeepNesting(root: Element, maxDepth = MAX_DEPTH): number {
  let collapsed = 0;
  // Iterative, so that a page nested deeper than the call stack cannot end the walk.
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [element, depth] = stack.pop()!;
    if (depth >= maxDepth) {
      if (element.firstElementChild) {
        element.textContent = textOf(element);
        collapsed++;
      }
      continue;
    }
    for (let child = element.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1]);
  }
  return collapsed;
}

/** Elements kept though empty: pictures, media and the structure of tables. */
const KEEP_EMPTY = new Set(
  'img picture source video audio svg canvas iframe br hr wbr td th tr col input'.split(' '),
);

/**
 * Removes elements with no text and nothing kept inside them (an empty <p>, a spacer <div>),
 * in place, in one pass. Readability spends far longer on them than on text: measured on this
 * machine, 2,000 empty <p>s take 76 s and 2,000 empty <div>s 29 s, against 6 s for 2,000
 * paragraphs of text. They add nothing to what is read. Returns how many were removed.
 */
export function removeEmptyElements(root: Element): number {
  // Every element after its ancestors; walking the list backwards sees children first, so a
  // parent emptied by its children's removal goes too.
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const element = stack.pop()!;
    order.push(element);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling)
      stack.push(child);
  }
  let removed = 0;
  for (let i = order.length - 1; i > 0; i--) {
    const element = order[i]!;
    if (element.firstElementChild || KEEP_EMPTY.has(element.localName)) continue;
    // No element children: its text is its own text nodes, read without a deep walk.
    if (/\S/.test(element.textContent ?? '')) continue;
    element.remove();
    removed++;
  }
  return removed;
}

/** An element's text, gathered without recursion (jsdom's textContent getter recurses). */
function textOf(element: Element): string {
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    parts.push((node as Text).data);
  return parts.join('');
}
