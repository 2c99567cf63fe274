import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/**
 * The colours a reader sees in a strip of the page: a screenshot of the strip, decoded by the
 * page's own canvas (no image library needed for a few pixels), most frequent colour first.
 * The most frequent colour of a strip through a line of text is its background, not its ink.
 */
export async function stripColours(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<Rgb[]> {
  const png = await page.screenshot({
    clip: {
      x: Math.round(clip.x),
      y: Math.round(clip.y),
      width: Math.max(1, Math.round(clip.width)),
      height: Math.max(1, Math.round(clip.height)),
    },
  });
  const counts = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const seen = new Map<string, number>();
    for (let i = 0; i < pixels.length; i += 4) {
      const key = `${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    return [...seen.entries()].sort((a, b) => b[1] - a[1]).map(([k]) => k);
  }, png.toString('base64'));
  return counts.map((k) => k.split(',').map(Number) as Rgb);
}

/** The background of a strip: its most frequent colour. */
export async function backgroundOf(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<Rgb> {
  return (await stripColours(page, clip))[0]!;
}

/** Largest difference of one channel between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}
