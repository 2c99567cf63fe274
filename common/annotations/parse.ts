import type { z } from 'zod';
import { noteTooLong } from '../notes/limits.ts';
import type {
  HighlightColor,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/highlight.ts';
import {
  HighlightColorSchema,
  HypothesisAnnotationSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  W3CAnnotationSchema,
  hasType,
  type HypothesisAnnotationInput,
  type W3CAnnotationInput,
} from './schemas.ts';

/** One annotation read from W3C or Hypothesis JSON, ready to become a highlight. */
export interface ImportedAnnotation {
  /**
   * The annotation's own id as the file gave it (a W3C IRI such as `urn:gloss:highlight:<id>`, or a
   * Hypothesis id).
   */
  id?: string;
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
  /** Markdown (W3C commenting bodies joined by blank lines, or the Hypothesis `text`). */
  note: string;
  tags: string[];
  color?: HighlightColor;
  created?: string;
  updated?: string;
  /** The annotated document: the target's source, or the Hypothesis `uri`. */
  sourceUrl?: string;
  /** The annotated document's title: the collection's label, or the Hypothesis document title. */
  sourceTitle?: string;
}

/**
 * What {@link parseAnnotations} read: the usable annotations, and one message per unusable item.
 */
export interface ParsedAnnotations {
  annotations: ImportedAnnotation[];
  /** "item <index>: <reason>", index counting from 0 within the list of annotations. */
  errors: string[];
}

const EXPECTED = 'expected a W3C annotation, an array, an AnnotationCollection or Hypothesis JSON';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short description of a value for error messages: what it is, not its whole content. */
function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string')
    return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  if (!isObject(value)) return `${typeof value === 'undefined' ? 'nothing' : `a ${typeof value}`}`;
  if (typeof value.type === 'string') return `an object of type "${value.type}"`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, 6).join(', ');
  return `an object with keys ${shown}${keys.length > 6 ? ', …' : ''}`;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path
        .map((key, i) =>
          typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`,
        )
        .join('');
      return path.length > 0 ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** A Hypothesis annotation has no `type`, a list of targets, and some of its own fields. */
function looksLikeHypothesis(value: Json): boolean {
  return (
    value.type === undefined &&
    Array.isArray(value.target) &&
    ('uri' in value || 'user' in value || 'text' in value || 'document' in value)
  );
}

interface Batch {
  items: unknown[];
  /** Applies to every item (the collection's label). */
  sourceTitle?: string;
}

/** Finds the list of annotations in any accepted shape, or throws saying what was found instead. */
function unwrap(json: unknown): Batch {
  if (Array.isArray(json)) return { items: json };
  if (!isObject(json)) throw new Error(`${EXPECTED}; got ${describeValue(json)}`);

  if ('rows' in json) {
    if (!Array.isArray(json.rows))
      throw new Error(
        `${EXPECTED}; got Hypothesis search results whose "rows" is ${describeValue(json.rows)}`,
      );
    return { items: json.rows };
  }
  if (hasType(json.type, 'AnnotationCollection')) {
    const label = typeof json.label === 'string' ? json.label : undefined;
    const withLabel = (items: unknown[]): Batch =>
      label === undefined ? { items } : { items, sourceTitle: label };
    if (isObject(json.first)) {
      if (!Array.isArray(json.first.items))
        throw new Error(
          `${EXPECTED}; got an AnnotationCollection whose first page has no "items" list`,
        );
      return withLabel(json.first.items);
    }
    if (typeof json.first === 'string') {
      throw new Error(
        `${EXPECTED}; got an AnnotationCollection whose first page is only a link (${json.first}), not embedded`,
      );
    }
    if (Array.isArray(json.items)) return withLabel(json.items);
    throw new Error(
      `${EXPECTED}; got an AnnotationCollection with neither an embedded "first" page nor "items"`,
    );
  }
  if (hasType(json.type, 'AnnotationPage')) {
    if (!Array.isArray(json.items))
      throw new Error(`${EXPECTED}; got an AnnotationPage without an "items" list`);
    return { items: json.items };
  }
  if (hasType(json.type, 'Annotation') || looksLikeHypothesis(json)) return { items: [json] };
  throw new Error(`${EXPECTED}; got ${describeValue(json)}`);
}

interface Selectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/**
 * Picks the first TextQuoteSelector and TextPositionSelector from a list. Other selectors
 * (RangeSelector, XPath, CSS, page selectors) describe a web page's structure, which an
 * article's plain text does not have, so they are skipped. Returns an error message when a
 * selector Gloss would use is malformed.
 */
function readSelectors(list: readonly Json[]): Selectors | string {
  const found: Selectors = {};
  for (const [index, selector] of list.entries()) {
    if (selector.type === 'TextQuoteSelector' && found.quote === undefined) {
      const parsed = TextQuoteSelectorSchema.safeParse(selector);
      if (!parsed.success)
        return `selector[${index}] (TextQuoteSelector): ${formatIssues(parsed.error)}`;
      found.quote = {
        type: 'TextQuoteSelector',
        exact: parsed.data.exact,
        prefix: parsed.data.prefix ?? '',
        suffix: parsed.data.suffix ?? '',
      };
    } else if (selector.type === 'TextPositionSelector' && found.position === undefined) {
      const parsed = TextPositionSelectorSchema.safeParse(selector);
      if (!parsed.success)
        return `selector[${index}] (TextPositionSelector): ${formatIssues(parsed.error)}`;
      found.position = {
        type: 'TextPositionSelector',
        start: parsed.data.start,
        end: parsed.data.end,
      };
    }
  }
  return found;
}

const NO_SELECTOR =
  'no TextQuoteSelector or TextPositionSelector in its target, so there is nothing to place it by';

function cleanTags(tags: readonly string[]): string[] {
  const clean: string[] = [];
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (trimmed.length > 0 && !clean.includes(trimmed)) clean.push(trimmed);
  }
  return clean;
}

function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Reads one W3C annotation; returns the reason when it cannot be used. */
function fromW3C(input: W3CAnnotationInput, batch: Batch): ImportedAnnotation | string {
  let selectors: Selectors = {};
  let sourceUrl: string | undefined;
  for (const target of asList(input.target)) {
    if (typeof target === 'string') {
      sourceUrl ??= target;
      continue;
    }
    const read = readSelectors(asList(target.selector));
    if (typeof read === 'string') return `target: ${read}`;
    if (read.quote !== undefined || read.position !== undefined) {
      selectors = read;
      sourceUrl = target.source ?? sourceUrl;
      break;
    }
    sourceUrl ??= target.source;
  }
  if (selectors.quote === undefined && selectors.position === undefined) return NO_SELECTOR;

  const motivations = asList(input.motivation);
  const noteParts: string[] = [];
  if (input.bodyValue !== undefined && input.bodyValue.length > 0) noteParts.push(input.bodyValue);
  const tags: string[] = [];
  let color: HighlightColor | undefined;
  for (const body of asList(input.body)) {
    // IRIs and non-textual bodies (images, links to other resources) carry nothing to import.
    if (typeof body === 'string' || typeof body.value !== 'string') continue;
    if (body.type !== undefined && !hasType(body.type, 'TextualBody')) continue;
    // Without its own purpose a body takes the annotation's motivation, as the model says.
    const purposes = body.purpose !== undefined ? asList(body.purpose) : motivations;
    if (purposes.includes('tagging')) {
      tags.push(body.value);
    } else if (purposes.includes('highlighting')) {
      // A colour Gloss does not have is dropped; the highlight keeps the default colour.
      const parsed = HighlightColorSchema.safeParse(body.value);
      if (parsed.success) color ??= parsed.data;
    } else if (body.value.length > 0) {
      noteParts.push(body.value);
    }
  }

  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...selectors,
    note: noteParts.join('\n\n'),
    tags: cleanTags(tags),
    ...(color !== undefined ? { color } : {}),
    ...(input.created !== undefined ? { created: input.created } : {}),
    ...(input.modified !== undefined ? { updated: input.modified } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    ...(batch.sourceTitle !== undefined ? { sourceTitle: batch.sourceTitle } : {}),
  };
}

/** Reads one Hypothesis API annotation; returns the reason when it cannot be used. */
function fromHypothesis(input: HypothesisAnnotationInput): ImportedAnnotation | string {
  let selectors: Selectors = {};
  for (const [index, target] of input.target.entries()) {
    const read = readSelectors(target.selector ?? []);
    if (typeof read === 'string') return `target[${index}].${read}`;
    if (read.quote !== undefined || read.position !== undefined) {
      selectors = read;
      break;
    }
  }
  if (selectors.quote === undefined && selectors.position === undefined) {
    return input.target.every((target) => (target.selector ?? []).length === 0)
      ? `a page note with ${NO_SELECTOR}`
      : NO_SELECTOR;
  }
  const title = asList(input.document?.title).find((t) => t.trim().length > 0);
  const sourceUrl = input.uri ?? input.target.find((target) => target.source !== undefined)?.source;
  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    ...selectors,
    note: input.text ?? '',
    tags: cleanTags(input.tags ?? []),
    ...(input.created !== undefined ? { created: input.created } : {}),
    ...(input.updated !== undefined ? { updated: input.updated } : {}),
    ...(sourceUrl !== undefined ? { sourceUrl } : {}),
    ...(title !== undefined ? { sourceTitle: title.trim() } : {}),
  };
}

/** Reads one item and refuses a note longer than any note typed in Gloss may be. */
function readItem(item: unknown, batch: Batch): ImportedAnnotation | string {
  const read = readItemShape(item, batch);
  return typeof read === 'string' ? read : (noteTooLong(read.note) ?? read);
}

function readItemShape(item: unknown, batch: Batch): ImportedAnnotation | string {
  if (!isObject(item)) return `expected an annotation object, got ${describeValue(item)}`;
  if (hasType(item.type, 'Annotation')) {
    if (item.target === undefined)
      return 'a W3C annotation without a target, so nothing says what it annotates';
    const parsed = W3CAnnotationSchema.safeParse(item);
    return parsed.success
      ? fromW3C(parsed.data, batch)
      : `not a valid W3C annotation: ${formatIssues(parsed.error)}`;
  }
  if (item.type === undefined && 'target' in item) {
    const parsed = HypothesisAnnotationSchema.safeParse(item);
    return parsed.success
      ? fromHypothesis(parsed.data)
      : `not a valid Hypothesis annotation: ${formatIssues(parsed.error)}`;
  }
  return `not a W3C or Hypothesis annotation (got ${describeValue(item)})`;
}

/**
 * Reads annotations from W3C Web Annotation JSON (one annotation, an array, an
 * AnnotationCollection with an embedded first page or items, an AnnotationPage) or from
 * Hypothesis API JSON (one annotation, or search results `{rows: [...]}`).
 *
 * Items that cannot be used (malformed, or with no text selector to place them by) are
 * reported in `errors` with their index and reason; the rest are returned.
 *
 * @throws Error when the JSON as a whole has none of these shapes, saying what it got.
 */
export function parseAnnotations(json: unknown): ParsedAnnotations {
  const batch = unwrap(json);
  const annotations: ImportedAnnotation[] = [];
  const errors: string[] = [];
  for (const [index, item] of batch.items.entries()) {
    const read = readItem(item, batch);
    if (typeof read === 'string') errors.push(`item ${index}: ${read}`);
    else annotations.push(read);
  }
  return { annotations, errors };
}
