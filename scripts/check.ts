/**
 * npm run check: validates the site settings (content/site.yaml), every dataset (manifest, every data file, every
 * record), every post (frontmatter, pins, the datasets it names, every
 * directive) without building the site, and prints EVERY problem found as
 * `file:line:column: message hint`, sorted by file and position. Exits 1 when
 * there is any problem, 0 otherwise.
 *
 * Posts are rendered through the same Markdown processor as the build (so a
 * post is checked exactly as the build would read it). A post whose data
 * cannot be read (a dataset it names that is not there, or one with problems)
 * is still checked for every mistake its directives' checks find without the
 * data; a dataset's own problems are reported once, at the data.
 *
 * SOUNDINGS_CONTENT_DIR and SOUNDINGS_DATA_DIR point it at another site, as
 * they do the build; paths in messages are relative to the current folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { extent } from 'd3-array';
import remarkDirective from 'remark-directive';
import { projectPath } from '../src/data/datasetFiles.ts';
import { listDatasets } from '../src/data/listDatasets.ts';
import { checkDataset } from '../src/data/loadDataset.ts';
import { dataFolderName } from '../src/data/openDataset.ts';
import { readProgress } from '../src/data/readProgress.ts';
import { FILE_PROBLEMS, formatLocation, type Location, SoundingsError } from '../src/errors.ts';
import { cachedDataset, checkCachedDataset } from '../src/markdown/datasetCache.ts';
import type { Frontmatter } from '../src/markdown/frontmatter.ts';
import { type PostSource, postBody, postSource } from '../src/markdown/postSource.ts';
import { remarkSoundings, SoundingsErrors } from '../src/markdown/remarkSoundings.ts';
import { checkFrontmatter } from '../src/markdown/validateFrontmatter.ts';
import { sitePaths } from '../src/site/paths.ts';
import { postFiles } from '../src/site/postFiles.ts';
import { renderFailureMessage } from '../src/site/renderFailure.ts';
import { loadSiteSettings, siteOrigin } from '../src/site/siteSettings.ts';

interface Problem {
  location: Location | undefined;
  message: string;
  /** The catalogue's name of a SoundingsError (errors.ts), to fold the problems of whole files (FILE_PROBLEMS). */
  name?: string | undefined;
}

const root = process.cwd();
const { contentDir, dataDir } = sitePaths(root);
const problems: Problem[] = [];
const add = (e: { location?: Location | undefined; message: string; name?: string }) =>
  problems.push({ location: e.location, message: e.message, name: e.name });

/**
 * A folder the check reads: a site may have no data/ or no posts yet, but a folder named by SOUNDINGS_DATA_DIR or
 * SOUNDINGS_CONTENT_DIR that is not there is a mistyped path, said as a problem rather than a clean check.
 */
function folder(path: string, variable: string): boolean {
  if (existsSync(path)) return true;
  if (process.env[variable])
    add({
      location: { file: projectPath(root, path) },
      message: `${variable} names ${projectPath(root, path)}, which does not exist. Fix the path, or unset it to check ${variable === 'SOUNDINGS_DATA_DIR' ? 'data/' : 'content/'}.`,
    });
  return false;
}

// A dataset whose load fails is read again to list its problems (below), so each of its warnings (a CSV with a
// header and no rows) would be printed twice: each distinct warning is printed once.
const printedWarnings = new Set<string>();
const consoleWarn = console.warn;
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (printedWarnings.has(text)) return;
  printedWarnings.add(text);
  consoleWarn(...args);
};

// The site settings, as a build reads them, and the SOUNDINGS_SITE that would override their url.
const hasContent = folder(contentDir, 'SOUNDINGS_CONTENT_DIR');
const site = hasContent ? loadSiteSettings(contentDir, root) : undefined;
if (site && 'problems' in site) for (const p of site.problems) add(p);
const origin = site && 'settings' in site ? siteOrigin(site.settings) : undefined;
if (origin && 'problem' in origin) add(origin.problem);

// Posts, read first for the datasets they use; rendered once the datasets are checked.
const posts = hasContent ? postFiles(join(contentDir, 'posts')) : [];
const readable: { path: string; text: string; source: PostSource; frontmatter: Frontmatter }[] = [];
for (const path of posts) {
  const file = projectPath(root, path);
  const text = readFileSync(path, 'utf8');
  let source: PostSource;
  try {
    source = postSource(text, file);
  } catch (e) {
    // A YAML syntax error: located, and the other posts are still checked.
    if (!(e instanceof SoundingsError)) throw e;
    add(e);
    continue;
  }
  const checked = checkFrontmatter(source, file);
  if ('frontmatter' in checked) readable.push({ path, text, source, frontmatter: checked.frontmatter });
  else for (const p of checked.problems) add(p);
}

