/** feeds.json under concurrent writers: no subscription is lost, none is doubled. */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addFeedsUnchecked, removeFeed } from '../../../electron/services/feeds/subscribe.ts';
import {
  readSubscriptions,
  updateSubscriptions,
} from '../../../electron/services/feeds/subscriptions.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('feeds.json with several writers at once', () => {
  it('keeps every subscription when twenty are added at the same moment', async () => {
    const dir = tempDir('feeds-file');
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        addFeedsUnchecked(dir, [{ url: `https://feeds.test/${i}.xml`, title: `Feed ${i}` }]),
      ),
    );
    const feeds = await readSubscriptions(dir);
    expect(feeds.map((f) => f.url).sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `https://feeds.test/${i}.xml`).sort(),
    );
    // Written whole, atomically: no temporary file or lock is left beside it.
    expect(readdirSync(dir).sort()).toEqual(['feeds.json']);
  });

  it('applies each change to what is on disk now, in the order asked', async () => {
    const dir = tempDir('feeds-order');
    await addFeedsUnchecked(dir, [{ url: 'https://feeds.test/a.xml', title: 'A' }]);
    const slow = updateSubscriptions(dir, (feeds) => {
      feeds[0]!.seen.push('item-1');
    });
    const add = addFeedsUnchecked(dir, [{ url: 'https://feeds.test/b.xml', title: 'B' }]);
    const remove = removeFeed(dir, 'https://feeds.test/a.xml');
    await Promise.all([slow, add, remove]);
    expect((await readSubscriptions(dir)).map((f) => f.url)).toEqual(['https://feeds.test/b.xml']);
  });

  it('says which feed is unknown when asked to remove one that is not there', async () => {
    const dir = tempDir('feeds-missing');
    await expect(removeFeed(dir, 'https://feeds.test/none.xml')).rejects.toThrow(
      'no subscription to https://feeds.test/none.xml',
    );
  });
});
