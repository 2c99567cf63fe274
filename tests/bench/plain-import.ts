/**
 * The import benchmark's baseline: the obvious Readability importer. It reads the saved page,
 * parses it with jsdom, lets Readability pick the story and keeps its text content, and stores
 * {title, text} in a plain lowdb JSON file. No decoding of legacy charsets, no sanitizing, no
 * blocks, no attribution analysis, no search index, no durable write: what Gloss's import does
 * beyond the common approach is what the ratio shows.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { JSONFile } from 'lowdb/node';
import { Low } from 'lowdb';

export interface PlainArticle {
  title: string;
  text: string;
}

/** The story's title and text by Readability on jsdom, or null when it finds none. */
export function readabilityText(html: string, pageFile: string): PlainArticle | null {
  const dom = new JSDOM(html, {
    url: pathToFileURL(pageFile).href,
    virtualConsole: new VirtualConsole(),
  });
  try {
    const parsed = new Readability(dom.window.document).parse();
    return parsed?.textContent ? { title: parsed.title ?? '', text: parsed.textContent } : null;
  } finally {
    dom.window.close();
  }
}

/** A library of plain articles in one lowdb JSON file. */
export async function openPlainLibrary(file: string): Promise<Low<{ articles: PlainArticle[] }>> {
  const db = new Low(new JSONFile<{ articles: PlainArticle[] }>(file), { articles: [] });
  await db.read();
  return db;
}

/** Imports one saved page into the plain library, as the obvious importer would. */
export async function plainImport(
  db: Low<{ articles: PlainArticle[] }>,
  pageFile: string,
): Promise<void> {
  const article = readabilityText(await readFile(pageFile, 'utf8'), pageFile);
  if (article === null) throw new Error(`${pageFile}: Readability found no article`);
  db.data.articles.push(article);
  await db.write();
}
