/** Subscriptions in and out as OPML, the format every feed reader exchanges them in (feedsmith). */
import { generateOpml, parseOpml } from 'feedsmith';
import { GlossError } from '../../../common/errors.ts';
import { webAddressOrNull } from '../../../common/ingest/web-page.ts';

/** A feed named in an OPML file. */
export interface OpmlFeed {
  url: string;
  title: string | null;
}

type Outline = { text?: string; title?: string; xmlUrl?: string; outlines?: Outline[] };

/** The feeds in an OPML document, folders flattened, in document order, each once. */
export function readOpml(text: string): OpmlFeed[] {
  let doc: ReturnType<typeof parseOpml>;
  try {
    doc = parseOpml(text);
  } catch {
    throw new GlossError('unreadable-import', 'the file is not an OPML list of feeds');
  }
  const out = new Map<string, OpmlFeed>();
  const walk = (outlines: Outline[] | undefined) => {
    for (const o of outlines ?? []) {
      const url = webAddressOrNull(o.xmlUrl ?? null);
      if (url && !out.has(url)) out.set(url, { url, title: o.title ?? o.text ?? null });
      walk(o.outlines);
    }
  };
  walk(doc.body?.outlines);
  return [...out.values()];
}

/** An OPML document listing `feeds`. */
export function writeOpml(feeds: readonly OpmlFeed[]): string {
  return generateOpml({
    head: { title: 'Gloss subscriptions' },
    body: {
      outlines: feeds.map((f) => ({
        text: f.title ?? f.url,
        title: f.title ?? f.url,
        type: 'rss',
        xmlUrl: f.url,
      })),
    },
  });
}
