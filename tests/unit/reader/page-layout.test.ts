import { describe, expect, it } from 'vitest';
import { pageLayout } from '../../../common/reader/page-layout.ts';

/** The normal measure: 34em of 19 px type. */
const MEASURE = 34 * 19;

describe('the reader page at a window width', () => {
  it('keeps the margin of notes beside the text when no panel is open and there is room', () => {
    expect(pageLayout(1000, MEASURE, false)).toEqual({ narrow: false, folded: false });
    expect(pageLayout(1920, MEASURE, false)).toEqual({ narrow: false, folded: false });
  });

  it('folds the margin into markers in a narrow window, panel or not', () => {
    expect(pageLayout(800, MEASURE, false)).toEqual({ narrow: true, folded: true });
    expect(pageLayout(800, MEASURE, true)).toEqual({ narrow: true, folded: true });
  });

  it('folds the margin, rather than covering it, where text, notes and panel do not all fit', () => {
    expect(pageLayout(1000, MEASURE, true)).toEqual({ narrow: false, folded: true });
    expect(pageLayout(1200, MEASURE, true)).toEqual({ narrow: false, folded: true });
    expect(pageLayout(1400, MEASURE, true)).toEqual({ narrow: false, folded: false });
    expect(pageLayout(1920, MEASURE, true)).toEqual({ narrow: false, folded: false });
  });

  it('needs more room for a wider measure or larger type', () => {
    expect(pageLayout(1400, 38 * 24, true).folded).toBe(true);
    expect(pageLayout(1400, 30 * 17, true).folded).toBe(false);
  });
});
