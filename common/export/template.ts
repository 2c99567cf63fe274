/**
 * User templates: Mustache with HTML escaping turned off (the output is Markdown, and values
 * that need Markdown escaping are already escaped in the view). See TEMPLATES.md.
 */

import Mustache from 'mustache';
import { GlossError, messageOf } from '../errors.ts';

/** A template that could not be parsed; `line` and `column` are 1-based, null when unknown. */
export class TemplateError extends GlossError {
  readonly line: number | null;
  readonly column: number | null;
  constructor(reason: string, line: number | null, column: number | null) {
    super(
      'template',
      line === null
        ? `Template error: ${reason}`
        : `Template error at line ${line}, column ${column ?? 1}: ${reason}`,
    );
    this.name = 'TemplateError';
    this.line = line;
    this.column = column;
  }
}

/** 1-based line and column of a UTF-16 offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines[lines.length - 1] ?? '').length + 1 };
}

/** Offset of the last opening tag of section `name` (`{{#name}}` or `{{^name}}`), or -1. */
function lastSectionOpening(template: string, name: string): number {
  const quoted = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`\\{\\{\\s*[#^]\\s*${quoted}\\s*\\}\\}`, 'g');
  let found = -1;
  for (let m = re.exec(template); m !== null; m = re.exec(template)) found = m.index;
  return found;
}

/** Turns Mustache's "… at <offset>" parse errors into a TemplateError naming line and column. */
function toTemplateError(template: string, error: unknown): Error {
  const message = messageOf(error);
  const m = /^(.*) at (\d+)$/.exec(message);
  if (!m) return new TemplateError(message, null, null);
  const reason = m[1] ?? message;
  let offset = Number(m[2]);
  // When a section is never closed Mustache reports the end of the template; the line that
  // opened the section is the one the user has to look at.
  const unclosed = /^Unclosed section "(.*)"$/.exec(reason);
  if (unclosed && offset >= template.length) {
    const opening = lastSectionOpening(template, unclosed[1] ?? '');
    if (opening >= 0) offset = opening;
  }
  // An unclosed tag is reported where scanning stopped (often the end); point at its opening.
  if (reason === 'Unclosed tag') {
    const opening = template.lastIndexOf('{{', Math.max(0, offset - 1));
    if (opening >= 0) offset = opening;
  }
  const { line, column } = lineAndColumn(template, offset);
  const lowered = reason.charAt(0).toLowerCase() + reason.slice(1);
  return new TemplateError(lowered, line, column);
}

/** Checks that `template` parses; throws a TemplateError naming the line otherwise. */
export function checkTemplate(template: string): void {
  try {
    Mustache.parse(template);
  } catch (error) {
    throw toTemplateError(template, error);
  }
}

/**
 * Renders `template` with `view`, without HTML escaping. Partials are not supported (a partial
 * tag renders nothing). Throws TemplateError when the template does not parse.
 */
export function renderTemplate(template: string, view: object): string {
  checkTemplate(template);
  try {
    return Mustache.render(template, view, {}, { escape: (value: string) => value });
  } catch (error) {
    throw toTemplateError(template, error);
  }
}
