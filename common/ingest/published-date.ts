/**
 * Offsets of the zone abbreviations news feeds commonly print. Ambiguous ones are read the way
 * English-language news uses them (IST is India, BST is British Summer Time). An abbreviation
 * not listed here yields no date at all rather than a guessed one.
 */
const ZONE_OFFSETS: Readonly<Record<string, string>> = {
  IST: '+05:30',
  GMT: '+00:00',
  UTC: '+00:00',
  Z: '+00:00',
  BST: '+01:00',
  CET: '+01:00',
  CEST: '+02:00',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The published line of a feed: "First Published: Sat, June 01 2019. 13:35 IST" and close
 * variants.
 */
const PUBLISHED_LINE =
  /^(?:First Published|Published|Last Updated(?: at)?|Updated)\s*:?\s*(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})\.?,?\s+(\d{1,2}):(\d{2})(?:\s*([AaPp])\.?[Mm]\.?)?\s*([A-Z]{1,5})?\s*$/;

export interface PublishedLine {
  /** ISO 8601 with the zone's offset, or null when the zone is unknown or missing. */
  iso: string | null;
  zone: string | null;
}

/** Reads a feed's "First Published: …" line; returns null when the line is not one. */
export function parsePublishedLine(line: string): PublishedLine | null {
  const m = PUBLISHED_LINE.exec(line.trim());
  if (!m) return null;
  const [, monthName = '', day = '', year = '', hourText = '', minute = '', meridiem, zone] = m;
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase());
  if (month < 0) return null;
  let hour = Number(hourText);
  if (meridiem) {
    const pm = meridiem.toLowerCase() === 'p';
    if (hour === 12) hour = pm ? 12 : 0;
    else if (pm) hour += 12;
  }
  const dayNumber = Number(day);
  if (dayNumber < 1 || dayNumber > 31 || hour > 23 || Number(minute) > 59) return null;
  const offset = zone ? ZONE_OFFSETS[zone] : undefined;
  if (!zone || !offset) return { iso: null, zone: zone ?? null };
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = `${year}-${pad(month + 1)}-${pad(dayNumber)}T${pad(hour)}:${minute}:00${offset}`;
  return { iso, zone };
}
