/** A highlight a scenario creates, with an id it chose so that later steps can name it. */
export interface PlannedHighlight {
  id: string;
  start: number;
  end: number;
  note: string;
}

/**
 * W3C Web Annotation JSON for `gloss annotations import`, one annotation per planned highlight,
 * each with its `urn:gloss:highlight:` id so that the highlight is stored under that id.
 */
export function annotationsFor(articleId: string, text: string, planned: PlannedHighlight[]) {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationCollection',
    items: planned.map((h) => ({
      type: 'Annotation',
      id: `urn:gloss:highlight:${h.id}`,
      body: h.note ? [{ type: 'TextualBody', value: h.note, purpose: 'commenting' }] : [],
      target: {
        source: `urn:gloss:article:${articleId}`,
        selector: [
          { type: 'TextPositionSelector', start: h.start, end: h.end },
          { type: 'TextQuoteSelector', exact: text.slice(h.start, h.end) },
        ],
      },
    })),
  };
}

/**
 * `count` distinct passages of about 30 characters spread through the text, each starting
 * at a word, so that no two planned highlights share a quote.
 */
export function passages(text: string, count: number): Array<{ start: number; end: number }> {
  const step = Math.floor(text.length / (count + 1));
  const found: Array<{ start: number; end: number }> = [];
  for (let i = 1; i <= count; i++) {
    let start = i * step;
    while (start < text.length && /\S/.test(text[start - 1] ?? ' ')) start++;
    found.push({ start, end: Math.min(text.length, start + 30) });
  }
  return found;
}
