/**
 * Directives that remark-directive did not read as directives. A directive it
 * cannot parse — a "{" never closed, a quote never closed, a space between
 * "]" and "{", a backslash before a quote, text after the "}" — is not an
 * error to it: the line stays a paragraph, and the page would publish
 * `::table[Polls] {data=polls}` as text, with the figure silently missing.
 * This finds them, so the post fails at the line with what is wrong.
 *
 * - A line starting with `::name` or `:::name` (a leaf or container directive)
 *   where no directive starts, outside code blocks and raw HTML.
 * - An inline directive followed by "{" that was not read as its attributes
 *   (`:value[x]{format=percent` without its "}").
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { afterLabel } from './attributeAt.ts';

export interface StrayDirective {
  /** 1-based, in the Markdown body (the text remark parsed). */
  line: number;
  column: number;
  /** How it is written: "::table", ":value". */
  written: string;
  /** Why it is not a directive, as a clause ("there is a space between…"). */
  reason: string;
}

/** A leaf or container directive's opening: up to three spaces, two colons or more, a name. */
const BLOCK_START = /^( {0,3})(:{2,}[A-Za-z][\w-]*)/;
const NAME = /^:+[A-Za-z][\w-]*/;
const CURLY_QUOTES = new Set(['“', '”', '„', '‘', '’', '‚', '«', '»']);

/**
 * Why the directive written at the start of `s` (from its colons to the end of its line) does not parse, and at
 * which offset in `s`. `block`: a leaf or container directive, which must be alone on its line.
 */
export function whyNotADirective(s: string, block: boolean): { at: number; reason: string } {
  let i = NAME.exec(s)?.[0].length ?? 0;
  if (/^[ \t]+[[{]/.test(s.slice(i)))
    return { at: i, reason: 'there is a space after the name: the label "[…]" and the attributes "{…}" follow it directly' };
  if (s[i] === '[') {
    const after = afterLabel(s, i);
    if (after === undefined) return { at: i, reason: 'the label\'s "[" is never closed with "]"' };
    i = after;
  }
  if (/^[ \t]+\{/.test(s.slice(i)))
    return { at: i, reason: 'there is a space between "]" and "{": the attributes follow the label directly' };
  if (s[i] === '{') {
    let quote: string | undefined;
    let opened = i;
    for (let j = i + 1; j < s.length; j++) {
      const c = s[j] as string;
      if (quote !== undefined) {
        if (c === '\\' && s[j + 1] === quote)
          return {
            at: j,
            reason: `a backslash does not escape a quote in an attribute's value: a value holding ${quote} is written in the other quotes (description='the "new" poll')`,
          };
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        quote = c;
        opened = j;
      } else if (CURLY_QUOTES.has(c)) {
        return { at: j, reason: `${c} does not quote a value: attribute values are quoted with straight quotes (" or ')` };
      } else if (c === '}') {
        if (block && s.slice(j + 1).trim() !== '')
          return { at: j + 1, reason: 'there is text after the attributes\' "}": a directive is alone on its line' };
        return { at: i, reason: 'its attributes cannot be read (each is key=value, key="value with spaces" or key=\'…\')' };
      }
    }
    if (quote !== undefined) return { at: opened, reason: `the ${quote} opened here is never closed` };
    return { at: i, reason: 'the attributes\' "{" is never closed with "}"' };
  }
  if (block && s.slice(i).trim() !== '') return { at: i, reason: 'there is text after it: a directive is alone on its line' };
  return { at: 0, reason: 'it cannot be read as one' };
}

/** The directives in `body` (parsed into `tree`) that remark-directive left as text, in order. */
export function strayDirectives(tree: Root, body: string): StrayDirective[] {
  const lines = body.split(/\r?\n/);
  const skipped = new Set<number>();
  const starts = new Set<number>();
  const inline: StrayDirective[] = [];
  visit(tree, (node, index, parent) => {
    const start = node.position?.start;
    const end = node.position?.end;
    if (!start || !end) return;
    if (node.type === 'code' || node.type === 'html') for (let l = start.line; l <= end.line; l++) skipped.add(l);
    if (node.type === 'leafDirective' || node.type === 'containerDirective') starts.add(start.line);
    if (node.type !== 'textDirective' || !parent || index === undefined) return;
    const next = parent.children[index + 1];
    if (next?.type !== 'text' || !next.value.startsWith('{')) return;
    // Attributes remark-directive could not read are left as text right after the directive.
    const line = lines[start.line - 1] ?? '';
    const from = start.column - 1;
    const { at, reason } = whyNotADirective(line.slice(from), false);
    inline.push({ line: start.line, column: from + at + 1, written: `:${node.name}`, reason });
  });
  const blocks: StrayDirective[] = [];
  lines.forEach((text, i) => {
    const line = i + 1;
    const m = BLOCK_START.exec(text);
    if (!m || skipped.has(line) || starts.has(line)) return;
    const indent = (m[1] as string).length;
    const { at, reason } = whyNotADirective(text.slice(indent), true);
    blocks.push({ line, column: indent + at + 1, written: (m[2] as string).replace(/^:{3,}/, ':::'), reason });
  });
  return [...blocks, ...inline].sort((a, b) => a.line - b.line || a.column - b.column);
}
