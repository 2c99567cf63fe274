/**
 * The crash test's script of writes, shared by the writer (which performs it) and the test
 * (which knows from it exactly what the library must hold after any number of writes).
 * Op n is a pure function of n, so "the state after n writes" is well defined.
 */
import type { Article } from '../../../common/model/article.ts';
import type { Highlight } from '../../../common/model/highlight.ts';
import type { LibraryStore } from '../../../electron/services/store/types.ts';
import { makeArticle, makeHighlights } from './helpers.ts';

/** Paragraphs per article: big enough that a write takes a while and can be cut in the middle. */
const PARAGRAPHS = 40;

export type Op =
  | { kind: 'add'; article: number }
  | { kind: 'update'; article: number; rev: number }
  | { kind: 'highlights'; article: number; count: number; tag: number };

/** Write number n (from 1): every fifth adds an article; the rest edit it or an earlier one. */
export function opFor(n: number): Op {
  const newest = Math.ceil(n / 5);
  switch (n % 5) {
    case 1:
      return { kind: 'add', article: newest };
    case 2:
    case 3:
      return { kind: 'highlights', article: newest, count: n % 5 === 2 ? 1 : 3, tag: n };
    case 4:
      return { kind: 'update', article: 1 + (n % newest), rev: n };
    default:
      return { kind: 'highlights', article: 1 + ((n * 7) % newest), count: (n / 5) % 7, tag: n };
  }
}

/** Article number k, as first added (rev 0) or as rewritten by write `rev`. */
export function articleFor(k: number, rev = 0): Article {
  const base = makeArticle(k, PARAGRAPHS);
  return rev === 0
    ? base
    : { ...base, title: `Article number ${k}, revision ${rev}`, analysisVersion: rev };
}

export function articleId(k: number): string {
  return articleFor(k).id;
}

/** Performs write n on a store. */
export async function performOp(store: LibraryStore, n: number): Promise<void> {
  const op = opFor(n);
  if (op.kind === 'add') await store.addArticle(articleFor(op.article));
  else if (op.kind === 'update') await store.updateArticle(articleFor(op.article, op.rev));
  else
    await store.saveHighlights(
      articleId(op.article),
      makeHighlights(articleId(op.article), op.count, op.tag),
    );
}

/** What the library holds after some writes, in add order. */
export interface Model {
  order: string[];
  articles: Map<string, Article>;
  highlights: Map<string, Highlight[]>;
}

export function emptyModel(): Model {
  return { order: [], articles: new Map(), highlights: new Map() };
}

/** The model after write n, given the model before it (which is not changed). */
export function applyOp(model: Model, n: number): Model {
  const op = opFor(n);
  const next: Model = {
    order: [...model.order],
    articles: new Map(model.articles),
    highlights: new Map(model.highlights),
  };
  const id = articleId(op.article);
  if (op.kind === 'add') {
    next.order.push(id);
    next.articles.set(id, articleFor(op.article));
  } else if (op.kind === 'update') {
    next.articles.set(id, articleFor(op.article, op.rev));
  } else {
    next.highlights.set(id, makeHighlights(id, op.count, op.tag));
  }
  return next;
}
