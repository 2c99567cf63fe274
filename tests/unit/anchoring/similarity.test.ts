import { describe, expect, it } from 'vitest';
import {
  boundedEditDistance,
  leadingEditDistance,
  prefixSimilarity,
  suffixSimilarity,
} from '../../../common/anchoring/similarity.ts';

/** Plain full-matrix Levenshtein, the reference the banded version must agree with. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (row[j] ?? 0) + 1,
        (next[j - 1] ?? 0) + 1,
      );
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

function randomString(random: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += 'abcde '[Math.floor(random() * 6)];
  return s;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('boundedEditDistance', () => {
  it('agrees with plain Levenshtein when within the limit, and reports limit+1 beyond it', () => {
    const random = seeded(7);
    for (let trial = 0; trial < 400; trial++) {
      const a = randomString(random, Math.floor(random() * 40));
      // b is a mutated copy of a, so distances span both sides of the limit.
      let b = a;
      const edits = Math.floor(random() * 8);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(random() * (b.length + 1));
        const kind = random();
        if (kind < 0.33) b = b.slice(0, at) + 'x' + b.slice(at);
        else if (kind < 0.66) b = b.slice(0, at) + b.slice(at + 1);
        else b = b.slice(0, at) + 'y' + b.slice(at + 1);
      }
      const limit = Math.floor(random() * 6);
      const truth = levenshtein(a, b);
      expect(boundedEditDistance(a, b, limit)).toBe(truth <= limit ? truth : limit + 1);
    }
  });

  it('is zero for equal strings and limit+1 when lengths differ by more than the limit', () => {
    expect(boundedEditDistance('same text', 'same text', 0)).toBe(0);
    expect(boundedEditDistance('short', 'much longer text', 3)).toBe(4);
  });
});

describe('context similarity', () => {
  const text = 'The minister said on Monday that talks would resume.';
  const at = text.indexOf('talks');

  it('is 1 for identical context and lower for edited context', () => {
    expect(prefixSimilarity(text, at, 'on Monday that ')).toBe(1);
    expect(suffixSimilarity(text, at + 5, ' would resume.')).toBe(1);
    const edited = prefixSimilarity(text, at, 'on Tuesday that ');
    expect(edited).toBeGreaterThan(0.5);
    expect(edited).toBeLessThan(1);
  });

  it('tolerates a few characters inserted next to the match', () => {
    expect(leadingEditDistance('abc', 'abXc and more')).toBe(1);
  });

  it('is null when there is no recorded context to compare', () => {
    expect(prefixSimilarity(text, at, '')).toBeNull();
    expect(suffixSimilarity(text, at, '')).toBeNull();
  });
});
