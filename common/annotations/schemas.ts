import { z } from 'zod';
import { HIGHLIGHT_COLORS } from '../model/highlight.ts';

/**
 * Zod schemas for the annotation JSON Gloss imports. They are lenient about what they do not
 * use (unknown properties pass through, unknown selector and body kinds are skipped later)
 * and strict about what they do: selectors and the fields copied into a highlight.
 */

/** `type` may be a string or, in JSON-LD, an array of strings. */
export const JsonLdType = z.union([z.string(), z.array(z.string())]);

/** True when a JSON-LD `type` (a string or a list of strings) includes `wanted`. */
export function hasType(type: unknown, wanted: string): boolean {
  return type === wanted || (Array.isArray(type) && type.includes(wanted));
}

export const TextQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1, 'the quote (exact) is empty'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});

export const TextPositionSelectorSchema = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((selector) => selector.end >= selector.start, {
    message: 'end is before start',
    path: ['end'],
  });

/** Any selector: only its type is checked here; the two Gloss can use are checked in full. */
export const AnySelectorSchema = z.looseObject({ type: z.string() });

export const SelectorListSchema = z.union([AnySelectorSchema, z.array(AnySelectorSchema)]);

const Timestamp = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'not a date and time' });

export const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS);

/** A W3C body: an IRI, or an object (TextualBody or anything else, which is ignored). */
export const W3CBodySchema = z.union([
  z.string(),
  z.looseObject({
    type: JsonLdType.optional(),
    value: z.unknown().optional(),
    purpose: z.union([z.string(), z.array(z.string())]).optional(),
    format: z.string().optional(),
  }),
]);

/** A W3C target: an IRI, or a specific resource with selectors. */
export const W3CTargetSchema = z.union([
  z.string(),
  z.looseObject({
    source: z.string().optional(),
    selector: SelectorListSchema.optional(),
  }),
]);

export const W3CAnnotationSchema = z.looseObject({
  type: JsonLdType,
  id: z.string().optional(),
  motivation: z.union([z.string(), z.array(z.string())]).optional(),
  created: Timestamp.optional(),
  modified: Timestamp.optional(),
  bodyValue: z.string().optional(),
  body: z.union([W3CBodySchema, z.array(W3CBodySchema)]).optional(),
  target: z.union([W3CTargetSchema, z.array(W3CTargetSchema).min(1, 'target is an empty list')]),
});

/** An annotation as the Hypothesis API returns it (GET /api/annotations/:id or one search row). */
export const HypothesisAnnotationSchema = z.looseObject({
  id: z.string().optional(),
  created: Timestamp.optional(),
  updated: Timestamp.optional(),
  uri: z.string().optional(),
  text: z.string().optional(),
  tags: z.array(z.string()).optional(),
  target: z.array(
    z.looseObject({
      source: z.string().optional(),
      selector: z.array(AnySelectorSchema).optional(),
    }),
  ),
  document: z
    .looseObject({ title: z.union([z.string(), z.array(z.string())]).optional() })
    .optional(),
});

export type W3CAnnotationInput = z.infer<typeof W3CAnnotationSchema>;
export type HypothesisAnnotationInput = z.infer<typeof HypothesisAnnotationSchema>;
