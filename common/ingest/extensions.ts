/** The file kinds Gloss imports, by extension. */
export const IMPORTABLE_EXTENSIONS = [
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.html',
  '.htm',
  '.epub',
] as const;

/** Whether a file's name has one of the extensions Gloss imports (case-insensitively). */
export function hasImportableExtension(name: string): boolean {
  const lower = name.toLowerCase();
  return IMPORTABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * Why a file was refused for its kind, in the words the app and the `gloss` command both use:
 * "not an article Gloss can read" and what the file is instead.
 */
export function notAnArticleReason(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  const kind = dot > 0 ? `a ${base.slice(dot).toLowerCase()} file` : 'a file with no extension';
  return `not an article Gloss can read: ${kind}; Gloss reads .txt, .md, .html and .epub`;
}