// Datasets. Decided: unchanged data is parsed once, and not again while it stays unchanged. A dataset a post uses is
// read as a build reads it (cachedDataset), which takes each file's records from the disk cache, or parses the file
// and keeps them there, and the post then renders from memory: reading it whole is what rendering the post needs
// anyway, so this holds no more than the check did when it streamed the dataset first (and then parsed every file a
// second time on an empty cache, to render the post). A load succeeds only when checkDataset would find nothing
// (both are readDataset; a load stops at the first problem), so only a dataset that fails is read again, to list
// every problem, without parsing the files the load kept. A dataset no post uses is checked (checkCachedDataset)
// taking the records of a file the cache keeps instead of parsing it: an entry is written only for a file read
// without a problem, so it proves the file valid, and its records are still checked against the other files' (ids,
// accounts, the archive's account, `collected`) as a load checks them. A file parsed is kept in the cache when it has
// no problem, and one whose records would not fit in the heap is streamed, none held (README, "npm run check").
const hasData = folder(dataDir, 'SOUNDINGS_DATA_DIR');
const datasets = hasData ? listDatasets(dataDir) : [];
const used = new Set(readable.flatMap((p) => Object.values(p.frontmatter.datasets)));
const broken = new Set<string>();
for (const id of datasets) {
  // The progress a build prints for a dataset that takes a while (a load prints its own: cachedDataset), timed from
  // the check's start: after a failed load, its rate and time left are the check's, not the two reads'.
  const read = () => ({ root, dataDir, onProgress: readProgress(id) });
  let found: SoundingsError[] = [];
  if (used.has(id)) {
    try {
      await cachedDataset(id, { root, dataDir });
    } catch {
      found = await checkCachedDataset(id, read());
    }
  } else found = await checkCachedDataset(id, read());
  if (found.length > 0) broken.add(id);
  for (const e of found) add(e);
}
// A folder without a manifest is not a dataset; say so rather than skip it silently.
for (const e of hasData ? readdirSync(dataDir, { withFileTypes: true }) : []) {
  if (e.isDirectory() && !datasets.includes(e.name)) {
    for (const p of await checkDataset(e.name, { root, dataDir })) add(p);
    broken.add(e.name);
  }
}

const processor = await createMarkdownProcessor({ remarkPlugins: [remarkDirective, [remarkSoundings, { root, dataDir }]] });
for (const { path, text, source, frontmatter } of readable) {
  const file = projectPath(root, path);
  // A dataset with problems fails the post where the data is, as the dataset's own check has said: only the post's
  // problems in the post are said again.
  const dataFolder = dataFolderName({ root, dataDir });
  const said = Object.values(frontmatter.datasets).some((id) => broken.has(id))
    ? (e: SoundingsError) => e.location?.file?.startsWith(dataFolder) === true
    : () => false;
  // Rendering reports every problem of the post the frontmatter check did not: stale pins, a dataset that is not
  // there, values, directives. Astro's processor console.error()s a failure before rethrowing it; we print it
  // ourselves, once, in order.
  const consoleError = console.error;
  console.error = () => {};
  try {
    await processor.render(postBody(text), { frontmatter: source.data, fileURL: pathToFileURL(path) });
  } catch (e) {
    // The plugin reports all of a post's problems at once, each located (a stale pin's message has a second line:
    // the pins line to paste). The processor prefixes the message of what it catches, hence renderFailureMessage.
    const errors = e instanceof SoundingsErrors ? e.errors : e instanceof SoundingsError ? [e] : [];
    for (const err of errors) if (!said(err)) add({ location: err.location ?? { file }, message: renderFailureMessage(err.message) });
    if (errors.length === 0) add({ location: { file }, message: renderFailureMessage((e as Error).message) });
  } finally {
    console.error = consoleError;
  }
}

const order = (p: Problem) => [p.location?.file ?? '', p.location?.line ?? 0, p.location?.column ?? 0] as const;
problems.sort((a, b) => {
  const [fa, la, ca] = order(a);
  const [fb, lb, cb] = order(b);
  return fa < fb ? -1 : fa > fb ? 1 : la - lb || ca - cb;
});
/**
 * A problem's message without its location, the values it quotes after the first (the column it names) and its
 * numbers: rows of a file that fail alike share it ("… got "31/02/16"", "… it is "Wed 13 Jul 2016"", "… is
 * 2016-09-21T00:00:44Z, after the day the manifest says the data was collected").
 */
