/**
 * Tags a note names with `#word` (letters, digits, `_`, `-`, `/` for nested tags, as Obsidian
 * reads them). A heading's `# ` is not a tag, nor is a `#` inside a word ("C#") or a number
 * alone ("#1"). Tags keep their first spelling; later repeats in another case are dropped.
 */
export function tagsFromNote(note: string): string[] {
  const seen = new Map<string, string>();
  const withoutCode = note.replace(/```[\s\S]*?(```|$)/g, ' ').replace(/`[^`\n]*`/g, ' ');
  for (const match of withoutCode.matchAll(/(?:^|[\s([,;])#([\p{L}\p{N}_\-/]+)/gu)) {
    const tag = match[1]!.replace(/[/-]+$/, '');
    if (!tag || /^\d+$/.test(tag)) continue;
    const key = tag.toLowerCase();
    if (!seen.has(key)) seen.set(key, tag);
  }
  return [...seen.values()];
}
