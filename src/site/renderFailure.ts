/**
 * A post that failed to render: its message, and, during `astro dev`, where
 * the page finds it.
 *
 * Astro's glob loader logs a failed post as `Error rendering <entry>: <message>`,
 * and the Markdown processor prefixes `Failed to parse Markdown file "<path>":`.
 * Soundings' own messages already name `post.md:line:column`, so both prefixes
 * are dropped.
 *
 * A build stops on a failed post. `astro dev` goes on: the loader keeps the
 * post (unrendered) and records its message here by file, and the post's page
 * is the error overlay showing it (devErrorPage.ts) on every load until the
 * post renders again, rather than for a moment before a reload. The loader and
 * the pages are separate module graphs in one process: the record is global.
 */
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Location } from '../errors.ts';
import { processGlobal } from '../processGlobal.ts';
import { overlayText } from './devOverlay.ts';

export function renderFailureMessage(message: string): string {
  return message.replace(/^(?:Error rendering|Failed to reload) [^:]+: /, '').replace(/^Failed to parse Markdown file "[^"]*":\n/, '');
}

/**
 * The last line of a build's stop report and of a post's overlay: a post stops at the first problem it meets (a
 * dataset's loader at its first bad row), so what they show is not all there is; a user trial fixed one problem, to
 * meet the next on the next build.
 */
export const CHECK_HINT = 'A post stops at the first problem it meets: npm run check lists every problem, in every dataset and post.';

const failures = processGlobal('renderFailures', () => new Map<string, string>());

const ENTRY = /^Error rendering (.+?): /;

/** The entry (its path under the collection's base) a glob loader failure names: `Error rendering <entry>: …`. */
export const loggedEntry = (logged: string): string | undefined => ENTRY.exec(logged)?.[1];

/** Records why the post at `path` (absolute) did not render, for its page. */
export function recordRenderFailure(path: string, message: string): void {
  recovered.delete(path);
  failures.set(path, renderFailureMessage(message));
}

const LOCATED = /^(?<file>[^\s:][^:]*):(?<line>\d+)(?::(?<column>\d+))?: /;

/** Posts whose failure was forgotten because they rendered since (see {@link renderFailure}). */
const recovered = processGlobal('renderRecovered', () => new Set<string>());

/** Forgets the failures of posts that rendered since (their files, relative to `root` or absolute). */
export function forgetRenderFailures(root: string, filePaths: Iterable<string>): void {
  for (const filePath of filePaths) {
    const path = isAbsolute(filePath) ? filePath : join(root, filePath);
    if (failures.delete(path)) recovered.add(path);
  }
}

/**
 * The error a page shows for a post that did not render (dev only): the
 * recorded message, with its first location as `loc`, which Astro's overlay
 * shows with the lines around it. `filePath` is the entry's, relative to `root`.
 * Undefined when the post's failure was forgotten because it has rendered
 * since: the page was served from the content store Astro is about to
 * replace, and must not show the old error. With neither a failure nor a
 * recovery recorded, a post that did not render says where to look.
 */
export function renderFailure(root: string, filePath: string): (Error & { loc?: Location }) | undefined {
  const path = isAbsolute(filePath) ? filePath : join(root, filePath);
  if (!failures.has(path) && recovered.has(path)) return undefined;
  const failure = failures.get(path);
  const message =
    failure === undefined ? `${filePath} did not render; the terminal running astro dev says why.` : `${failure}\n\n${CHECK_HINT}`;
  return locatedError(root, 'Soundings could not render this post', message);
}

/**
 * The error a page shows in `astro dev` (devErrorPage.ts) for a Soundings message (`file:line:column: …`, file relative to `root`),
 * named `name`: with its first location as `loc`, which Astro's overlay shows with the lines around it.
 */
export function locatedError(root: string, name: string, message: string): Error & { loc?: Location } {
  // Astro's overlay reads the message as Markdown: a cell's [text](url) must stay text (devOverlay.ts).
  const error: Error & { loc?: Location } = new Error(overlayText(message));
  error.name = name;
  // The page's own stack says nothing about the problem; the message says where it is.
  error.stack = `${error.name}: ${message}`;
  const at = LOCATED.exec(message)?.groups;
  if (at?.file && at.line) error.loc = { file: overlayFile(root, at.file), line: Number(at.line), column: Number(at.column ?? 1) };
  return error;
}

/**
 * A file as an error's `loc.file` must name it for Astro's overlay and terminal (`file` as a message names it:
 * relative to `root`, or absolute): absolute inside the project, and relative to `root` outside it
 * (`../../tmp/x/data/a.csv`, with SOUNDINGS_DATA_DIR elsewhere). Astro joins every `loc.file` that is not under
 * the project root onto the root, an absolute one too (`/tmp/x/…` became `<root>/tmp/x/…`, which does not exist:
 * no code frame, a broken "Open in editor"); a relative one joined so is the real file.
 */
function overlayFile(root: string, file: string): string {
  const path = isAbsolute(file) ? file : join(root, file);
  return path.startsWith(join(root, sep)) ? path : relative(root, path);
}

/** A post that failed to render: the entry glob() named (its path under the collection's base) and the message. */
export interface RenderFailure {
  entry: string | undefined;
  message: string;
}

/**
 * What a build that stops prints: every failure once. A data error stops every post that uses the dataset
 * with the same message; it is printed once, naming the posts.
 */
export function failureReport(failures: readonly RenderFailure[]): string {
  const byMessage = new Map<string, string[]>();
  for (const { entry, message } of failures) {
    const entries = byMessage.get(message) ?? [];
    if (entry) entries.push(entry);
    byMessage.set(message, entries);
  }
  // In the posts' order, not the order they failed in: two threads render posts, so that order differs from build to
  // build, and the same problem should read the same way each time (CI once saw "second.md, post.md").
  const byPost = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const groups = [...byMessage].map(([message, entries]) => [message, entries.sort(byPost)] as const);
  groups.sort(([, a], [, b]) => byPost(a[0] ?? '', b[0] ?? ''));
  const lines = [`Soundings could not render ${failures.length === 1 ? 'a post' : `${failures.length} posts`}:`];
  for (const [message, entries] of groups) lines.push(entries.length > 1 ? `${message}\n  (in ${entries.join(', ')})` : message);
  lines.push(CHECK_HINT);
  return lines.join('\n');
}

/**
 * The error that stops a build: its message names each file:line:column and what to do; a stack would make Astro add
 * "Hint", "Location: …" and a trace into the bundled code (the content loader's, a dataset page's chunk).
 */
export function buildStop(message: string): Error {
  const stop = new Error(message);
  stop.stack = '';
  return stop;
}
