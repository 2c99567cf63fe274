/**
 * Highlights and notes written straight into a test's library, before the page opens: a dense
 * run of notes on one paragraph of the bundled article (the case where notes drifted away from
 * their lines), a few scattered ones, and a second, plain-text article with one highlight.
 */
import type { Library } from '../../electron/services/library.ts';
import type { HighlightColor } from '../../common/model/highlight.ts';

export const BUNDLED_TITLE = "Turkey, Russia face conflicts over Syria's push into Idlib";
export const SECOND_TITLE = 'Notes on a quiet harbour';

/** A short article written for these tests (no third-party text). */
const SECOND_ARTICLE = `${SECOND_TITLE}

The harbour master opens the gate at six, before the fishing boats come in. "We have kept the same hours for forty years," said Mara Olsen, the harbour master.

Gulls circle the market while the catch is weighed and sold. By nine the quay is quiet again, and the nets hang drying in the sun.
`;

interface Seed {
  text: string;
  color: HighlightColor;
  note?: string;
}

/** Four notes on neighbouring lines of one paragraph, then three spread through the article. */
export const BUNDLED_SEEDS: Seed[] = [
  {
    text: 'facing an escalation of violence',
    color: 'yellow',
    note: 'The **escalation** is the story: both sides are testing the Sochi deal.',
  },
  {
    text: "Syria's last rebel-held territory",
    color: 'blue',
    note: 'Idlib: about three million people.\n\n- rebels\n- refugees\n- Turkish posts',
  },
  { text: 'cooperation to the test', color: 'green', note: 'Compare with Astana. #diplomacy' },
  {
    text: 'they support opposing sides',
    color: 'pink',
    note: 'Turkey backs the opposition; Russia backs Assad. #diplomacy',
  },
  {
    text: 'have an incentive to cooperate',
    color: 'purple',
    note: 'Stein is the only outside voice quoted on cooperation.',
  },
  { text: 'Nine months later, the truce has failed.', color: 'yellow' },
  {
    text: 'the regime must be controlled',
    color: 'green',
    note: 'Strongest wording from Ankara so far. #turkey',
  },
];

/** Creates the seeds in the bundled article and imports the second one with one highlight. */
export async function seedNotes(library: Library): Promise<{ bundled: string; second: string }> {
  const bundled = library.list().find((a) => a.title === BUNDLED_TITLE)!.id;
  const { article } = await library.open(bundled);
  for (const seed of BUNDLED_SEEDS) {
    const start = article.text.indexOf(seed.text);
    if (start < 0) throw new Error(`seed text not in the bundled article: ${seed.text}`);
    await library.createHighlight({
      articleId: bundled,
      start,
      end: start + seed.text.length,
      color: seed.color,
      note: seed.note,
    });
  }
  const outcome = await library.importText('harbour.txt', SECOND_ARTICLE);
  const second = outcome.id;
  const opened = await library.open(second);
  const quote = 'We have kept the same hours for forty years';
  const start = opened.article.text.indexOf(quote);
  await library.createHighlight({
    articleId: second,
    start,
    end: start + quote.length,
    color: 'blue',
    note: 'Ask about the *winter* hours.',
  });
  return { bundled, second };
}
