import { describe, expect, it } from 'vitest';
import { OffsetMap } from '../../../common/anchoring/offset-map.ts';
import { diffTexts, splitIntoUnits, type DiffStep } from '../../../common/anchoring/text-diff.ts';

function sides(steps: DiffStep[]): { before: string; after: string } {
  let before = '';
  let after = '';
  for (const [op, text] of steps) {
    if (op !== 1) before += text;
    if (op !== -1) after += text;
  }
  return { before, after };
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('splitIntoUnits', () => {
  it('cuts after newlines and sentence ends, and loses nothing', () => {
    const text = 'One. Two!  Three?\nFour\n\nFive。六';
    const units = splitIntoUnits(text);
    expect(units.join('')).toBe(text);
    expect(units).toEqual(['One. ', 'Two!  ', 'Three?\n', 'Four\n', '\n', 'Five。', '六']);
  });

  it('cuts long runs without sentence ends at word boundaries chosen by content', () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    const units = splitIntoUnits(words);
    expect(units.join('')).toBe(words);
    expect(units.length).toBeGreaterThan(3);
    // Inserting text near the start does not change how the far end is cut.
    const shifted = splitIntoUnits('inserted words here ' + words);
    expect(shifted.slice(-3)).toEqual(units.slice(-3));
  });
});

describe('diffTexts', () => {
  it('produces steps that rebuild both texts, for random edits', () => {
    const random = seeded(11);
    const vocabulary = ['alpha ', 'beta ', 'gamma. ', 'delta\n', 'epsilon ', '😀 ', 'zeta! '];
    for (let trial = 0; trial < 60; trial++) {
      let before = '';
      const length = Math.floor(random() * 300);
      for (let i = 0; i < length; i++)
        before += vocabulary[Math.floor(random() * vocabulary.length)];
      let after = before;
      const edits = Math.floor(random() * 6);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (after.length + 1));
        const cut = Math.floor(random() * 20);
        after = after.slice(0, at) + (random() < 0.5 ? 'NEW text. ' : '') + after.slice(at + cut);
      }
      const steps = diffTexts(before, after);
      expect(sides(steps)).toEqual({ before, after });
    }
  });

  it('keeps unchanged text as equal steps', () => {
    const before = 'First sentence. Second sentence. Third sentence.';
    const after = 'First sentence. Second, edited sentence. Third sentence.';
    const equal = diffTexts(before, after)
      .filter(([op]) => op === 0)
      .map(([, text]) => text)
      .join('');
    expect(equal.length).toBe(before.length);
  });
});

describe('OffsetMap', () => {
  // old: "abcdef" → new: "XXabdZef" (XX inserted, c deleted, Z inserted)
  const map = new OffsetMap([
    [1, 'XX'],
    [0, 'ab'],
    [-1, 'c'],
    [0, 'd'],
    [1, 'Z'],
    [0, 'ef'],
  ]);

  it('maps surviving characters to their new offsets', () => {
    expect(map.mapStart(0)).toBe(2);
    expect(map.mapStart(3)).toBe(4);
    expect(map.mapEnd(2)).toBe(4);
    expect(map.mapEnd(6)).toBe(8);
  });

  it('moves a start in deleted text forward and an end in deleted text back', () => {
    expect(map.mapStart(2)).toBe(4); // "c" was deleted: the next survivor is "d"
    expect(map.mapEnd(3)).toBe(4); // range ending after "c" ends after "b"
  });

  it('keeps text inserted at a range boundary outside the range', () => {
    // [3, 4) = "d": "Z" was inserted right after it.
    expect([map.mapStart(3), map.mapEnd(4)]).toEqual([4, 5]);
    // [4, 6) = "ef": "Z" was inserted right before it.
    expect([map.mapStart(4), map.mapEnd(6)]).toEqual([6, 8]);
  });

  it('lists inserted ranges and widens them into a search scope', () => {
    expect(map.insertions).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 6 },
    ]);
    expect(map.insertedScope(2, 1)).toEqual([{ start: 0, end: 3 }]);
    expect(map.insertedScope(1, 2)).toEqual([{ start: 0, end: 8 }]);
  });
});
