import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { boundQuotes } from '../../common/markdown/bound-quotes.ts';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Notes are Markdown, not HTML: raw HTML in a note is shown as the text it is, never parsed
 * into elements (so a pasted `<img onerror>` cannot even be attempted).
 */
const notes = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text ? `[image: ${text}]` : '[image]'),
  },
});

/**
 * A note's Markdown as safe HTML: marked renders it with raw HTML and images turned into text,
 * then DOMPurify keeps only plain formatting. Only links to http(s) and mailto survive (they
 * open in the user's browser, never in the app); a note's picture would be fetched, so none is
 * shown.
 */
export function renderNote(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const safe = isPlain(markdown) ? `<p>${markdown}</p>\n` : renderMarkdown(markdown);
  if (rendered.size >= CACHE_LIMIT) rendered.delete(rendered.keys().next().value!);
  rendered.set(markdown, safe);
  return safe;
}

/** A note rendered by marked and sanitised by DOMPurify, with no shortcut and no cache. */
export function renderMarkdown(markdown: string): string {
  return sanitize(notes.parse(boundQuotes(markdown), { async: false }));
}

/**
 * Rendered notes by their Markdown: the margin re-renders on every layout pass, and parsing
 * and sanitising hundreds of notes each time would dominate opening a heavily annotated article.
 */
const rendered = new Map<string, string>();
const CACHE_LIMIT = 5000;

/**
 * A one-line note of words and plain punctuation that Markdown gives no meaning to: it starts
 * with a letter (no heading, list or quote), holds no character that escapes, emphasises, links
 * or needs escaping in HTML, nothing GFM would turn into a link (www., ://, @), and no line
 * break. marked renders such a note as exactly <p>note</p> and DOMPurify keeps it as it is, so
 * it is written out directly: parsing and sanitising hundreds of them (a fresh document each)
 * was most of the work of showing the margin of a heavily annotated article.
 */
const PLAIN = /^[A-Za-z][A-Za-z0-9 ,.;:?!#%()/-]*[A-Za-z0-9.?!)#%]$/;
const LINK_LIKE = /www\.|:\/\/|\s{2}/i;

export function isPlain(markdown: string): boolean {
  return markdown.length <= 2000 && PLAIN.test(markdown) && !LINK_LIKE.test(markdown);
}

function sanitize(html: string): string {
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [
      'p',
      'br',
      'strong',
      'em',
      'del',
      'code',
      'pre',
      'blockquote',
      'ul',
      'ol',
      'li',
      'a',
      'h1',
      'h2',
      'h3',
      'h4',
      'h5',
      'h6',
      'hr',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}

/**
 * A note rendered for a place that is itself a button (the Highlights panel's items): the same
 * safe HTML with links made plain text, since a link inside a button can be neither focused
 * nor announced on its own.
 */
export function renderNoteInert(markdown: string): string {
  return renderNote(markdown)
    .replace(/<a\b[^>]*>/g, '<span class="note-link">')
    .replace(/<\/a>/g, '</span>');
}
