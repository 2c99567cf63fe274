import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

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
  const html = notes.parse(markdown, { async: false });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}
