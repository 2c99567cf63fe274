import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../common/anchoring/describe-range.ts';
import { reanchorAll, type ReanchorItem } from '../../../common/anchoring/reanchor.ts';

const PARAGRAPHS = [
  'NAIROBI (AP) - Heavy rains swept across western Kenya on Tuesday, flooding roads and cutting power to thousands of homes.',
  'Rescue teams reached the worst-hit villages by boat, the Red Cross said in a statement, adding that several bridges had collapsed.',
  'The meteorological department warned that more storms were expected through the weekend and urged residents to move to higher ground.',
  'Officials said the investigation was continuing. Farmers in the region said their maize crops had been destroyed weeks before harvest.',
];
const OLD = PARAGRAPHS.join('\n\n');

function item(id: string, text: string, passage: string): ReanchorItem {
  const start = text.indexOf(passage);
  if (start < 0) throw new Error(`test setup: "${passage}" not in text`);
  return { id, ...describeRange(text, start, start + passage.length) };
}

const ITEMS = [
  item('rains', OLD, 'Heavy rains swept across western Kenya'),
  item('boats', OLD, 'reached the worst-hit villages by boat'),
  item('storms', OLD, 'more storms were expected through the weekend'),
  item('maize', OLD, 'their maize crops had been destroyed'),
];

function placed(result: ReturnType<typeof reanchorAll>, id: string, text: string): string | null {
  const placement = result.placements.get(id);
  if (placement === undefined || placement.status === 'orphan') return null;
  return text.slice(placement.start, placement.end);
}

