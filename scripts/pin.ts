/**
 * npm run pin -- content/posts/<post>.md: prints the `pins:` line that pins the datasets the post reads, as they are
 * now (README, "Pinning"), to paste into its frontmatter. A build prints such a line only when pinned data has
 * changed; this is how a post gets its first pins, or pins a dataset it did not pin before. The datasets are read as a
 * build reads them (the disk cache: unchanged data is not parsed again). A problem in the post's frontmatter or in
 * its data is printed at its `file:line:column`, and no line: a pin of data that does not load would pin a broken
 * state. Exits 1 then, 2 for a wrong command line.
 *
 * It prints; it does not edit the post. Decided: a pin says "I checked this post against this data", which only the
 * analyst can say, after reading the post against the data; the line is to paste once that is done, as the build's is.
 *
 * SOUNDINGS_DATA_DIR points it at another site's data, as it does the build; the post is named by its path, from the
 * folder the command is run in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectPath } from '../src/data/datasetFiles.ts';
import { error, NothingToPin, PostNotFound, SoundingsError } from '../src/errors.ts';
import { cachedDataset } from '../src/markdown/datasetCache.ts';
import { type PinState, pinLine, pinState } from '../src/markdown/pins.ts';
import { postSource } from '../src/markdown/postSource.ts';
import { checkFrontmatter } from '../src/markdown/validateFrontmatter.ts';
import { sitePaths } from '../src/site/paths.ts';

// As npm run check: the project is the folder it runs in (npm runs a script in the project's).
const root = process.cwd();
const { dataDir } = sitePaths(root);
const args = process.argv.slice(2);
if (args.length !== 1 || args[0]?.startsWith('-')) {
  console.error('Usage: npm run pin -- content/posts/<post>.md   (prints the "pins:" line for the data the post reads now)');
  process.exit(2);
}
// npm runs a script in the project's folder; the path is the user's, from where they typed it (INIT_CWD).
const path = resolve(process.env.INIT_CWD ?? process.cwd(), args[0] as string);
const file = projectPath(root, path);

/** Prints a problem as a build does (its message says where and what to do), or a bug's stack. */
const fail = (e: unknown): never => {
  if (!(e instanceof SoundingsError)) throw e;
  console.error(e.message);
  process.exit(1);
};
if (!existsSync(path)) fail(error(PostNotFound, { file }));

const checked = (() => {
  try {
    return checkFrontmatter(postSource(readFileSync(path, 'utf8'), file), file);
  } catch (e) {
    return fail(e); // a YAML syntax error, located
  }
})();
if ('problems' in checked) {
  for (const p of checked.problems) console.error(p.message);
  process.exit(1);
}
const datasets = Object.entries(checked.frontmatter.datasets);
if (datasets.length === 0) fail(error(NothingToPin, { file }));
const states: Record<string, PinState> = {};
for (const [alias, id] of datasets) states[alias] = pinState(await cachedDataset(id, { root, dataDir }).catch(fail));
console.log(pinLine(states));
