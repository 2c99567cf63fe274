/**
 * YAML front matter for an exported article, written by the `yaml` library so any title or
 * name (colons, quotes, `#`, line breaks, `---`) stays valid YAML.
 */

import { Document, parse, Scalar, YAMLSeq } from 'yaml';

/** The fields of the front matter, in the order they are written. Null fields are left out. */
export interface FrontMatterFields {
  title: string;
  source: string | null;
  dateline: string | null;
  publisher: string | null;
  published: string | null;
  tags: readonly string[];
  highlights: number;
  exported: string | null;
  gloss_id: string;
}

/**
 * Words that YAML 1.1 parsers (still common in note apps and their plugins) read as booleans or
 * null even though YAML 1.2 does not; such strings are quoted so every reader sees a string.
 */
const YAML11_SPECIAL = /^(?:y|yes|n|no|true|false|on|off|null|~)$/i;

/** A string scalar, double-quoted when plain style could be misread by a YAML 1.1 parser. */
function stringNode(doc: Document, value: string, forceQuotes = false): Scalar {
  const node = doc.createNode(value) as Scalar;
  if (forceQuotes || YAML11_SPECIAL.test(value)) node.type = Scalar.QUOTE_DOUBLE;
  return node;
}

/**
 * The front matter block: `---`, the YAML, `---`, each line ending in `\n`.
 * The title is always double-quoted (as in the documented format); `tags` is a flow sequence
 * (`[syria, turkey]`) and left out when empty; null or empty strings are left out.
 */
export function frontMatter(fields: FrontMatterFields): string {
  const doc = new Document({});
  const put = (key: string, value: string | null, forceQuotes = false): void => {
    if (value === null || value === '') return;
    doc.set(key, stringNode(doc, value, forceQuotes));
  };
  put('title', fields.title, true);
  put('source', fields.source);
  put('dateline', fields.dateline);
  put('publisher', fields.publisher);
  put('published', fields.published);
  if (fields.tags.length > 0) {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const tag of fields.tags) seq.items.push(stringNode(doc, tag));
    doc.set('tags', seq);
  }
  doc.set('highlights', fields.highlights);
  put('exported', fields.exported);
  put('gloss_id', fields.gloss_id);
  const yaml = doc.toString({
    // No folding of long titles, no block scalars: every value stays on its key's line, so no
    // line of a value can look like the closing `---` to a line-based front matter reader.
    lineWidth: 0,
    blockQuote: false,
    flowCollectionPadding: false,
  });
  return `---\n${yaml}---\n`;
}

/**
 * One value as a YAML flow scalar (or flow sequence for a list), for templates that build their
 * own front matter: `{{yaml.title}}` gives `"Turkey: a \"test\""`, ready to follow `title: `.
 */
export function yamlScalar(value: string | readonly string[], forceQuotes = false): string {
  const doc = new Document(null);
  if (typeof value === 'string') {
    doc.contents = stringNode(doc, value, forceQuotes);
  } else {
    const seq = new YAMLSeq();
    seq.flow = true;
    for (const v of value) seq.items.push(stringNode(doc, v));
    doc.contents = seq;
  }
  return doc
    .toString({ lineWidth: 0, blockQuote: false, flowCollectionPadding: false })
    .replace(/\n$/, '');
}

/**
 * The `gloss_id` in a Markdown file's front matter, given the file's opening (a few KB is
 * plenty), or null when the file has no front matter or none naming an article. Used to tell a
 * previous export of an article from a file that belongs to someone else.
 */
export function glossIdOf(head: string): string | null {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)\s*(?:\r?\n|$)/.exec(head);
  if (!match) return null;
  try {
    const data: unknown = parse(match[1]!);
    if (data && typeof data === 'object' && 'gloss_id' in data) {
      const id = data.gloss_id;
      return typeof id === 'string' && id !== '' ? id : null;
    }
  } catch {
    // Not YAML: not one of ours.
  }
  return null;
}
