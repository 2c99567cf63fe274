/**
 * Reads blocks out of sanitized article HTML: headings, paragraphs, list items (with nesting),
 * block quotes, code and figures. Inline markup keeps its words and loses its formatting.
 * Figures keep their image's address as found (`src`); the caller decides what may be kept.
 */
import type { DraftBlock } from '../../../common/ingest/blocks.ts';
import { foldLines } from '../../../common/ingest/blocks.ts';

/** Elements that end the running paragraph. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

interface Context {
  quote: boolean;
  depth: number;
}

/** A figure's picture as found in the page: its address (as written) and alt text. */
export interface FoundImage {
  src: string | null;
  alt: string;
}

function imageOf(img: Element): FoundImage {
  return {
    src: img.getAttribute('src')?.trim() || null,
    alt: foldLines(img.getAttribute('alt') ?? ''),
  };
}

/** Text of an element's inline content, with line breaks as spaces. */
function inlineText(node: Node, skip: (el: Element) => boolean = () => false): string {
  let out = '';
  node.childNodes.forEach((child) => {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (child.nodeType === 1) {
      const el = child as Element;
      if (skip(el)) return;
      if (el.tagName === 'BR') out += ' ';
      else {
        const inner = inlineText(el, skip);
        // Block children of an inline run (a <p> inside an <li>) are separated by a space.
        out += BLOCK_TAGS.has(el.tagName) ? ` ${inner} ` : inner;
      }
    }
  });
  return out;
}

class BlockReader {
  readonly drafts: DraftBlock[] = [];
  #text = '';
  #images: FoundImage[] = [];

  /**
   * Ends the running paragraph. Its pictures become figures of their own after it: all of them
   * in a run without words, and those with alt text in a run with words (an icon without alt
   * text beside words is decoration; a described picture is part of the story).
   */
  flush(ctx: Context): void {
    const text = foldLines(this.#text);
    if (text) this.drafts.push({ kind: ctx.quote ? 'blockquote' : 'paragraph', text });
    for (const image of this.#images) {
      if (!text || image.alt) this.drafts.push({ kind: 'figure', text: image.alt, image });
    }
    this.#text = '';
    this.#images = [];
  }

  read(node: Node, ctx: Context): void {
    node.childNodes.forEach((child) => {
      if (child.nodeType === 3) {
        this.#text += child.nodeValue ?? '';
        return;
      }
      if (child.nodeType !== 1) return;
      const el = child as Element;
      const tag = el.tagName;
      if (tag === 'BR') {
        this.#text += ' ';
        return;
      }
      if (tag === 'IMG') {
        this.#images.push(imageOf(el));
        return;
      }
      if (!BLOCK_TAGS.has(tag)) {
        this.read(el, ctx);
        return;
      }
      this.flush(ctx);
      this.#block(el, ctx);
      this.flush(ctx);
    });
  }

  #block(el: Element, ctx: Context): void {
    const tag = el.tagName;
    const heading = /^H([1-6])$/.exec(tag);
    if (heading) {
      this.drafts.push({
        kind: 'heading',
        text: foldLines(inlineText(el)),
        level: Number(heading[1]),
      });
    } else if (tag === 'UL' || tag === 'OL') {
      this.#list(el, ctx.depth + 1, ctx);
    } else if (tag === 'LI') {
      this.#item(el, Math.max(1, ctx.depth), ctx);
    } else if (tag === 'BLOCKQUOTE') {
      this.read(el, { ...ctx, quote: true });
    } else if (tag === 'PRE') {
      const code = (el.textContent ?? '')
        .replace(/\r\n?/g, '\n')
        .replace(/[ \t]+$/gm, '')
        .replace(/^\n+|\n+$/g, '');
      this.drafts.push({ kind: 'code', text: code });
    } else if (tag === 'FIGURE') {
      this.#figure(el, ctx);
    } else if (tag === 'TR') {
      const cells = [...el.children].map((c) => foldLines(inlineText(c))).filter(Boolean);
      if (cells.length)
        this.drafts.push({ kind: ctx.quote ? 'blockquote' : 'paragraph', text: cells.join(' · ') });
    } else if (tag !== 'HR') {
      this.read(el, ctx);
    }
  }

  #list(list: Element, depth: number, ctx: Context): void {
    for (const child of [...list.children]) {
      if (child.tagName === 'LI') this.#item(child, depth, ctx);
      else if (child.tagName === 'UL' || child.tagName === 'OL') this.#list(child, depth + 1, ctx);
    }
  }

  #item(li: Element, depth: number, ctx: Context): void {
    const isList = (el: Element) => el.tagName === 'UL' || el.tagName === 'OL';
    const text = foldLines(inlineText(li, isList));
    if (text) this.drafts.push({ kind: 'list-item', text, level: depth });
    for (const nested of [...li.children].filter(isList)) this.#list(nested, depth + 1, ctx);
  }

  #figure(figure: Element, ctx: Context): void {
    const img = figure.querySelector('img');
    if (!img) {
      // A figure without a picture (a pull quote, a code listing) is read like any container.
      this.read(figure, ctx);
      return;
    }
    const captionEl = figure.querySelector('figcaption');
    const caption = captionEl ? foldLines(inlineText(captionEl)) : '';
    const image = imageOf(img);
    this.drafts.push({ kind: 'figure', text: caption || image.alt, image });
  }
}

/** The blocks of a sanitized article body, in reading order. */
export function blocksFromDom(root: Node): DraftBlock[] {
  const reader = new BlockReader();
  const ctx = { quote: false, depth: 0 };
  reader.read(root, ctx);
  reader.flush(ctx);
  return reader.drafts;
}
