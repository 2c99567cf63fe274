/**
 * A small web server on 127.0.0.1 for the browser tests that save links and refresh feeds: the
 * test says what each path answers, and the server counts requests and how many ran at once.
 * Nothing else is ever contacted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Reply {
  type: string;
  body: string | Uint8Array;
  /** Milliseconds to wait before answering (a slow server). */
  delayMs?: number;
  status?: number;
}

export interface WebServer {
  base: string;
  /** What each path answers; change it between steps (a feed gaining an item). */
  routes: Map<string, () => Reply>;
  /** Requests per path. */
  hits: Map<string, number>;
  /** The most requests for one path that were being answered at the same moment. */
  mostAtOnce: Map<string, number>;
  close(): Promise<void>;
}

export async function startWebServer(): Promise<WebServer> {
  const routes = new Map<string, () => Reply>();
  const hits = new Map<string, number>();
  const mostAtOnce = new Map<string, number>();
  const inFlight = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const now = (inFlight.get(path) ?? 0) + 1;
    inFlight.set(path, now);
    mostAtOnce.set(path, Math.max(mostAtOnce.get(path) ?? 0, now));
    const route = routes.get(path);
    const reply: Reply = route
      ? route()
      : { type: 'text/plain', body: 'no such page', status: 404 };
    setTimeout(() => {
      res.statusCode = reply.status ?? 200;
      res.setHeader('content-type', reply.type);
      res.end(reply.body, () => inFlight.set(path, (inFlight.get(path) ?? 1) - 1));
    }, reply.delayMs ?? 0);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    hits,
    mostAtOnce,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const words = (n: number, seed: string) =>
  Array.from({ length: n }, (_, i) => `${seed}${i % 17}`).join(' ');

/** A news page with a title, a byline and enough text for Readability to take it. */
export function articlePage(title: string, lead: string, author = 'Rita Alves'): string {
  return (
    `<!doctype html><html lang="en"><head><title>${title}</title>` +
    `<meta name="author" content="${author}"></head><body><nav>Home · World</nav>` +
    `<article><h1>${title}</h1><p>${lead}</p>` +
    `<p>${words(90, 'harbour')}.</p><p>"We will sail again," said the captain, Ana Costa.</p>` +
    `<p>${words(60, 'quay')}.</p></article><footer>© Ledger</footer></body></html>`
  );
}

/** An RSS 2.0 feed whose items carry their whole text. */
export function rssFeed(title: string, items: Array<{ id: string; title: string; link: string }>) {
  const entries = items
    .map(
      (i) =>
        `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.id}</guid>` +
        `<author>desk@ledger.test (Lena Ortiz)</author>` +
        `<pubDate>Tue, 02 Dec 2025 09:00:00 GMT</pubDate><description><![CDATA[<p>${i.title}: ` +
        `${words(170, 'tide')}.</p><p>${words(700, 'swell')}.</p>]]></description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${entries}</channel></rss>`;
}
