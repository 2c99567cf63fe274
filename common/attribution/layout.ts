import { describeParagraphs, type Paragraph } from './paragraphs.ts';
import { findQuotations, mapTokensToQuotations, type Quotation } from './quotes.ts';
import { mapTokensToSentences, splitSentences, type Sentence } from './sentences.ts';
import { findParagraphSpans, tokenize, type Token } from './tokens.ts';

/**
 * Everything the attribution stages read about a text: tokens, paragraphs, quotations, sentences.
 */
export interface Layout {
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly paragraphs: readonly Paragraph[];
  readonly quotations: readonly Quotation[];
  readonly sentences: readonly Sentence[];
  /** Per token: index into `quotations` (marks included), or -1. */
  readonly quoteOf: Int32Array;
  /** Per token: index into `sentences`. */
  readonly sentenceOf: Int32Array;
}

/** Analyses the structure of an article's plain text. */
export function buildLayout(text: string): Layout {
  const spans = findParagraphSpans(text);
  const tokens = tokenize(text, spans);
  const paragraphs = describeParagraphs(spans, tokens, text);
  const quotations = findQuotations(tokens, paragraphs, text);
  const quoteOf = mapTokensToQuotations(tokens.length, quotations);
  const sentences = splitSentences(tokens, paragraphs, quoteOf);
  const sentenceOf = mapTokensToSentences(tokens.length, sentences);
  return { text, tokens, paragraphs, quotations, sentences, quoteOf, sentenceOf };
}