describe('reanchorAll', () => {
  it('keeps every highlight when the text did not change', () => {
    const result = reanchorAll(OLD, OLD, ITEMS);
    expect(result).toMatchObject({ kept: 4, moved: 0, orphaned: 0 });
    for (const it of ITEMS)
      expect(result.placements.get(it.id)).toEqual({
        start: it.position.start,
        end: it.position.end,
        status: 'kept',
      });
  });

  it('moves highlights after an insertion before them and keeps those before it', () => {
    const insert = 'Police closed the main highway. ';
    const at = OLD.indexOf('The meteorological');
    const NEW = OLD.slice(0, at) + insert + OLD.slice(at);
    const result = reanchorAll(OLD, NEW, ITEMS);
    expect(result).toMatchObject({ kept: 2, moved: 2, orphaned: 0 });
    const storms = ITEMS[2];
    expect(result.placements.get('storms')).toEqual({
      start: (storms?.position.start ?? 0) + insert.length,
      end: (storms?.position.end ?? 0) + insert.length,
      status: 'moved',
    });
    for (const it of ITEMS) expect(placed(result, it.id, NEW)).toBe(it.quote.exact);
  });

  it('follows insertions and deletions inside a highlight, keeping boundary insertions outside', () => {
    const NEW = OLD.replace(
      'reached the worst-hit villages',
      'finally reached the worst-hit remote villages',
    ).replace('their maize crops had been destroyed', 'their maize had been destroyed');
    const result = reanchorAll(OLD, NEW, ITEMS);
    expect(result).toMatchObject({ kept: 1, moved: 3, orphaned: 0 });
    // "finally " was inserted right before the highlight: it stays outside it.
    expect(placed(result, 'boats', NEW)).toBe('reached the worst-hit remote villages by boat');
    expect(placed(result, 'maize', NEW)).toBe('their maize had been destroyed');
  });

  it('orphans a highlight whose passage was deleted, and counts it', () => {
    const NEW = OLD.replace(PARAGRAPHS[2] + '\n\n', '');
    const result = reanchorAll(OLD, NEW, ITEMS);
    expect(result.placements.get('storms')).toEqual({ status: 'orphan' });
    expect(result).toMatchObject({ kept: 2, moved: 1, orphaned: 1 });
  });

  it('finds a paragraph that moved to another place', () => {
    const NEW = [PARAGRAPHS[3], PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]].join('\n\n');
    const result = reanchorAll(OLD, NEW, ITEMS);
    expect(result.orphaned).toBe(0);
    for (const it of ITEMS) expect(placed(result, it.id, NEW)).toBe(it.quote.exact);
  });

  it('counts offsets in UTF-16 code units when emoji are inserted before highlights', () => {
    const NEW = '🌧️🌊 Update 🙏\n\n' + OLD;
    const shift = '🌧️🌊 Update 🙏\n\n'.length;
    expect(shift).toBeGreaterThan([...'🌧️🌊 Update 🙏\n\n'].length);
    const result = reanchorAll(OLD, NEW, ITEMS);
    expect(result).toMatchObject({ kept: 0, moved: 4, orphaned: 0 });
    for (const it of ITEMS) {
      expect(result.placements.get(it.id)).toEqual({
        start: it.position.start + shift,
        end: it.position.end + shift,
        status: 'moved',
      });
    }
  });

  it('keeps highlights after emoji when text is edited around them', () => {
    const old = 'Fans cheered 🎉🎉 as the team won the cup 🏆 in extra time, the club said.';
    const items = [item('cup', old, 'the team won the cup 🏆 in extra time')];
    const edited = old.replace('cheered 🎉🎉', 'cheered loudly 🎉🎉🎉');
    const result = reanchorAll(old, edited, items);
    expect(placed(result, 'cup', edited)).toBe('the team won the cup 🏆 in extra time');
  });

  it('never ends a highlight inside a surrogate pair when an emoji in it was swapped', () => {
    // 😀 and 😁 share their high surrogate, so a code-unit diff keeps it and swaps the low one.
    const old = 'The crowd reacted 😀 and then went home quietly after the match.';
    const items = [item('face', old, 'reacted 😀')];
    const edited = old.replace('😀', '😁');
    const result = reanchorAll(old, edited, items);
    expect(placed(result, 'face', edited)).toBe('reacted 😁');
    expect(result.moved).toBe(1);
  });

  it('places a highlight whose recorded position no longer matches the old text by its quote', () => {
    const stale: ReanchorItem = {
      ...item('stale', OLD, 'urged residents to move'),
      position: { type: 'TextPositionSelector', start: 3, end: 26 },
    };
    const NEW = 'Intro. ' + OLD;
    const result = reanchorAll(OLD, NEW, [stale]);
    expect(placed(result, 'stale', NEW)).toBe('urged residents to move');
    expect(result.moved).toBe(1);
  });

  it('places highlights where their text truly went after many random edits', () => {
    let state = 42;
    const random = (): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const words =
      'rain flood river bridge road village rescue boat crops maize harvest power homes storm warning residents officials'.split(
        ' ',
      );
    const sentence = (): string =>
      Array.from(
        { length: 6 + Math.floor(random() * 10) },
        () => words[Math.floor(random() * words.length)],
      ).join(' ') + '.';
    const old = Array.from({ length: 40 }, () =>
      Array.from({ length: 3 }, sentence).join(' '),
    ).join('\n\n');
    const items: ReanchorItem[] = [];
    for (let i = 0; i < 150; i++) {
      const length = 15 + Math.floor(random() * 80);
      const start = Math.floor(random() * (old.length - length));
      items.push({ id: `h${i}`, ...describeRange(old, start, start + length) });
    }
    // Edits at sorted, separated places; remember where each old character goes.
    const positions = Array.from({ length: 30 }, () => Math.floor(random() * old.length)).sort(
      (a, b) => a - b,
    );
    const oldToNew = new Array<number>(old.length).fill(-1);
    let edited = '';
    let from = 0;
    for (const at of positions) {
      if (at < from) continue;
      for (let i = from; i < at; i++) oldToNew[i] = edited.length + (i - from);
      edited += old.slice(from, at) + (random() < 0.6 ? ' (updated) ' : '');
      from = at + Math.floor(random() * 6);
    }
    for (let i = from; i < old.length; i++) oldToNew[i] = edited.length + (i - from);
    edited += old.slice(from);

    const result = reanchorAll(old, edited, items);
    let correct = 0;
    for (const it of items) {
      let first = it.position.start;
      while ((oldToNew[first] ?? -1) < 0) first++;
      let last = it.position.end - 1;
      while ((oldToNew[last] ?? -1) < 0) last--;
      const placement = result.placements.get(it.id);
      if (
        placement?.status !== 'orphan' &&
        placement?.start === oldToNew[first] &&
        placement?.end === (oldToNew[last] ?? 0) + 1
      )
        correct++;
    }
    expect(result.kept + result.moved + result.orphaned).toBe(items.length);
    expect(correct / items.length).toBeGreaterThan(0.95);
  });
});
