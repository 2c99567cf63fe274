/**
 * Brings a highlight from outside (an annotation file, a library from before the limits)
 * within the limits every stored highlight keeps, changing as little as possible: dates become
 * ISO 8601, quote context keeps the characters nearest the quote, over-long tags are cut.
 */
import type { Highlight } from '../model/highlight.ts';
import { HIGHLIGHT_LIMITS as L } from './schema.ts';

/** A date as ISO 8601 when it can be read as one, else cut to the stored length. */
export function clampDate(value: string, fallback: string): string {
  if (value.length <= L.date) return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

/** Tags cut to the stored length and count, first spelling of each kept. */
export function clampTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const tag of tags) {
    const cut = tag.slice(0, L.tag);
    if (!seen.has(cut.toLowerCase())) seen.set(cut.toLowerCase(), cut);
  }
  return [...seen.values()].slice(0, L.tags);
}

/**
 * The highlight within the limits, and whether its note had to be cut (the caller says so:
 * a note is the user's own words).
 */
export function clampHighlight(h: Highlight): { highlight: Highlight; noteCut: boolean } {
  const noteCut = h.note.length > L.note;
  const highlight: Highlight = {
    ...h,
    quote: {
      ...h.quote,
      exact: h.quote.exact.slice(0, L.exact),
      prefix: h.quote.prefix.slice(-L.context),
      suffix: h.quote.suffix.slice(0, L.context),
    },
    note: noteCut ? h.note.slice(0, L.note) : h.note,
    tags: clampTags(h.tags),
    created: clampDate(h.created, new Date(0).toISOString()),
    updated: clampDate(h.updated, clampDate(h.created, new Date(0).toISOString())),
  };
  if (h.attribution)
    highlight.attribution = {
      ...h.attribution,
      name: h.attribution.name?.slice(0, L.sourceName) ?? null,
      role: h.attribution.role?.slice(0, L.sourceRole) ?? null,
    };
  return { highlight, noteCut };
}