const shape = (p: Problem) => {
  const where = p.location ? formatLocation(p.location) : '';
  const message = p.message.startsWith(where) ? p.message.slice(where.length) : p.message;
  let quoted = 0;
  const masked = message.replace(/"[^"]*"|\d+/g, (m) => (m[0] !== '"' ? '#' : quoted++ === 0 ? m : '"…"'));
  return `${p.location?.file ?? ''}\0${masked}`;
};
/**
 * A problem of a whole file (FILE_PROBLEMS) as the files of one folder share it: its shape, with the file's name taken
 * out of the message (NotJsonExport names it), keyed by the folder. A manifest's wrong `format` refuses each of its
 * thirteen files alike, at whichever line each file's first record is: shown once, the other twelve counted.
 */
const fileShape = (p: Problem): string | undefined => {
  const file = p.location?.file;
  if (file === undefined || p.name === undefined || !FILE_PROBLEMS.includes(p.name)) return undefined;
  const where = formatLocation(p.location as Location);
  const message = (p.message.startsWith(where) ? p.message.slice(where.length) : p.message).replaceAll(file, '<file>');
  return `${dirname(file)}\0${p.name}\0${shape({ location: undefined, message })}`;
};
/** The problems of whole files alike, in file order: the first is shown, followed by how many more files and which. */
const filesAlike = new Map<string, Problem[]>();
for (const p of problems) {
  const key = fileShape(p);
  if (key === undefined) continue;
  const alike = filesAlike.get(key) ?? [];
  filesAlike.set(key, alike);
  alike.push(p);
}
/** The files after the first of each group of {@link filesAlike}, and the group under the first. */
const foldedFiles = new Set<Problem>();
const firstFile = new Map<Problem, Problem[]>();
for (const alike of filesAlike.values()) {
  if (alike.length < 2) continue;
  firstFile.set(alike[0] as Problem, alike);
  for (const p of alike.slice(1)) foldedFiles.add(p);
}
/** The files `more` names: both when there are two, the first and last (in file order) when more. */
const fileNames = (more: Problem[]): string => {
  const names = more.map((m) => basename(m.location?.file ?? ''));
  return names.length <= 2 ? names.join(', ') : `${names[0]} … ${names.at(-1)}`;
};

/** Rows that fail alike are shown this many times; the rest are counted (a file without zones fails at every row). */
const SHOWN_ALIKE = 3;
// One pass to group (a file failing at each of a million rows gives a million problems), one to print.
const groups = new Map<string, Problem[]>();
const place = new Map<Problem, { alike: Problem[]; n: number }>();
for (const p of problems) {
  const key = shape(p);
  const alike = groups.get(key) ?? [];
  groups.set(key, alike);
  place.set(p, { alike, n: alike.length });
  alike.push(p);
}
for (const p of problems) {
  const { alike, n } = place.get(p) ?? { alike: [p], n: 0 };
  if (n >= SHOWN_ALIKE || foldedFiles.has(p)) continue;
  const where = p.location ? formatLocation(p.location) : '';
  // Messages already start with their location; a problem without one gets none.
  process.stdout.write(`${where === '' || p.message.startsWith(where) ? p.message : `${where}: ${p.message}`}\n`);
  // Under the last one shown, how many more there are.
  if (n === SHOWN_ALIKE - 1 && alike.length > SHOWN_ALIKE) {
    const more = alike.slice(SHOWN_ALIKE);
    const [first, last] = extent(more, (m) => m.location?.line);
    const span = first === undefined ? '' : first === last ? ` (line ${first})` : ` (lines ${first}–${last})`;
    const file = p.location?.file ? `${p.location.file}: ` : '';
    process.stdout.write(`${file}…and ${more.length} more like the ${SHOWN_ALIKE} above${span}.\n`);
  }
  const files = firstFile.get(p);
  if (files) {
    const more = files.slice(1);
    process.stdout.write(
      `${dirname(p.location?.file ?? '')}/: …and ${more.length} more ${more.length === 1 ? 'file' : 'files'} like it (${fileNames(more)}).\n`,
    );
  }
}
const checked = `${datasets.length} dataset${datasets.length === 1 ? '' : 's'} and ${posts.length} post${posts.length === 1 ? '' : 's'}`;
if (problems.length > 0) {
  process.stdout.write(`\n${problems.length} problem${problems.length === 1 ? '' : 's'} in ${checked}.\n`);
  process.exitCode = 1;
} else {
  process.stdout.write(`No problems in ${checked}.\n`);
}
