/**
 * The explicit directional formatting characters, and the one rule about them that texts an analyst writes follow.
 *
 * Embeddings and overrides (U+202A…U+202E) and isolates (U+2066…U+2069) are invisible and act on the text after
 * them: a U+202E left open reverses the rest of the line, in a title bar, a feed reader, the page's copied text.
 * Text the analyst writes (a post's frontmatter prose, content/site.yaml) is refused with one, since a right-to-left
 * name needs none: its letters carry their direction, and the page isolates names in running text. Data text is
 * hostile and cannot be refused, so it is isolated wherever it is shown instead (src/render/isolate.ts).
 *
 * The marks LRM, RLM and ALM (U+200E, U+200F, U+061C) are allowed: a writer of a right-to-left name may type one to
 * keep a number or a punctuation mark on its side, and each is a letter's direction without width, which opens
 * nothing that runs on past the name.
 */
import { z } from 'astro/zod';
import { shown } from './errors.ts';

/** The embeddings, overrides and isolates (U+202A…U+202E, U+2066…U+2069). */
export const DIRECTIONAL = /[\u202a-\u202e\u2066-\u2069]/;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * What a text an analyst writes is told when it holds the invisible control `found` (a {@link DIRECTIONAL}
 * character, or another control a caller refuses): which, after what, and what to do. Worded as a schema issue
 * ("must not …"), after the key it is about.
 */
export function invisibleControlProblem(text: string, found: RegExpExecArray): string {
  const where = found.index === 0 ? 'at its start' : `after "${shown(text.slice(0, found.index))}"`;
  return `must not hold the invisible control character ${codePoint(found[0])} (${where}), which would reorder or hide the text after it wherever it is shown: delete it (retype the text around it).`;
}

/** {@link invisibleControlProblem} for the first directional formatting character in `text`, or undefined with none. */
export function directionalProblem(text: string): string | undefined {
  const found = DIRECTIONAL.exec(text);
  return found ? invisibleControlProblem(text, found) : undefined;
}

/**
 * A text an analyst writes that readers see (a post's title, summary, author, tag or label; a manifest's title,
 * description, source or licence): refused with a {@link DIRECTIONAL} character in it. Such a character is invisible
 * and reorders what follows it wherever the text is shown, and not every place can isolate it: the title bar, the
 * feed's <title> and <author>, a social card, copied text. The analyst writes these texts, so the character is taken
 * out at the source rather than isolated at each of them; a right-to-left name needs none.
 */
export const proseText = () =>
  z.string().superRefine((text, ctx) => {
    const problem = directionalProblem(text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
