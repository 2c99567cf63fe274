/**
 * A compact inverted index of passages (an article's title, its paragraphs, its notes), built for
 * a library of thousands of articles on a desktop:
 *
 * - Postings are passage numbers in typed arrays (4 bytes an entry), not Maps of documents;
 *   a removed article's passages are marked dead and dropped when the index is next saved.
 * - Every query word is expanded over the vocabulary (exact, prefix, one or two typos; see
 *   match.ts) and the passages holding every query word are ranked by BM25 with term frequency
 *   left out (passages are short), titles weighing double.
 * - Saving and loading go through plain arrays and typed arrays (see IndexSnapshot), and both
 *   call `pause` every few thousand items so that a caller on an event loop can yield.
 *
 * Passage texts are kept for snippets; after a load they are read through `textOf`, so that the
 * caller can leave them in a buffer outside the JavaScript heap.
 */
import { GrowableU32 } from './growable.ts';
import { matchWeight, queryWords } from './match.ts';
import { indexTerms } from './terms.ts';

export type PassageKind = 'title' | 'text' | 'note';
const KINDS: readonly PassageKind[] = ['title', 'text', 'note'];

/** One passage to index. */
export interface Passage {
  kind: PassageKind;
  text: string;
  /** Where it starts in the article's text (a note: its highlight's start). */
  offset: number;
  /** For a note, its highlight. */
  highlightId?: string;
  /** More words to index with it that are not part of its text (a title's tags). */
  extra?: string;
}

/** A passage that matched every word of a query. */
export interface PassageHit {
  articleId: string;
  kind: PassageKind;
  text: string;
  offset: number;
  highlightId?: string;
  score: number;
}

/** An index as plain data, its passages numbered article by article. */
export interface IndexSnapshot {
  /** Each article's passages are `first` … `first + count - 1`. */
  articles: Array<{ id: string; first: number; count: number }>;
  terms: string[];
  /** Term i's postings are postings[termStarts[i] … termStarts[i + 1]). */
  termStarts: Uint32Array;
  postings: Uint32Array;
  passageKind: Uint8Array;
  passageOffset: Uint32Array;
  passageLength: Uint32Array;
  /** The passages that are notes, ascending, and their highlights' ids in the same order. */
  notePassages: Uint32Array;
  noteIds: string[];
  /** Each passage's text, in passage order. */
  texts: string[];
}

/** Called every few thousand items of a long step; resolve it to let other work run. */
export type Pause = () => Promise<void>;

const PAUSE_EVERY = 4096;
const K1 = 1.2;
const B = 0.75;
const TITLE_BOOST = 2;

/** A binary min-heap of the best `size` hits by score. */
class TopHits {
  readonly #scores: number[] = [];
  readonly #ids: number[] = [];
  constructor(readonly size: number) {}

