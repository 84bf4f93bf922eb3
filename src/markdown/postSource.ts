import matter from 'gray-matter';
import { error, FrontmatterInvalid } from '../errors.ts';

export interface PostSource {
  /** The raw YAML between the `---` fences. */
  frontmatter: string;
  /** The line of the file on which the YAML starts (the line after the opening `---`). */
  frontmatterLine: number;
  /** The parsed (not yet validated) frontmatter. */
  data: Record<string, unknown>;
}

/** What js-yaml (through gray-matter) throws on a syntax error: `mark` is 0-based, in the text after `---`. */
interface YamlException {
  name: 'YAMLException';
  reason: string;
  mark?: { line: number; column: number };
}

/**
 * Splits a post into its frontmatter (with gray-matter) and where it sits. A
 * YAML syntax error is a FrontmatterInvalid at `file`'s line and column.
 */
export function postSource(text: string, file = '<post>'): PostSource {
  let parsed: ReturnType<typeof matter>;
  try {
    parsed = matter(text, {});
  } catch (e) {
    if ((e as { name?: string }).name !== 'YAMLException') throw e;
    const { reason, mark } = e as YamlException;
    // The YAML handed to js-yaml starts with the rest of the `---` line, so its line n is the file's line n + 1.
    const at = mark ? { file, line: mark.line + 1, column: mark.column + 1 } : { file };
    const yaml = text.slice(3, text.indexOf('\n---', 3));
    // "[#Tag]" or "- #Tag": the "#" began a comment, and the parser stumbles lines later.
    const comment = /(?:^\s*-|[[,:])\s+#|\[#/m.test(yaml)
      ? ' In YAML, "#" after a space or "[" starts a comment: quote hashtags ("#KeepCorbyn") or leave the "#" out.'
      : '';
    throw error(FrontmatterInvalid, at, `YAML syntax error: ${reason}.${comment}`);
  }
  // gray-matter caches by content; copy so callers can't mutate the cache.
  return { frontmatter: parsed.matter.replace(/^\r?\n/, ''), frontmatterLine: 2, data: { ...parsed.data } };
}

/** The body Astro's content layer hands remark: the text after the closing `---`, trimmed. */
export const postBody = (text: string): string => text.slice(text.indexOf('\n---', 3) + 4).trim();

/**
 * The number of lines before `body` in the file. Astro hands remark the body
 * with the frontmatter removed and whitespace trimmed, so node positions are
 * relative to it; add this to point into the real file.
 */
export function bodyLineOffset(fileText: string, body: string): number {
  const start = body.length > 0 ? fileText.indexOf(body) : -1;
  if (start < 0) return 0;
  let lines = 0;
  for (let i = 0; i < start; i++) if (fileText.charCodeAt(i) === 10) lines++;
  return lines;
}
