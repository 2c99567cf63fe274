import type { Source } from '../model/attribution.ts';

/** A statement found in the text, before it is turned into the public Attribution shape. */
export interface Statement {
  readonly start: number;
  readonly end: number;
  readonly kind: 'direct' | 'indirect';
  readonly cue: string | null;
  readonly source: Source;
  /** Character extent of the cue and the words naming the speaker, for gap proximity. */
  readonly extentStart: number;
  readonly extentEnd: number;
  /** Paragraph of the statement's start, for quotes that continue a speaker's turn. */
  readonly paragraph: number;
  /** The stage and rule that decided it ("direct/cue-after"), shown by `--explain`. */
  readonly by: string;
}
