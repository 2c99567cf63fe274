/** The file kinds Gloss imports, by extension. */
export const IMPORTABLE_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
] as const;

/** Whether a file's name has one of the extensions Gloss imports (case-insensitively). */
export function hasImportableExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
