/** Identifiers and vocabulary shared by the W3C export and the importer. */

/** The JSON-LD context of the W3C Web Annotation Data Model. */
export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Prefix of Gloss's own JSON-LD terms (used for properties W3C has no term for). */
export const GLOSS_VOCABULARY = 'urn:gloss:vocab#';

/** The URN naming a highlight outside the app: `urn:gloss:highlight:<id>`. */
export function highlightUrn(highlightId: string): string {
  return `urn:gloss:highlight:${highlightId}`;
}

/** The URN naming an article, used as the annotation target's source: `urn:gloss:article:<id>`. */
export function articleUrn(articleId: string): string {
  return `urn:gloss:article:${articleId}`;
}

/** The URN naming the collection of one article's annotations. */
export function annotationsUrn(articleId: string): string {
  return `urn:gloss:annotations:${articleId}`;
}
