/**
 * One article's highlights in memory: the merged state of each, and what is derived from them
 * (the highlights as the app sees them, counts, a version stamp) kept up to date one highlight
 * at a time, so that a write costs the same in an article of ten or ten thousand, and a merge
 * of many changes derives each touched highlight once.
 */
import type { Highlight } from '../../../common/model/highlight.ts';
import {
  latestStamp,
  materializeHighlight,
  type HighlightState,
} from '../../../common/store/merge.ts';
import type { ArticleCounts } from './snapshot.ts';

/** Freezes a highlight as materialized (its nested values are plain objects and arrays). */
function freezeHighlight(h: Highlight): Highlight {
  if (Object.isFrozen(h)) return h;
  Object.freeze(h.position);
  Object.freeze(h.quote);
  Object.freeze(h.tags);
  if (h.attribution) deepFreeze(h.attribution);
  if (h.conflicts) for (const c of Object.freeze(h.conflicts)) Object.freeze(c);
  return Object.freeze(h);
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

export class ArticleHighlights {
  readonly states = new Map<string, HighlightState>();
  readonly #byId = new Map<string, Highlight>();
  /** Highlights changed since they were last derived (see `touch`). */
  readonly #stale = new Set<string>();
  #notes = 0;
  #latest = '';
  #list: Highlight[] | null = null;

  constructor(readonly articleId: string) {}

  /** The state of one highlight, created empty when there is none yet. */
  stateOf(id: string): HighlightState {
    let state = this.states.get(id);
    if (!state) this.states.set(id, (state = { id, f: {} }));
    return state;
  }

  /** Marks a highlight's state as changed; it is derived again on the next read. */
  touch(id: string): void {
    this.#stale.add(id);
    this.#list = null;
  }

  /** Replaces the state of one highlight (or adds it) and updates what derives from it. */
  refresh(id: string): void {
    this.#stale.delete(id);
    const state = this.states.get(id);
    const before = this.#byId.get(id);
    const after = state ? materializeHighlight(this.articleId, state) : null;
    if (before && before.note.trim() !== '') this.#notes--;
    if (after) {
      this.#byId.set(id, after);
      if (after.note.trim() !== '') this.#notes++;
    } else this.#byId.delete(id);
    if (state) {
      const t = latestStamp(state);
      if (t > this.#latest) this.#latest = t;
    }
    this.#list = null;
  }

  /** Recomputes everything (after states were replaced wholesale). */
  refreshAll(): void {
    this.#byId.clear();
    this.#stale.clear();
    this.#notes = 0;
    for (const id of this.states.keys()) this.refresh(id);
  }

  #settle(): void {
    if (this.#stale.size === 0) return;
    for (const id of [...this.#stale]) this.refresh(id);
  }

  /** Every live highlight, frozen (handed out without copying; see getHighlights). */
  get list(): Highlight[] {
    this.#settle();
    this.#list ??= [...this.#byId.values()].map(freezeHighlight);
    return this.#list;
  }

  get(id: string): Highlight | null {
    if (this.#stale.has(id)) this.refresh(id);
    const h = this.#byId.get(id);
    return h ? freezeHighlight(h) : null;
  }

  counts(): ArticleCounts {
    this.#settle();
    return { highlights: this.#byId.size, notes: this.#notes };
  }

  stamp(): string {
    this.#settle();
    return `${this.states.size}:${this.#latest}`;
  }
}
