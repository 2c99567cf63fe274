import { describe, expect, it } from 'vitest';
import { matchWeight, withinEdits } from '../../../common/search/match.ts';
import { PassageIndex, type Passage } from '../../../common/search/passage-index.ts';

const text = (t: string, offset = 0): Passage => ({ kind: 'text', text: t, offset });
const noPause = () => Promise.resolve();

function sample(): PassageIndex {
  const index = new PassageIndex();
  index.add('ferry', [
    { kind: 'title', text: 'Night ferry returns to Kestrel Bay', offset: 0, extra: 'islands' },
    text('The harbour cooperative bought one secondhand boat.', 40),
    text('A cease-fire between the two ferry companies held all summer.', 95),
    { kind: 'note', text: 'Ask about the lighthouse keeper', offset: 40, highlightId: 'h1' },
  ]);
  index.add('notebook', [
    { kind: 'title', text: 'Keeping a field notebook', offset: 0 },
    text('Pencils with soft graphite survive the rain; a freezer bag keeps the pages dry.', 30),
    text('The ceasefire of the notebook wars is a long story.', 120),
  ]);
  return index;
}

const found = (index: PassageIndex, query: string) =>
  index.search(query, 10).map((h) => `${h.articleId}:${h.kind}:${h.offset}`);

describe('the passage index', () => {
  it('matches whole words, the starts of words and words one typo away, every query word in one passage', () => {
    const index = sample();
    expect(found(index, 'secondhand boat')).toEqual(['ferry:text:40']);
    expect(found(index, 'cooperat')).toEqual(['ferry:text:40']);
    expect(found(index, 'graphyte pencils')).toEqual(['notebook:text:30']);
    // Both words are in the library, never in one passage.
    expect(found(index, 'lighthouse graphite')).toEqual([]);
    expect(found(index, 'zeppelin')).toEqual([]);
    expect(found(index, ' , ')).toEqual([]);
  });

  it('folds hyphenated compounds both ways', () => {
    const index = sample();
    expect(found(index, 'ceasefire').sort()).toEqual(['ferry:text:95', 'notebook:text:120']);
    expect(found(index, 'cease-fire').sort()).toEqual(['ferry:text:95', 'notebook:text:120']);
    // A part of the compound still finds it.
    expect(found(index, 'cease')).toContain('ferry:text:95');
  });

  it('ranks a title above the text, finds tags with the title, and returns notes with their highlight', () => {
    const index = sample();
    expect(found(index, 'ferry')[0]).toBe('ferry:title:0');
    expect(found(index, 'islands')).toEqual(['ferry:title:0']);
    expect(index.search('lighthouse', 5)).toEqual([
      expect.objectContaining({
        articleId: 'ferry',
        kind: 'note',
        text: 'Ask about the lighthouse keeper',
        highlightId: 'h1',
      }),
    ]);
  });

  it('replaces an article whole on a new add, and forgets it on remove', () => {
    const index = sample();
    index.add('ferry', [text('Only the timetable is left.', 7)]);
    expect(found(index, 'lighthouse')).toEqual([]);
    expect(found(index, 'timetable')).toEqual(['ferry:text:7']);
    index.remove('notebook');
    expect(found(index, 'graphite')).toEqual([]);
    expect(index.articleCount).toBe(1);
    expect(index.passageCount).toBe(1);
  });

  it('turns away articles the caller does not accept, and honours the limit', () => {
    const index = sample();
    expect(
      index.search('the', 10, (id) => id !== 'ferry').every((h) => h.articleId !== 'ferry'),
    ).toBe(true);
    expect(index.search('the', 2)).toHaveLength(2);
  });

  it('answers the same after a round trip through a snapshot, and keeps changing after it', async () => {
    const index = sample();
    index.remove('notebook');
    index.add('notebook', [text('Graphite again, and a freezer bag.', 3)]);
    const queries = ['ferry', 'cease-fire', 'graphite', 'lighthouse', 'the', 'freez'];
    // Scores may move a little (removed passages no longer count in a word's frequency).
    const answers = (i: PassageIndex) =>
      queries.map((q) => i.search(q, 10).map(({ score: _score, ...hit }) => hit));
    const before = answers(index);
    const snapshot = await index.toSnapshot(noPause);
    // Removed passages are gone from the snapshot.
    expect(snapshot.texts).toHaveLength(5);
    const loaded = await PassageIndex.fromSnapshot(snapshot, (p) => snapshot.texts[p]!, noPause);
    expect(answers(loaded)).toEqual(before);

    loaded.add('ferry', [text('The ferry now runs at dawn.', 11)]);
    loaded.add('third', [text('Graphite mines in the hills.', 0)]);
    expect(found(loaded, 'dawn')).toEqual(['ferry:text:11']);
    expect(found(loaded, 'lighthouse')).toEqual([]);
    expect(found(loaded, 'graphite').sort()).toEqual(['notebook:text:3', 'third:text:0']);
  });
});

describe('query word matching', () => {
  it('counts insertions, deletions and substitutions as typos', () => {
    expect(withinEdits('graphite', 'graphyte', 1)).toBe(true);
    expect(withinEdits('graphite', 'grphite', 1)).toBe(true);
    expect(withinEdits('graphite', 'graphites', 1)).toBe(true);
    expect(withinEdits('graphite', 'grpahite', 1)).toBe(false);
    expect(withinEdits('graphite', 'grpahite', 2)).toBe(true);
    expect(withinEdits('abc', 'xyz', 2)).toBe(false);
  });

  it('allows prefixes from two letters and typos from five', () => {
    expect(matchWeight('co', 'cooperative')).toBeGreaterThan(0);
    expect(matchWeight('c', 'cooperative')).toBe(0);
    expect(matchWeight('boat', 'boot')).toBe(0);
    expect(matchWeight('ferrys', 'ferry')).toBeGreaterThan(0);
    expect(matchWeight('ferry', 'ferry')).toBeGreaterThan(matchWeight('ferry', 'ferryman'));
    expect(matchWeight('ferry', 'ferryman')).toBeGreaterThan(matchWeight('ferrys', 'ferry'));
  });
});