  offer(id: number, score: number): void {
    const s = this.#scores;
    const ids = this.#ids;
    if (s.length < this.size) {
      s.push(score);
      ids.push(id);
      let i = s.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (s[parent]! <= s[i]!) break;
        this.#swap(i, parent);
        i = parent;
      }
      return;
    }
    if (score <= s[0]!) return;
    s[0] = score;
    ids[0] = id;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let least = i;
      if (l < s.length && s[l]! < s[least]!) least = l;
      if (r < s.length && s[r]! < s[least]!) least = r;
      if (least === i) break;
      this.#swap(i, least);
      i = least;
    }
  }

  /** Best first. */
  sorted(): Array<{ id: number; score: number }> {
    return this.#ids
      .map((id, i) => ({ id, score: this.#scores[i]! }))
      .sort((a, b) => b.score - a.score || a.id - b.id);
  }

  #swap(a: number, b: number): void {
    [this.#scores[a], this.#scores[b]] = [this.#scores[b]!, this.#scores[a]!];
    [this.#ids[a], this.#ids[b]] = [this.#ids[b]!, this.#ids[a]!];
  }
}

/** The inverted index of a library's passages. */
export class PassageIndex {
  /** Article id → its slot and its passages, which are numbered consecutively. */
  #articles = new Map<string, { slot: number; first: number; count: number }>();
  #slotIds: string[] = [];
  #termIds = new Map<string, number>();
  #vocabulary: string[] = [];
  #postings: GrowableU32[] = [];
  #passageSlot = new GrowableU32();
  #passageKind = new GrowableU32();
  #passageOffset = new GrowableU32();
  #passageLength = new GrowableU32();
  #dead = new GrowableU32();
  #deadCount = 0;
  #lengthTotal = 0;
  /** Highlight ids of note passages added since the last load; older ones: `#loadedNotes`. */
  #highlights = new Map<number, string>();
  /** The loaded snapshot's note passages (ascending) and their highlight ids, in one order. */
  #loadedNotes: { passages: Uint32Array; ids: readonly string[] } = {
    passages: new Uint32Array(0),
    ids: [],
  };
  /** Texts of passages added since the last load; older ones come from `#textSource`. */
  #texts = new Map<number, string>();
  #textSource: (passage: number) => string = () => '';
  // Scratch space for queries, reused so that a query allocates little.
  #stage = new Uint32Array(0);
  #best = new Float64Array(0);
  #score = new Float64Array(0);
  #matchedA = new Uint32Array(0);
  #matchedB = new Uint32Array(0);
  /** Each passage's BM25 length factor, for `#factorsFor` passages (rebuilt as they change). */
  #factors = new Float32Array(0);
  #factorsFor = -1;
  #factorsAverage = 0;
  #queryStamp = 0;

  /** How many articles are indexed. */
  get articleCount(): number {
    return this.#articles.size;
  }

  /** How many passages are live (not removed). */
  get passageCount(): number {
    return this.#passageSlot.length - this.#deadCount;
  }

  has(articleId: string): boolean {
    return this.#articles.has(articleId);
  }

  /** Indexes an article's passages, replacing what was indexed for it before. */
  add(articleId: string, passages: readonly Passage[]): void {
    this.remove(articleId);
    const slot = this.#slotIds.length;
    this.#slotIds.push(articleId);
    const first = this.#passageSlot.length;
    for (const passage of passages) {
      const id = this.#passageSlot.length;
      const terms = indexTerms(passage.extra ? `${passage.text} ${passage.extra}` : passage.text);
      const unique = new Set(terms.map((t) => t.toLowerCase()));
      this.#passageSlot.push(slot);
      this.#passageKind.push(KINDS.indexOf(passage.kind));
      this.#passageOffset.push(passage.offset);
      this.#passageLength.push(terms.length);
      this.#dead.push(0);
      this.#lengthTotal += terms.length;
      this.#texts.set(id, passage.text);
      if (passage.highlightId !== undefined) this.#highlights.set(id, passage.highlightId);
      for (const term of unique) this.#postingsOf(term).push(id);
    }
    this.#articles.set(articleId, { slot, first, count: passages.length });
  }

  /** Drops an article's passages (they stop matching at once and are purged on save). */
  remove(articleId: string): void {
    const entry = this.#articles.get(articleId);
    if (!entry) return;
    for (let p = entry.first; p < entry.first + entry.count; p++) {
      this.#dead.set(p, 1);
      this.#deadCount++;
      this.#lengthTotal -= this.#passageLength.at(p);
      this.#texts.delete(p);
      this.#highlights.delete(p);
    }
    this.#articles.delete(articleId);
  }

  /**
   * The best `limit` passages holding every word of `query`, best first. `accept` may turn
   * articles away (those in the trash since they were indexed, say).
   */
  search(
    query: string,
    limit: number,
    accept: (articleId: string) => boolean = () => true,
  ): PassageHit[] {
    const words = queryWords(query);
    if (words.length === 0 || limit <= 0) return [];
    const total = this.#passageSlot.length;
    this.#ensureScratch(total);
    if (this.#queryStamp + words.length + 2 > 0xffff_ffff) {
      this.#stage.fill(0);
      this.#queryStamp = 0;
    }
    const base = this.#queryStamp;
    this.#queryStamp += words.length + 1;
    const live = Math.max(1, total - this.#deadCount);
    const factor = this.#lengthFactors(live);
    const stage = this.#stage;
    const best = this.#best;
    const score = this.#score;
    const dead = this.#dead.view();
    let candidates = this.#matchedA;
    let matched = this.#matchedB;
    let count = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w]!;
      const before = base + w;
      const after = base + w + 1;
      const first = w === 0;
      let found = 0;
      for (let t = 0; t < this.#vocabulary.length; t++) {
        const weight = matchWeight(word, this.#vocabulary[t]!);
        if (weight === 0) continue;
        const postings = this.#postings[t]!.view();
        const idf = Math.log(1 + (live - postings.length + 0.5) / (postings.length + 0.5));
        const termWeight = weight * idf;
        // The stage is checked before any arithmetic: most postings of a common word belong
        // to passages that an earlier word already ruled out.
        for (let i = 0; i < postings.length; i++) {
          const p = postings[i]!;
          const current = stage[p]!;
          if (current === after) {
            const value = termWeight * factor[p]!;
            if (value > best[p]!) best[p] = value;
          } else if (first ? current <= base : current === before) {
            if (dead[p]) continue;
            stage[p] = after;
            best[p] = termWeight * factor[p]!;
            matched[found++] = p;
          }
        }
      }
      for (let i = 0; i < found; i++) {
        const p = matched[i]!;
        score[p] = (first ? 0 : score[p]!) + best[p]!;
      }
      [candidates, matched] = [matched, candidates];
      count = found;
      if (count === 0) return [];
    }
    const top = new TopHits(limit);
    const kinds = this.#passageKind.view();
    const slots = this.#passageSlot.view();
    const accepted = new Map<number, boolean>();
    for (let i = 0; i < count; i++) {
      const p = candidates[i]!;
      const slot = slots[p]!;
      let ok = accepted.get(slot);
      if (ok === undefined) {
        ok = accept(this.#slotIds[slot]!);
        accepted.set(slot, ok);
      }
      if (!ok) continue;
      top.offer(p, score[p]! * (kinds[p] === 0 ? TITLE_BOOST : 1));
    }
    return top.sorted().map(({ id, score: s }) => this.#hit(id, s));
  }

  /** The index as plain data, live passages only, renumbered article by article. */
  async toSnapshot(pause: Pause): Promise<IndexSnapshot> {
    const renumber = new Uint32Array(this.#passageSlot.length).fill(0xffff_ffff);
    const articles: IndexSnapshot['articles'] = [];
    const kinds: number[] = [];
    const offsets: number[] = [];
    const lengths: number[] = [];
    const texts: string[] = [];
    const notePassages: number[] = [];
    const noteIds: string[] = [];
    let next = 0;
    let work = 0;
    for (const [id, entry] of this.#articles) {
      articles.push({ id, first: next, count: entry.count });
      for (let p = entry.first; p < entry.first + entry.count; p++) {
        renumber[p] = next;
        kinds.push(this.#passageKind.at(p));
        offsets.push(this.#passageOffset.at(p));
        lengths.push(this.#passageLength.at(p));
        texts.push(this.#textOf(p));
        const highlight = this.#highlightOf(p);
        if (highlight !== undefined) {
          notePassages.push(next);
          noteIds.push(highlight);
        }
        next++;
        if (++work % PAUSE_EVERY === 0) await pause();
      }
    }
    const terms: string[] = [];
    const starts: number[] = [0];
    const postings = new GrowableU32(new Uint32Array(1024));
    for (let t = 0; t < this.#vocabulary.length; t++) {
      const list = this.#postings[t]!.view();
      const before = postings.length;
      for (let i = 0; i < list.length; i++) {
        const p = renumber[list[i]!]!;
        if (p !== 0xffff_ffff) postings.push(p);
      }
      if (postings.length > before) {
        // No sort needed: articles are visited in the order their passages were numbered (a
        // re-indexed article moves to the end of both), so renumbering keeps postings ascending.
        terms.push(this.#vocabulary[t]!);
        starts.push(postings.length);
      }
      work += list.length;
      if (work >= PAUSE_EVERY) {
        work = 0;
        await pause();
      }
    }
    return {
      articles,
      terms,
      termStarts: Uint32Array.from(starts),
      postings: postings.view(),
      passageKind: Uint8Array.from(kinds),
      passageOffset: Uint32Array.from(offsets),
      passageLength: Uint32Array.from(lengths),
      notePassages: Uint32Array.from(notePassages),
      noteIds,
      texts,
    };
  }

  /**
   * An index from a snapshot. Its `texts` are ignored: each passage's text is asked of
   * `textOf` when a hit needs it, so that the caller can keep them outside the heap.
   */
  static async fromSnapshot(
    snapshot: Omit<IndexSnapshot, 'texts'>,
    textOf: (passage: number) => string,
    pause: Pause,
  ): Promise<PassageIndex> {
    const index = new PassageIndex();
    const total = snapshot.passageKind.length;
    const slots = new Uint32Array(total);
    snapshot.articles.forEach(({ id, first, count }, slot) => {
      slots.fill(slot, first, first + count);
      index.#articles.set(id, { slot, first, count });
      index.#slotIds.push(id);
    });
    index.#passageSlot = new GrowableU32(slots, total);
    index.#passageKind = new GrowableU32(Uint32Array.from(snapshot.passageKind), total);
    index.#passageOffset = new GrowableU32(snapshot.passageOffset, total);
    index.#passageLength = new GrowableU32(snapshot.passageLength, total);
    index.#dead = new GrowableU32(new Uint32Array(total), total);
    index.#lengthTotal = snapshot.passageLength.reduce((sum, n) => sum + n, 0);
    index.#loadedNotes = { passages: snapshot.notePassages, ids: snapshot.noteIds };
    index.#textSource = textOf;
    await pause();
    for (let t = 0; t < snapshot.terms.length; t++) {
      const term = snapshot.terms[t]!;
      const list = snapshot.postings.subarray(snapshot.termStarts[t], snapshot.termStarts[t + 1]);
      index.#termIds.set(term, t);
      index.#vocabulary.push(term);
      index.#postings.push(new GrowableU32(list, list.length));
      if (t % PAUSE_EVERY === 0) await pause();
    }
    return index;
  }

  #postingsOf(term: string): GrowableU32 {
    let id = this.#termIds.get(term);
    if (id === undefined) {
      id = this.#vocabulary.length;
      this.#termIds.set(term, id);
      this.#vocabulary.push(term);
      this.#postings.push(new GrowableU32());
    }
    return this.#postings[id]!;
  }

  /** A note passage's highlight id (a binary search among the loaded ones). */
  #highlightOf(passage: number): string | undefined {
    const added = this.#highlights.get(passage);
    if (added !== undefined) return added;
    const { passages, ids } = this.#loadedNotes;
    let lo = 0;
    let hi = passages.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = passages[mid]!;
      if (p === passage) return ids[mid];
      if (p < passage) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  #textOf(passage: number): string {
    return this.#texts.get(passage) ?? this.#textSource(passage);
  }

  #hit(passage: number, score: number): PassageHit {
    const hit: PassageHit = {
      articleId: this.#slotIds[this.#passageSlot.at(passage)]!,
      kind: KINDS[this.#passageKind.at(passage)]!,
      text: this.#textOf(passage),
      offset: this.#passageOffset.at(passage),
      score,
    };
    const highlightId = this.#highlightOf(passage);
    if (highlightId !== undefined) hit.highlightId = highlightId;
    return hit;
  }

  /**
   * (K1 + 1) / (1 + K1 · (1 − B + B · length / average)) for every passage: the part of a
   * passage's BM25 score that depends on its length, computed once rather than per posting.
   */
  #lengthFactors(live: number): Float32Array {
    const total = this.#passageSlot.length;
    const average = this.#lengthTotal / live || 1;
    // Kept while the passages are the same and the average length has moved by under 1%.
    if (this.#factorsFor === total && Math.abs(average / this.#factorsAverage - 1) < 0.01)
      return this.#factors;
    if (this.#factors.length < total) this.#factors = new Float32Array(this.#stage.length);
    const lengths = this.#passageLength.view();
    for (let p = 0; p < total; p++)
      this.#factors[p] = (K1 + 1) / (1 + K1 * (1 - B + (B * lengths[p]!) / average));
    this.#factorsFor = total;
    this.#factorsAverage = average;
    return this.#factors;
  }

  #ensureScratch(size: number): void {
    if (this.#stage.length >= size) return;
    const capacity = Math.max(1024, size * 1.5) | 0;
    const stage = new Uint32Array(capacity);
    stage.set(this.#stage);
    this.#stage = stage;
    this.#best = new Float64Array(capacity);
    this.#score = new Float64Array(capacity);
    this.#matchedA = new Uint32Array(capacity);
    this.#matchedB = new Uint32Array(capacity);
  }
}
