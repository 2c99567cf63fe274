/** The longest note Gloss keeps, in UTF-16 units: typed, imported or restored alike. */
export const MAX_NOTE_LENGTH = 100_000;

/** Why a note cannot be kept, or null when it can. */
export function noteTooLong(note: string): string | null {
  if (note.length <= MAX_NOTE_LENGTH) return null;
  return (
    `the note is ${note.length.toLocaleString('en-US')} characters; ` +
    `Gloss keeps notes up to ${MAX_NOTE_LENGTH.toLocaleString('en-US')}`
  );
}
