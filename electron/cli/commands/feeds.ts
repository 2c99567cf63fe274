import { readFile } from 'node:fs/promises';
import { GlossError, messageOf } from '../../../common/errors.ts';
import { readOpml, writeOpml } from '../../services/feeds/opml.ts';
import { refreshFeeds, unreadCounts } from '../../services/feeds/refresh.ts';
import { addFeed, addFeedsUnchecked } from '../../services/feeds/subscribe.ts';
import { readSubscriptions } from '../../services/feeds/subscriptions.ts';
import { writeFileAtomic } from '../../services/export/write-atomic.ts';
import { openCliLibrary } from '../cli-library.ts';
import { humanDate, json, plural, type Output } from '../output.ts';

/** `gloss feeds add URL | list | refresh | import FILE.opml | export [--out FILE]`. */
export async function feedsCommand(
  args: string[],
  flags: { json: boolean; out?: string },
  dataDir: string,
  io: Output,
): Promise<number> {
  const [sub, arg] = args;
  switch (sub) {
    case 'add': {
      if (!arg) {
        io.err('gloss feeds add: name the feed URL');
        return 2;
      }
      await openCliLibrary(dataDir);
      try {
        const feed = await addFeed(dataDir, arg);
        if (flags.json) io.out(json({ feed: { url: feed.url, title: feed.title } }));
        else io.out(`subscribed  ${feed.title ?? feed.url}\n    ${feed.url}`);
        return 0;
      } catch (error) {
        if (!(error instanceof GlossError) || error.code === 'internal') throw error;
        io.err(`gloss: ${arg}: ${error.message}`);
        return 1;
      }
    }
    case 'list': {
      const { library } = await openCliLibrary(dataDir);
      const feeds = await readSubscriptions(dataDir);
      const unread = unreadCounts(library, feeds);
      const rows = feeds.map((f) => ({
        url: f.url,
        title: f.title,
        refreshedAt: f.refreshedAt,
        articles: f.articles.length,
        unread: unread.get(f.url) ?? 0,
      }));
      if (flags.json) io.out(json({ feeds: rows }));
      else if (!rows.length) io.out('No feeds yet. Subscribe with: gloss feeds add URL');
      else
        for (const f of rows)
          io.out(
            `${f.title ?? f.url}\n    ${f.url} · ${plural(f.unread, 'unread article')} · ` +
              `refreshed ${humanDate(f.refreshedAt)}`,
          );
      return 0;
    }
    case 'refresh': {
      const { library } = await openCliLibrary(dataDir);
      const reports = await refreshFeeds(library, dataDir);
      if (flags.json) io.out(json({ feeds: reports }));
      else if (!reports.length) io.out('No feeds yet. Subscribe with: gloss feeds add URL');
      else for (const r of reports) io.out(`${plural(r.new, 'new article')}  ${r.title ?? r.url}`);
      for (const r of reports) for (const e of r.errors) io.err(`gloss: ${r.url}: ${e}`);
      return reports.some((r) => r.errors.length) ? 1 : 0;
    }
    case 'import': {
      if (!arg) {
        io.err('gloss feeds import: name the OPML file');
        return 2;
      }
      let text: string;
      try {
        text = await readFile(arg, 'utf8');
      } catch (error) {
        io.err(`gloss: ${arg}: ${messageOf(error)}`);
        return 1;
      }
      await openCliLibrary(dataDir);
      const added = await addFeedsUnchecked(dataDir, readOpml(text));
      io.out(`${plural(added, 'feed')} added`);
      return 0;
    }
    case 'export': {
      const opml = writeOpml(await readSubscriptions(dataDir));
      if (flags.out) await writeFileAtomic(flags.out, opml);
      else io.out(opml);
      return 0;
    }
    default:
      io.err('gloss feeds: use add URL, list, refresh, import FILE.opml or export');
      return 2;
  }
}
