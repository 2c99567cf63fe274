import DOMPurify from 'dompurify';
import { marked } from 'marked';

/**
 * A note's Markdown as safe HTML: marked renders it, DOMPurify removes anything that could
 * run or reach the network. Only links to http(s) and mailto survive (they open in the user's
 * browser, never in the app); images are dropped since a note's picture would be fetched.
 */
export function renderNote(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'],
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  });
}
