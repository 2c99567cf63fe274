/**
 * Turns the parsed JSON of a stored file into a checked document of the current version:
 * migrations first, then the current schema.
 */
import { describeZodError, upgradeDocument } from './migrations.ts';
import { documentSchemas, type DocumentKind, type DocumentTypes } from './schema.ts';

/** A document that is usable, or the reason it is not (in words fit for a notice). */
export type DecodeResult<K extends DocumentKind> =
  | { ok: true; value: DocumentTypes[K]; migratedFrom: number | null }
  | { ok: false; reason: string };

/**
 * Decodes a raw document of the given kind. `file` names it in errors. Throws NewerSchemaError
 * when the document comes from a newer Gloss; every other problem is returned, not thrown.
 */
export function decodeDocument<K extends DocumentKind>(
  kind: K,
  raw: unknown,
  file: string,
): DecodeResult<K> {
  const upgraded = upgradeDocument(kind, raw, file);
  if (!upgraded.ok) return upgraded;
  const parsed = documentSchemas[kind].safeParse(upgraded.doc);
  if (!parsed.success) return { ok: false, reason: describeZodError(parsed.error) };
  const migratedFrom = upgraded.from === parsed.data.schemaVersion ? null : upgraded.from;
  return { ok: true, value: parsed.data as DocumentTypes[K], migratedFrom };
}
