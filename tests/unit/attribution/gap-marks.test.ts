/**
 * Damage shown honestly: a role or a passage the feed cut words from shows the gap mark "‸"
 * where they were, in the data the tooltip, the Sources panel and the export all read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GAP_MARK, markGaps } from '../../../common/attribution/gap-marks.ts';
import { attribute } from '../../../common/attribution/index.ts';
import { attributionText, passageWithGapMarks } from '../../../common/export/attribution-line.ts';
import { groupSources } from '../../../common/reader/sources.ts';

const SEED = readFileSync(
  new URL('../../fixtures/attribution/seed/000_8366b94cf810edf5.txt', import.meta.url),
  'utf8',
);

describe('gap marks', () => {
  it('marks a cut inside a phrase and at its end, on one line', () => {
    const text = 'Emre Ersan, an  and political science at Marmara, said; an expert at the\n\nNext';
    const inner = text.indexOf(' and political') + 1;
    const end = text.indexOf('at the') + 'at the'.length;
    expect(markGaps(text, text.indexOf('an '), text.indexOf(', said'), [inner])).toBe(
      `an ${GAP_MARK} and political science at Marmara`,
    );
    expect(markGaps(text, text.indexOf('an expert'), end, [end])).toBe(
      `an expert at the ${GAP_MARK}`,
    );
  });

  it('shows a damaged role with the mark in the source, the Sources panel and the export line', () => {
    const result = attribute(SEED);
    const ersan = result.attributions.find((a) => a.source.name === 'Emre Ersan');
    expect(ersan?.source.role).toBe(
      `an ${GAP_MARK} and political science at Istanbul's Marmara University`,
    );
    const group = groupSources(result.attributions).find((g) => g.source.name === 'Emre Ersan');
    expect(group?.source.role).toContain(GAP_MARK);
    expect(attributionText(ersan?.source ?? { name: null, role: null, kind: 'unknown' })).toBe(
      `Emre Ersan, an ${GAP_MARK} and political science at Istanbul's Marmara University`,
    );
  });

  it('leaves a whole role as it was written', () => {
    const text =
      'Lena Ortiz, the city engineer, described the repairs. "It has to be rebuilt," Ortiz said.';
    const a = attribute(text).attributions[0];
    expect(a?.source.role).toBe('the city engineer');
  });

  it('marks the cut in an exported passage and keeps its line breaks', () => {
    const text = 'But  also needs to rein in\n\nSyrian to prevent a massive outflow.';
    const cut = text.indexOf(' also') + 1;
    const exact = text.slice(0, text.length);
    expect(passageWithGapMarks(text, exact, 0, text.length, [{ offset: cut }])).toBe(
      `But  ${GAP_MARK} also needs to rein in\n\nSyrian to prevent a massive outflow.`,
    );
    // A passage that is not the text at its position is exported as stored.
    expect(passageWithGapMarks(text, 'other', 0, 5, [{ offset: 2 }])).toBe('other');
  });
});
