import type {
  Highlight,
  HighlightColor,
  TextPositionSelector,
  TextQuoteSelector,
} from '../model/highlight.ts';
import {
  ANNOTATION_CONTEXT,
  GLOSS_VOCABULARY,
  annotationsUrn,
  articleUrn,
  highlightUrn,
} from './vocabulary.ts';

/**
 * A W3C TextualBody. Gloss writes three kinds, told apart by `purpose`:
 * - `commenting`: the note, as Markdown (`format: 'text/markdown'`);
 * - `tagging`: one tag each;
 * - `highlighting`: the highlight colour as its value (one of the HighlightColor names).
 *   W3C has no colour term; "highlighting" is a standard motivation, and a body with that
 *   purpose naming the colour keeps the document valid Web Annotation JSON-LD with no
 *   extension context, while readers that do not know it simply see a short text body.
 */
export interface W3CTextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging' | 'highlighting';
  format?: 'text/markdown';
}

/** A W3C Web Annotation for one highlight. */
export interface W3CAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body: W3CTextualBody[];
  target: {
    source: string;
    selector: [TextPositionSelector, TextQuoteSelector];
  };
}

/** A W3C AnnotationCollection holding all of one article's highlights on one embedded page. */
export interface W3CAnnotationCollection {
  '@context': [typeof ANNOTATION_CONTEXT, { gloss: typeof GLOSS_VOCABULARY }];
  id: string;
  type: 'AnnotationCollection';
  /** The article's title. */
  label: string;
  /** The file the article was imported from, when there was one (a Gloss term). */
  'gloss:file'?: string;
  total: number;
  first: {
    type: 'AnnotationPage';
    startIndex: 0;
    items: W3CAnnotation[];
  };
}

/** The article fields the export needs. */
export interface ExportedArticle {
  id: string;
  title: string;
  file?: string | null;
}

function colorBody(color: HighlightColor): W3CTextualBody {
  return { type: 'TextualBody', value: color, purpose: 'highlighting' };
}

/** One highlight as a W3C Web Annotation; selectors are copied, not shared. */
export function highlightToW3C(articleId: string, highlight: Highlight): W3CAnnotation {
  const body: W3CTextualBody[] = [];
  if (highlight.note.length > 0) {
    body.push({
      type: 'TextualBody',
      value: highlight.note,
      format: 'text/markdown',
      purpose: 'commenting',
    });
  }
  for (const tag of highlight.tags)
    body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push(colorBody(highlight.color));

  const { start, end } = highlight.position;
  const { exact, prefix, suffix } = highlight.quote;
  return {
    '@context': ANNOTATION_CONTEXT,
    id: highlightUrn(highlight.id),
    type: 'Annotation',
    motivation: highlight.note.length > 0 ? 'commenting' : 'highlighting',
    created: highlight.created,
    modified: highlight.updated,
    body,
    target: {
      source: articleUrn(articleId),
      selector: [
        { type: 'TextPositionSelector', start, end },
        { type: 'TextQuoteSelector', exact, prefix, suffix },
      ],
    },
  };
}

/**
 * An article's highlights as a W3C AnnotationCollection whose first (and only) page embeds
 * every annotation, in the order given. Notes become Markdown commenting bodies, tags tagging
 * bodies, and the colour a highlighting body (see {@link W3CTextualBody}).
 */
export function toW3C(
  article: ExportedArticle,
  highlights: readonly Highlight[],
): W3CAnnotationCollection {
  return {
    '@context': [ANNOTATION_CONTEXT, { gloss: GLOSS_VOCABULARY }],
    id: annotationsUrn(article.id),
    type: 'AnnotationCollection',
    label: article.title,
    ...(article.file !== undefined && article.file !== null ? { 'gloss:file': article.file } : {}),
    total: highlights.length,
    first: {
      type: 'AnnotationPage',
      startIndex: 0,
      items: highlights.map((highlight) => highlightToW3C(article.id, highlight)),
    },
  };
}
