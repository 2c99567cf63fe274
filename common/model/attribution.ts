/**
 * Who a statement is attributed to. `name` is null where the text does not say (or a feed stripped
 * it).
 */
export interface Source {
  name: string | null;
  role: string | null;
  kind: 'person' | 'organization' | 'group' | 'unknown';
}

/**
 * One statement in an article and its source. [start, end) are UTF-16 offsets into the
 * article's text: for a direct quotation the words inside the marks, for reported speech
 * the reported clause.
 */
export interface Attribution {
  start: number;
  end: number;
  quote: string;
  kind: 'direct' | 'indirect';
  /** The verb or phrase that attributes it ("says", "according to"), or null. */
  cue: string | null;
  source: Source;
  /** True when a gap (stripped words) lies in or right next to the statement or its cue. */
  nearGap?: boolean;
}

/** A place where words appear to have been stripped from the text, by offset. */
export interface Gap {
  offset: number;
}

export interface AttributionResult {
  attributions: Attribution[];
  gaps: Gap[];
}
