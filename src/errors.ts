/**
 * Soundings' one catalogue of user-facing errors and warnings.
 *
 * Every message says what happened, why, and what to do, and is thrown with a
 * location so that it prints as `file:line:column: message hint`. Tests assert
 * the exact text, so change wording here, never at a call site.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { relative } from 'node:path';
import { inspect } from 'node:util';
import { cutText } from './cutText.ts';
import { joinNames } from './joinNames.ts';
import { didYouMean } from './nearest.ts';
import { processGlobal } from './processGlobal.ts';
import { printWarning } from './warnings.ts';

export interface Location {
  /** Path relative to the project root (with `../` when the data folder is outside it, as in tests). */
  file: string;
  line?: number;
  column?: number;
}

export interface ErrorData<Args extends unknown[]> {
  name: string;
  title: string;
  message: (...args: Args) => string;
  hint: string;
}

/** The heading Astro's Markdown renderer puts on a render error's message before it prints it. */
const MARKDOWN_HEADING = /^Failed to parse Markdown file "([^"]*)":\n/;

export class SoundingsError extends Error {
  readonly title: string;
  readonly hint: string;
  readonly location: Location | undefined;
  readonly detail: string;
  /**
   * Problems found with this one that a check reports beside it and a build, which stops at the first, does not: the
   * other bad cells of a row (typedCell.ts, readCells).
   */
  others: readonly SoundingsError[] = [];

  constructor(data: { name: string; title: string; hint: string }, detail: string, location?: Location) {
    const safeDetail = printable(detail);
    const safeLocation = location && { ...location, file: printable(location.file) };
    super(formatMessage(safeDetail, data.hint, safeLocation));
    this.name = data.name;
    this.title = data.title;
    this.hint = data.hint;
    this.detail = safeDetail;
    this.location = safeLocation;
  }

  /**
   * How `console.error(e)` shows it (Astro's Markdown renderer logs every render error so): its message,
   * which already says where and what to do, not a stack trace and a dump of its fields. The renderer first heads
   * the message `Failed to parse Markdown file "<path>":` (node_modules/@astrojs/markdown-remark/dist/index.js,
   * prefixError), which is not what happened (the Markdown parsed; its data or a directive was refused): the
   * heading printed says what is true, with the post's path as the messages write paths (from the project root).
   */
  [inspect.custom](): string {
    return printedRender(this.message);
  }
}

/**
 * A post's render error's message as `console.error` prints it (SoundingsError's inspect, and SoundingsErrors', a
 * post's several problems: remarkSoundings.ts): headed by the post it stops, not by Astro's Markdown renderer's
 * `Failed to parse Markdown file "<path>":`. Posts that stop on one problem (a bad row in the data they share) print it
 * once, the others a line naming it: a site of twenty weekly posts on one export printed a broken file's message twenty
 * times before the build's summary of them (renderFailure.ts), which names every post it stopped.
 */
export function printedRender(message: string): string {
  const heading = MARKDOWN_HEADING.exec(message);
  if (!heading) return message;
  const post = relative(process.cwd(), heading[1] as string);
  const problem = message.slice(heading[0].length);
  const first = printedRenders.get(problem);
  if (first !== undefined && first !== post) return `Soundings could not render ${post}: the same problem as ${first}, above.`;
  printedRenders.set(problem, post);
  return `Soundings could not render ${post}:\n${problem}`;
}

/**
 * The problems of posts printed as they failed in this sync of the posts (SoundingsError's inspect), with the first
 * post each stopped: one for the process, as Astro's module graphs each have a copy of this module.
 */
const printedRenders = processGlobal('printedRenders', () => new Map<string, string>());

/** Starts a sync of the posts (soundingsLoader.ts): a problem printed in the last is printed again in full. */
export function forgetPrintedRenders(): void {
  printedRenders.clear();
}

/**
 * Whether `e` is a SoundingsError, told by its fields rather than by `instanceof`: Astro's module graphs each load
 * their own copy of this module, and a problem thrown in one is caught in another.
 */
export function isSoundingsError(e: unknown): e is SoundingsError {
  return e instanceof Error && 'location' in e && 'hint' in e;
}

/**
 * A {@link SoundingsError} as it crosses between threads (a worker's postMessage): its fields, as plain data. Decided:
 * not the error itself, which structured cloning turns into a plain Error with its message (and only a built-in
 * error's name), losing the class, title, hint and location that Astro's overlay, the build's failure output and the
 * posts' render (remarkSoundings.ts) read.
 */
export interface SentError {
  name: string;
  title: string;
  hint: string;
  detail: string;
  location?: Location;
  others: SentError[];
}

/** `e` as a message between threads carries it ({@link receivedError} makes it again). */
export function sentError(e: SoundingsError): SentError {
  return {
    name: e.name,
    title: e.title,
    hint: e.hint,
    detail: e.detail,
    ...(e.location ? { location: { ...e.location } } : {}),
    others: e.others.map(sentError),
  };
}

/**
 * The error {@link sentError} sent, as the other thread threw it: the same class, fields and message (the detail and
 * file are printable already, and {@link printable} leaves printable text as it is). Its stack is this thread's.
 */
export function receivedError(sent: SentError): SoundingsError {
  const e = new SoundingsError(sent, sent.detail, sent.location);
  if (sent.others.length > 0) e.others = sent.others.map(receivedError);
  return e;
}

// What a terminal or a text's direction would act on: C0 and C1 controls (ESC sequences clear the screen, plant
// links, or with a carriage return overwrite the error line), and the bidirectional controls (U+202E reverses the
// rest of a line); and what cannot be seen, so that a message can show it: a soft hyphen, zero-width spaces and
// joiners, a byte-order mark.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * Text from a data file, a file name or a manifest, as the terminal and the dev overlay may print it: every control
 * and bidirectional character written as its `\uXXXX` escape, and lone surrogates as U+FFFD. Every message goes
 * through it (SoundingsError does it), as does anything else printed from data (the build summary, warnings).
 */
export function printable(text: string): string {
  return text.toWellFormed().replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const SHOWN = 80;

/** A value from a data file as a message quotes it: {@link printable}, and cut to 80 characters (a cell can be 200 KB). */
export function shown(text: string): string {
  return cutText(printable(text), SHOWN);
}

export function formatLocation(location: Location): string {
  let out = location.file;
  if (location.line !== undefined) {
    out += `:${location.line}`;
    if (location.column !== undefined) out += `:${location.column}`;
  }
  return out;
}

function formatMessage(detail: string, hint: string, location?: Location): string {
  const where = location ? `${formatLocation(location)}: ` : '';
  return hint ? `${where}${detail} ${hint}` : `${where}${detail}`;
}

/** Builds a SoundingsError from a catalogue entry. */
export function error<Args extends unknown[]>(data: ErrorData<Args>, location: Location | undefined, ...args: Args): SoundingsError {
  return new SoundingsError(data, data.message(...args), location);
}

/** Where warnings go instead of the terminal, in a call {@link keepingWarnings} runs (and what it awaits). */
const kept = new AsyncLocalStorage<string[]>();

/**
 * Runs `render`, keeping the warnings it gives (its awaits included) in `into`, rather than print them. The build's
 * second thread keeps a post's warnings while it renders the post, for the posts' thread to print if it uses the
 * render (src/site/renderAhead.ts): once, where and when the post's own render would have printed them. Kept per
 * call, not switched on and off for the thread: renders that overlap keep their warnings apart, and none is left
 * keeping after its render ends, whatever it threw.
 */
export function keepingWarnings<T>(into: string[], render: () => Promise<T>): Promise<T> {
  return kept.run(into, render);
}

/**
 * Prints a warning of the catalogue as an error prints (`file:line:column: message hint`); the build goes on. Under
 * Astro it goes through Astro's logger, tagged `[WARN] [soundings]`; elsewhere to console.warn (src/warnings.ts).
 */
export function warn<Args extends unknown[]>(data: ErrorData<Args>, location: Location | undefined, ...args: Args): void {
  const message = error(data, location, ...args).message;
  const into = kept.getStore();
  if (into) into.push(message);
  else printWarning(message);
}

const define = <Args extends unknown[]>(data: ErrorData<Args>): ErrorData<Args> => data;

const list = (items: readonly string[]) => items.map((s) => `"${s}"`).join(', ');

/** ` Did you mean "a" or "b"?` with the known names closest to `name` as a message quotes data, or nothing. */
const closest = (name: string, known: Iterable<string>): string => didYouMean(name, known, shown);

// ---------------------------------------------------------------- datasets

/** `npm run pin` (scripts/pin.ts) named a post that is not there. */
export const PostNotFound = define({
  name: 'PostNotFound',
  title: 'No such post',
  message: () => 'There is no such post.',
  hint: "Name a post's Markdown file: npm run pin -- content/posts/<post>.md.",
});

/** `npm run pin` (scripts/pin.ts) named a post that reads no dataset. */
export const NothingToPin = define({
  name: 'NothingToPin',
  title: 'Nothing to pin',
  message: () => 'This post reads no dataset ("datasets" in its frontmatter), so there is nothing to pin.',
  hint: 'Pin a post that reads data (README, "Pinning").',
});

export const DatasetNotFound = define({
  name: 'DatasetNotFound',
  title: 'Unknown dataset',
  /** `dataDir`: the data folder as the message names it, when it is not the project's data/ (SOUNDINGS_DATA_DIR). */
  message: (id: string, known: readonly string[], dataDir = 'data/') =>
    `There is no dataset "${id}" in ${dataDir}${
      known.length
        ? `.${closest(id, known)} Known datasets: ${list(known)}.`
        : dataDir === 'data/'
          ? '.'
          : ', which holds none: is SOUNDINGS_DATA_DIR right?'
    }`,
  hint: 'Create data/<dataset>/manifest.yaml, or fix the name in the frontmatter.',
});

export const DatasetName = define({
  name: 'DatasetName',
  title: 'Dataset folder name a URL cannot hold',
  message: (dir: string) =>
    `The dataset folder ${dir} has "#", "?" or "%" in its name, which a page's address cannot hold as written (its page would be written under another name, or not at all).`,
  hint: 'Rename the folder with letters, digits, "-" and "_", and the datasets entries of the posts that name it.',
});

export const ManifestMissing = define({
  name: 'ManifestMissing',
  title: 'Dataset without a manifest',
  message: (dir: string) => `The dataset folder ${dir} has no manifest.yaml.`,
  hint: 'Add a manifest.yaml describing the data (see README, "Adding a dataset").',
});

export const ManifestInvalid = define({
  name: 'ManifestInvalid',
  title: 'Invalid manifest',
  message: (problem: string) => problem,
  hint: 'Fix the manifest (see README, "Adding a dataset").',
});

export const NoDataFiles = define({
  name: 'NoDataFiles',
  title: 'Dataset without data files',
  message: (pattern: string) => `No data file matches "${pattern}".`,
  hint: 'Add a .csv, .tsv, .json, .ndjson or .jsonl file beside the manifest, or fix its "files" pattern.',
});

export const NotUtf8 = define({
  name: 'NotUtf8',
  title: 'Not UTF-8',
  message: () =>
    'This line has bytes that are not UTF-8 (is the file in Windows-1252 or Latin-1?): read anyway, each accented letter would become "�", and a hashtag would end at it. The lines after it were not read or checked.',
  hint: 'Save the file as UTF-8 (in Excel: "CSV UTF-8"; or iconv -f WINDOWS-1252 -t UTF-8).',
});

export const CutInsideCharacter = define({
  name: 'CutInsideCharacter',
  title: 'A file that ends inside a character',
  message: () =>
    'The file ends inside a character: its last bytes begin a UTF-8 character (an accented letter, an emoji) that never ends, after a file that is UTF-8 up to there. Was it cut short: an export that failed, or a file still being copied?',
  hint: 'Export or copy the file again, whole.',
});

/**
 * A problem of a data file's last record (a CSV or TSV row, an NDJSON line), said again for a file whose last line has
 * no line end (cutShort.ts finds them): an export or download that stopped, or a copy not finished, leaves a file cut
 * in the middle of a row, which then has too few fields, an empty field, half a date ("2016-07-1") or a quote never
 * closed, and is refused as that row's problem alone. Exports mostly end their last line as they end the others, so
 * the missing line end is the sign; but a file some tools save, or a script writes, may lack it and be whole, so the
 * note asks, and the problem's own message and hint stay, which hold for a row bad as written. `line`: the file's last line, which a row with
 * a quoted field running over line ends starts above.
 *
 * A problem that says already that the file looks cut short, since its text ends inside something (a JSON value, a
 * quoted field), gets the note alone, as evidence: its hint says already what to do with a file cut short, and with
 * one whole (a quote never closed may be a stray one; a line that ends inside a JSON value is never whole). One that
 * says what the last bytes are (CutInsideCharacter), or that a cut cannot make (NotUtf8), is returned as it is.
 */
export function cutShort(e: SoundingsError, line: number): SoundingsError {
  if (e.name === CutInsideCharacter.name || e.name === NotUtf8.name) return e;
  const where =
    e.location?.line === line
      ? "This is the file's last line, and it has no line end"
      : `This row runs on to the file's last line, line ${line}, which has no line end`;
  const ends = e.name === JsonCutShort.name || e.name === QuoteNotClosed.name;
  const note = ends
    ? `${where}, as in a file cut short.`
    : `${where}: was the file cut short (an export or download that stopped, or a file still being copied)?`;
  const hint = ends
    ? e.hint
    : `${e.hint} If the file was cut short, export or download it again (or wait for the copy to finish); if not, end its last line with a line end.`;
  const noted = new SoundingsError({ name: e.name, title: e.title, hint }, `${e.detail} ${note}`, e.location);
  noted.others = e.others.map((other) => cutShort(other, line));
  return noted;
}

export const UnreadDataFile = define({
  name: 'UnreadDataFile',
  title: 'Data file not read',
  message: (pattern: string) =>
    `This file looks like data, but the manifest's "files" pattern "${pattern}" does not match it (names are case-sensitive), so its rows would be left out.`,
  hint: 'Rename it to match, widen "files" in manifest.yaml, or move it out of the folder (a sub-folder is never read).',
});

export const UnreadWorkbook = define({
  name: 'UnreadWorkbook',
  title: 'Spreadsheet workbook among the data',
  message: (extension: string) =>
    `This is a spreadsheet workbook (${extension}), which Soundings does not read, so its rows would be left out.`,
  hint: 'Open it and save it as "CSV UTF-8 (Comma delimited)" (or as tab-separated text, named .tsv) under a name the manifest\'s "files" pattern matches; then move the workbook into a sub-folder, which is never read, or remove it.',
});

export const UnreadTextFile = define({
  name: 'UnreadTextFile',
  title: 'Table saved as text not read',
  message: (pattern: string) =>
    `This .txt file looks like a table (tab-separated, or UTF-16 as Excel saves "Unicode Text"), but the manifest's "files" pattern "${pattern}" does not match it, and .txt is not a format Soundings reads, so its rows would be left out.`,
  hint: 'If it is data, rename it to a .tsv name that "files" matches (UTF-16 is read as it is); if not, move it into a sub-folder, which is never read.',
});

export const IdReused = define({
  name: 'IdReused',
  title: 'One id for two posts',
  /**
   * Located at the refused file's first such post. `first`: where the id was first read, when known; `file`: the
   * refused file, to say "of this file" rather than name it again; `times`: the two posts' times, when both records
   * were found again (reusedId.ts), for the user to tell which copy is right.
   */
  message: (id: string, more: number, first?: Location, file?: string, times?: { first: number; again: number }) =>
    `The id "${shown(id)}"${more > 0 ? ` and ${more.toLocaleString('en-GB')} more in this file` : ''} ${more > 0 ? 'were' : 'was'} already read for a post at another time (${firstRead(first, file)}${
      times ? `, for a post at ${isoSecond(times.first)}; this one is at ${isoSecond(times.again)}` : ''
    }), so these posts would be dropped as duplicates. Ids must name one post each: does this export number its rows (1, 2, 3… in each file) instead of giving the platform's post ids?`,
  hint: 'Map "id" to the column that holds the platform\'s post id, or make the ids unique.',
});

/** A post's time as messages show it: UTC, to the second unless it has milliseconds (2025-01-06T07:37:59Z). */
const isoSecond = (time: number): string => new Date(time).toISOString().replace('.000Z', 'Z');

/** Where an id was first read, as {@link IdReused} says it: "first read at line 12 of this file", "… at data/x/a.csv:12". */
function firstRead(first: Location | undefined, file: string | undefined): string {
  if (first === undefined) return 'earlier in this file or in an earlier one';
  if (first.line === undefined) return first.file === file ? 'earlier in this file' : `first read in ${first.file}`;
  return first.file === file ? `first read at line ${first.line} of this file` : `first read at ${first.file}:${first.line}`;
}

export const EmptyDataFile = define({
  name: 'EmptyDataFile',
  title: 'Empty data file',
  /**
   * `blank`: a file of blank lines only, or a byte order mark alone (Excel saving an empty sheet): a CSV or TSV file
   * (`lines` false) has no header either; an NDJSON file (`lines`) no record.
   */
  message: (blank = false, lines = false) =>
    blank
      ? `This file is empty: it holds only blank lines (or only a byte order mark), so it has ${lines ? 'no records (NDJSON holds one JSON value a line)' : 'no header and no rows'}. An export that failed, or a file still being copied?`
      : 'This file is empty (0 bytes): an export that failed, or a file still being copied?',
  hint: 'Export it again, or remove it.',
});

export const DataFileChanged = define({
  name: 'DataFileChanged',
  title: 'Data file changed while read',
  message: () => 'This file changed while it was read (its size or modification time is not what it was when reading began).',
  hint: 'A file still being copied or written? Run the build again once it is complete.',
});

/** How a compressed data file's message names its compressor, its first bytes, and the command that undoes it. */
const COMPRESSORS = {
  gzip: { name: 'gzip', bytes: '1F 8B', extension: 'gz', command: 'gunzip' },
  bzip2: { name: 'bzip2', bytes: '"BZh"', extension: 'bz2', command: 'bunzip2' },
  xz: { name: 'xz', bytes: 'FD "7zXZ"', extension: 'xz', command: 'unxz' },
  zstd: { name: 'Zstandard', bytes: '28 B5 2F FD', extension: 'zst', command: 'unzstd' },
} as const;

export const CompressedDataFile = define({
  name: 'CompressedDataFile',
  title: 'Compressed data file',
  /** `archive`: what the first bytes say; `name`: the file's name, for the command that decompresses it. */
  message: (archive: 'gzip' | 'bzip2' | 'xz' | 'zstd' | 'zip', name: string) =>
    archive === 'zip'
      ? `This file is a zip archive (it starts with "PK"), not text, so it cannot be read as it is: unzip it and drop in the data file it holds in its place.`
      : `This file is ${COMPRESSORS[archive].name}-compressed (it starts with ${COMPRESSORS[archive].name}'s bytes, ${COMPRESSORS[archive].bytes}), not text, so it cannot be read as it is: decompress it (mv ${name} ${name}.${COMPRESSORS[archive].extension} && ${COMPRESSORS[archive].command} ${name}.${COMPRESSORS[archive].extension}) and drop in the file that gives.`,
  hint: 'Soundings reads data files uncompressed, as exported; keep an archive out of the dataset folder (a sub-folder is never read).',
});

export const WorkbookDataFile = define({
  name: 'WorkbookDataFile',
  title: 'Spreadsheet workbook under a data file name',
  /** `workbook`: "XLSX", "XLS" or "ODS", as the first bytes say; `extension`: the name's. */
  message: (workbook: 'XLSX' | 'XLS' | 'ODS', extension: string) =>
    `This file is ${
      workbook === 'XLSX'
        ? 'an Excel workbook (XLSX)'
        : workbook === 'XLS'
          ? 'an Excel 97–2003 workbook (XLS)'
          : 'an OpenDocument spreadsheet (ODS)'
    }, not the text its ${extension} name says (a workbook renamed, or saved as the wrong type), so it cannot be read.`,
  hint: 'Open it and export it as "CSV UTF-8 (Comma delimited)" (or as tab-separated text, named .tsv) in its place.',
});

export const Utf16DataFile = define({
  name: 'Utf16DataFile',
  title: 'Data file in UTF-16',
  /** `csv`: the file is read as CSV or TSV (which is read in UTF-16LE with its mark); `name`: the file's, for iconv. */
  message: (bigEndian: boolean, mark: boolean, csv: boolean, name: string) =>
    `This file is UTF-16 ${bigEndian ? 'big-endian' : 'little-endian'}${mark ? '' : ' without a byte order mark'} (its first bytes say so), which Soundings does not read: ${
      csv
        ? 'CSV and TSV files are read as UTF-8, or as UTF-16 little-endian with its byte order mark (Excel\'s "Unicode Text")'
        : 'JSON and NDJSON files are read as UTF-8 only'
    }. Save it as UTF-8 (iconv -f UTF-16${mark ? '' : bigEndian ? 'BE' : 'LE'} -t UTF-8 ${name} > utf8-${name}, then put that in its place).`,
  hint: 'In Excel, save as "CSV UTF-8 (Comma delimited)"; in a text editor, save with the encoding "UTF-8".',
});

export const HeaderOnlyFile = define({
  name: 'HeaderOnlyFile',
  title: 'Data file without rows (warning)',
  message: () =>
    "This file has a header but no rows: a quiet week's export, or one whose query matched nothing by mistake (a wrong date range, a misspelt term)?",
  hint: "If nothing was posted in its period, keep it; otherwise check the export's query and export it again.",
});

export const AuthorByIdOnly = define({
  name: 'AuthorByIdOnly',
  title: 'Posts whose author is only an id (warning)',
  /**
   * `posts` of the dataset `dataset` name their author by an id (X API v2 `author_id`) that no page of it names in
   * `includes.users`: `accounts` ids, the first `first`. Located at the first such post.
   */
  message: (posts: number, dataset: string, accounts: number, first: string) =>
    `${posts.toLocaleString('en-GB')} ${posts === 1 ? 'post' : 'posts'} of ${shown(dataset)} ${posts === 1 ? 'names its' : 'name their'} author by id only (no page's includes.users has it): ${
      accounts === 1
        ? `the account "${shown(first)}" counts`
        : `${accounts.toLocaleString('en-GB')} accounts (the first "${shown(first)}") count`
    } by id, apart from any post that names ${accounts === 1 ? 'it' : 'them'} by username.`,
  hint: "Collect those pages again and request expansions=author_id, so that each page's includes.users names its posts' authors.",
});

export const PartReadAgain = define({
  name: 'PartReadAgain',
  title: 'Part of a file read again (warning)',
  /** `part`: the part's number, the file's first part being 1; `reason`: what stopped the thread reading it. */
  message: (part: number, reason: string) =>
    `The thread reading part ${part} of this file stopped (${reason}), so the thread that read the first part reads it too: the statistics are the same, but take longer.`,
  hint: 'Nothing in the data needs fixing; if every build says it, the reason in brackets says what the machine ran short of.',
});

export const RepeatedDataFile = define({
  name: 'RepeatedDataFile',
  title: 'The same data file twice',
  message: (first: string) =>
    `This file and ${first} have exactly the same contents, so each of their rows would be read twice (a copy such as "results (1).csv"?).`,
  hint: 'Remove one of the two.',
});

export const UnknownFormat = define({
  name: 'UnknownFormat',
  title: 'Unknown data format',
  message: (file: string) => `Cannot tell the format of ${file} from its extension.`,
  hint: 'Name it .csv, .tsv, .json or .ndjson, or set "format" in the manifest.',
});

export const NotJsonExport = define({
  name: 'NotJsonExport',
  title: 'Social export that is not JSON',
  message: (file: string, format: string) => `${file} is not JSON: a "${format}" export is read from .json, .ndjson or .jsonl files.`,
  hint: 'Keep the export as the platform gave it, with its JSON extension; or, for a CSV a tool made from it, leave "format" out and map its columns under "fields".',
});

export const XArchiveFile = define({
  name: 'XArchiveFile',
  title: 'X account archive file',
  message: () => 'This is a file of the X account archive ("window.YTD… = [ … ]"), a script rather than JSON.',
  hint: 'Read it with format: x-archive in manifest.yaml, beside the archive\'s account.js (README, "Social exports").',
});

export const NotArchiveFile = define({
  name: 'NotArchiveFile',
  title: 'Not a file of the X archive',
  message: (file: string) =>
    `${file} is not a file of X's account archive, which starts "window.YTD.tweets.part0 = [", so format: x-archive cannot read it.`,
  hint: 'Keep the archive\'s files as they were downloaded (data/tweets.js and data/account.js), or set "format" to what this file is.',
});

export const ArchiveNotTweets = define({
  name: 'ArchiveNotTweets',
  title: 'Archive file without tweets',
  message: (name: string) => `This file of the X archive holds its "${name}", not tweets or the account.`,
  hint: 'Leave it out of the dataset: "files" should match tweets.js (tweets-part1.js…) and account.js only, as it does by default.',
});

export const ArchiveWithoutAccount = define({
  name: 'ArchiveWithoutAccount',
  title: 'X archive without its account',
  message: (files: string) =>
    `The tweets of an X archive name no author; the archive names it in account.js, which this dataset does not read (files: "${files}").`,
  hint: 'Copy account.js from the archive\'s data folder beside tweets.js, and let "files" match it.',
});

export const TwoArchiveAccounts = define({
  name: 'TwoArchiveAccounts',
  title: 'Two accounts in one X archive dataset',
  message: (second: string, first: string, firstAt: string) =>
    `This account.js names @${second}, but ${firstAt} already named @${first}: every tweet of the dataset would be given one of them.`,
  hint: "Put each account's archive in a dataset of its own.",
});

/** X's two API exports, which are one platform's: a file of one in a dataset of the other is not another platform's. */
const X_FORMATS: readonly string[] = ['twitter-v1', 'twitter-v2'];

export const WrongSocialFormat = define({
  name: 'WrongSocialFormat',
  title: 'Export in another format',
  /**
   * Decided: for X's v1.1 and v2 exports, not "put another platform's in a dataset of its own", which is not what they
   * are, nor "set format: …" alone, which would refuse the dataset's files of the format it names now. A dataset's
   * files share one format, so the two go in two datasets, which a post counts together (posts: [a, b]). "Set format"
   * stays as the other way out, for a dataset whose every file is of the other version (a manifest mistyped).
   */
  message: (given: string, detected: string, detectedName: string) =>
    X_FORMATS.includes(given) && X_FORMATS.includes(detected)
      ? `This file holds ${detectedName}, but the manifest says format: ${given}, so none of its records can be read. A dataset's files share one format, so X's v1.1 and v2 exports go in two datasets (one with format: twitter-v1, one with format: twitter-v2), which a post counts together with posts: [a, b].`
      : `This file holds ${detectedName}, but the manifest says format: ${given}, so none of its records can be read: set format: ${detected}.`,
  hint: 'Move the file into a dataset of its own whose manifest says its format, and name both under "posts" in the post (README, "Writing a post"); or, if every file of this dataset is of that format, set it in manifest.yaml.',
});

export const MalformedCsv = define({
  name: 'MalformedCsv',
  title: 'Malformed CSV row',
  message: (reason: string) => reason,
  hint: 'Check the quoting and the number of separators on this line.',
});

export const QuoteNotClosed = define({
  name: 'QuoteNotClosed',
  title: 'Quote never closed',
  /**
   * `after`: the first and last lines after this one that hold anything, which the open quote swallowed. Either way
   * the quote runs to the end of the file, as in a file cut short: said as the empty file says it (EmptyDataFile).
   */
  message: (after?: { first: number; last: number }) =>
    after === undefined
      ? 'A quoted field is opened on this line but never closed: the file ends inside it, as a file cut short does (an export that failed, or a file still being copied?).'
      : `A quoted field is opened on this line but never closed, so ${
          after.first === after.last
            ? `line ${after.first}, to the end of the file, was`
            : `lines ${after.first}–${after.last}, to the end of the file, were`
        } read as part of it and not checked: a stray quote, or a file cut short (an export that failed, or a file still being copied?).`,
  hint: 'If the file is still being copied or written, wait for it to finish (or export it again) and check again; if it is whole, close the quote, or take out a stray one (a quote inside a quoted field must be doubled: "").',
});

export const MalformedJson = define({
  name: 'MalformedJson',
  title: 'Malformed JSON',
  message: (reason: string) => reason,
  hint: 'Fix the JSON syntax at this position.',
});

/** A JSON value as a message about its shape names it: its type, with the value, its length or its keys. */
export function jsonValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list (of ${value.length} ${value.length === 1 ? 'item' : 'items'})`;
  if (typeof value === 'string') return `the text "${shown(value)}"`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value} (a boolean)`;
  if (typeof value !== 'object') return String(value);
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const more = keys.length > 5 ? ` and ${keys.length - 5} more` : '';
  return `an object with the ${keys.length === 1 ? 'key' : 'keys'} ${list(keys.slice(0, 5).map(shown))}${more}`;
}

export const WrongJsonShape = define({
  name: 'WrongJsonShape',
  title: 'JSON of the wrong shape',
  /**
   * Valid JSON that does not hold records: `what` is the file's top-level value, its "data", or one record; `found`,
   * what is there ({@link jsonValue}).
   */
  message: (what: 'file' | 'data' | 'record', found: string) =>
    what === 'record'
      ? `This record is ${found}, but each record must be an object of named fields ({"name": value, …}): the JSON is valid, its shape is not one Soundings reads.`
      : `This file ${what === 'data' ? 'has a "data" that is' : 'holds'} ${found}, but it must hold a list of records ([{…}, {…}]), or an object whose "data" is one: the JSON is valid, its shape is not one Soundings reads.`,
  hint: 'Export the records as a JSON list of objects, one a record ([{"area": "Hartlepool", "leave": 32071}, …]), or as NDJSON, one object a line (see README, "Adding a dataset").',
});

export const JsonFieldType = define({
  name: 'JsonFieldType',
  title: 'JSON value of the wrong type',
  /** `expected`: what the column's type takes (cell.ts); `found`: the record's value ({@link jsonValue}). */
  message: (column: string, expected: string, found: string) => `"${column}" must be ${expected}, but this record's value is ${found}.`,
  hint: "Write the value as its column's type asks (a number, with or without quotes; text in double quotes; true or false), or fix the column's type or mapping in manifest.yaml.",
});

export const ExportFieldShape = define({
  name: 'ExportFieldShape',
  title: 'A social export field of the wrong shape',
  /** `field`: where in the post (`entities.hashtags`, `entities.hashtags[2]`); `expected`: its shape; `found`: {@link jsonValue}. */
  message: (field: string, expected: string, found: string) =>
    `"${shown(field)}" must be ${expected}, but this post's is ${found}: read as none, its hashtags would count for no campaign.`,
  hint: 'Check that the file is the export manifest.yaml\'s "format" names (see README, "Social exports"), or export the posts again: Soundings does not guess what a field of another shape means.',
});

export const JsonCutShort = define({
  name: 'JsonCutShort',
  title: 'JSON cut short',
  /**
   * `kind`, `opened`: the innermost object or list still open where the text ends, when known (a streamed file's
   * verifier does not say); `line`: the text is one line of an NDJSON file, which may be cut short alone.
   */
  message: (kind?: 'object' | 'list', opened?: { line: number; column: number }, line = false) => {
    const what = kind === undefined ? 'a JSON value' : kind === 'object' ? 'an object' : 'a list';
    const where =
      opened === undefined ? ' that is never closed' : line ? ` opened at column ${opened.column}` : ` opened at line ${opened.line}`;
    return line
      ? `This line ends inside ${what}${where}: a line cut short (an export that stopped in the middle of a record, or a file still being copied?).`
      : `The file ends inside ${what}${where}: a file cut short (an export that failed, or a file still being copied?).`;
  },
  hint: 'If the file is still being copied or written, wait for it to finish and check again; otherwise export it again.',
});

export const LargeJsonObject = define({
  name: 'LargeJsonObject',
  title: 'Large JSON export is an object',
  /** `size`: the file's, as megabytes.ts gives it ("48 MB"). */
  message: (size: string) =>
    `This ${size} social export is one JSON object; a file over 32 MB is read as a stream, which takes a JSON array of posts or of API pages, not an object whose list could be anywhere in it.`,
  hint: 'Export it as NDJSON (one post or page per line) or as a JSON array, or split it into files under 32 MB.',
});

export const MissingColumn = define({
  name: 'MissingColumn',
  title: 'Missing column',
  /** `inRecord`: a JSON record (whose keys are its own) rather than a CSV file's header. */
  message: (
    column: string,
    field: string,
    available: readonly string[],
    mappedAt?: Location,
    inRecord = false,
    noneMapped = false,
    headerLine?: number,
  ) =>
    `The manifest maps "${field}" to column "${column}"${mappedAt ? ` (${formatLocation(mappedAt)})` : ''}, which this ${
      inRecord ? 'record' : 'file'
    } does not have. Its ${inRecord ? 'keys' : 'columns'} are ${available.length ? `${list(available.map(shown))}.` : 'none.'}${closest(
      column,
      available,
    )}${
      noneMapped
        ? ` None of the mapped columns is there: if the header is further down (a title block above it), give its line in manifest.yaml${
            headerLine !== undefined && headerLine > 1 ? ` (headerLine is ${headerLine} now)` : ', e.g. headerLine: 7'
          }.`
        : ''
    }`,
  hint: 'Rename the column in the file, or fix the mapping under "fields" or "columns" in manifest.yaml.',
});

export const DuplicateHeader = define({
  name: 'DuplicateHeader',
  title: 'Column name given twice',
  /** `first`, `second`: the columns' positions in the header, from 1, as a spreadsheet counts them. */
  message: (name: string, first: number, second: number) =>
    `The header names "${shown(name)}" twice, as columns ${first} and ${second}, so which one the manifest means cannot be told (the last would be read, and the other left out without a word).`,
  hint: 'Rename one of the two in the header, or delete the column that is a copy of the other.',
});

export const HeaderLineMissing = define({
  name: 'HeaderLineMissing',
  title: 'Header line past the end of the file',
  message: (headerLine: number, lines: number) =>
    `The manifest's headerLine is ${headerLine}, but this file has ${lines} line${lines === 1 ? '' : 's'}, so it has no header and no rows.`,
  hint: 'Set headerLine to the line the column names are on, or leave it out when they are on the first line.',
});

export const HeaderAboveHeaderLine = define({
  name: 'HeaderAboveHeaderLine',
  title: 'Header above the header line',
  /**
   * Located at the line read as the header. `found`: that line's fields; `at`: the line above it holding the mapped
   * `columns`; `setAt`: where the manifest sets headerLine.
   */
  message: (headerLine: number, found: readonly string[], at: number, columns: readonly string[], setAt?: Location) =>
    `The manifest's headerLine is ${headerLine}${setAt ? ` (${formatLocation(setAt)})` : ''}, so the header was expected on line ${headerLine}, but that line holds ${list(
      found.map(shown),
    )}, none of them a mapped column; the column names ${list(columns.map(shown))} are on line ${at}${
      at === 1
        ? ', the first: this file has no title block above its header'
        : `: this file's title block is ${at - 1} line${at === 2 ? '' : 's'}`
    }.`,
  hint: 'headerLine applies to every file the "files" pattern matches: set it to the line the column names are on (leave it out when that is the first line), or, when some files have a title block and others none, export them alike or keep them in separate datasets.',
});

export const WrongSeparator = define({
  name: 'WrongSeparator',
  title: 'Wrong separator',
  /** `delimiter`: the manifest's, when it names one. */
  message: (header: string, separator: string, delimiter?: string) =>
    `The header is one column, "${shown(header)}": is the file separated by "${separator}"? ${
      delimiter === undefined
        ? 'A .csv file is read with commas, a .tsv file with tabs, unless the manifest says otherwise.'
        : `The manifest says delimiter: ${JSON.stringify(delimiter)}.`
    }`,
  hint: `Say so in manifest.yaml: delimiter: ";" (or "|", or "\\t" for tabs); or export it again with commas (in Excel: "CSV UTF-8 (Comma delimited)").`,
});

/** How a message names a separator: "comma-separated", "semicolon-separated". */
const SEPARATOR_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

export const OtherDelimiter = define({
  name: 'OtherDelimiter',
  title: 'File separated by another delimiter',
  /**
   * Located at the header. `header`: the header read as one column; `separator`: the other common delimiter that
   * splits it into names among which are the mapped `columns`; `delimiter`: the manifest's, when it names one;
   * `extension`: the file's, which says the delimiter otherwise.
   */
  message: (header: string, separator: string, columns: readonly string[], delimiter: string | undefined, extension: string) =>
    `This file looks ${SEPARATOR_NAMES[separator] ?? JSON.stringify(separator)}-separated; ${
      delimiter === undefined
        ? `a ${extension} file is read with ${extension === '.tsv' ? 'tabs' : 'commas'}, as the manifest names no delimiter`
        : `the manifest says delimiter: ${JSON.stringify(delimiter)}`
    }. So its header was read as one column, "${shown(header)}", which splits at each ${JSON.stringify(separator)} into names that include the mapped ${
      columns.length === 1 ? 'column' : 'columns'
    } ${list(columns.map(shown))}.`,
  hint: 'A dataset\'s files share one delimiter: if every file is separated so, say it in manifest.yaml (delimiter: ";", "|" or "\\t" for tabs; leave it out for commas in .csv files, tabs in .tsv files); if only this one is, export it again as the others are, or keep it in a dataset of its own.',
});

/**
 * The problems of a whole file that every file of a dataset can share, said alike of each: a manifest's `format` that
 * is not its files' (WrongSocialFormat) refuses each of a dataset's thirteen weekly exports. A check (scripts/check.ts)
 * shows the first and counts the rest ("…and 12 more files like it"), as it folds the rows of one file that fail alike.
 * Decided: only these, not any problem that two files share: a bad row of each of two files is two places to fix,
 * which a count would hide.
 */
export const FILE_PROBLEMS: readonly string[] = [
  WrongSocialFormat.name,
  NotJsonExport.name,
  XArchiveFile.name,
  UnreadDataFile.name,
  EmptyDataFile.name,
  WrongSeparator.name,
  OtherDelimiter.name,
];

export const AfterCollection = define({
  name: 'AfterCollection',
  title: 'Post dated after its collection',
  message: (column: string, got: string, collected: string, at?: Location) =>
    `"${column}" is ${shown(got)}, after the day the manifest says the data was collected (collected: ${collected}${
      at ? `, ${formatLocation(at)}` : ''
    }): a mistyped date, or an export dropped in without updating "collected"?`,
  hint: 'Fix the date, or set "collected" in manifest.yaml to the day this export was made.',
});

export const BeforeEarliestPost = define({
  name: 'BeforeEarliestPost',
  title: 'Post dated before any platform',
  /** `earliest`: the day before which no post is taken (collection.ts), YYYY-MM-DD. */
  message: (column: string, got: string, earliest: string) =>
    `"${column}" is ${shown(got)}, before ${earliest}, the earliest day a post may have: 1970-01-01 (the Unix epoch, a time of 0) and 0001-01-01 are how a missing time is written, and one post that early would stretch the weekly series, its chart and its table over decades.`,
  hint: 'Fix the time from the platform (export the post again), or remove the row: a post without its time cannot be placed in a week.',
});

export const IdStrMissing = define({
  name: 'IdStrMissing',
  title: 'Tweet without its id_str',
  /**
   * A v1.1 tweet (or the tweet it retweets) without `id_str`: missing, not empty, so not MissingValue's "is empty".
   * `field`: "id_str" or "retweeted_status.id_str"; `numeric`: whether the record has the numeric `id` (located at it
   * then), which cannot stand in for it.
   */
  message: (field: string, numeric: boolean) =>
    `This ${field === 'id_str' ? 'tweet' : "retweet's original tweet"} has no "${field}"${
      numeric ? ', only the numeric "id"' : ''
    }: v1.1 ids are read from "id_str", since the numeric "id" is rounded by JSON readers (a tweet's since late 2010 is past 2^53, 9,007,199,254,740,992), so two tweets could be read as one.`,
  hint: 'Export the tweets with "id_str", as the v1.1 API gives it (a tool that writes the JSON again may drop it); if a tool of your own wrote the file, have it keep "id_str".',
});

export const MissingValue = define({
  name: 'MissingValue',
  title: 'Missing value',
  message: (column: string) => `"${column}" is empty.`,
  hint: 'Fill it in or remove the row.',
});

/** How a posts dataset could read its export's own times (BadDate): the manifest's `time` with a format. */
export interface TimeFormatAdvice {
  /** A format that reads the time refused, guessed from its shape; `monthFirst`, when the month may come first. */
  format?: string | undefined;
  monthFirst?: string | undefined;
  /** Where the manifest maps "time". */
  mappedAt?: Location | undefined;
  /** The zone the manifest already names for the times, if any. */
  zone?: string | undefined;
}

/** What a posts dataset's time format reads (BadDate), for a time it does not read at all. */
export interface TimeFormatHelp {
  format: string;
  /** A time written in the format (cell.ts, timeInFormat). */
  example: string;
  /** Where the manifest sets the format. */
  setAt?: Location | undefined;
  /** The zone the manifest names for the times, if any. */
  zone?: string | undefined;
  /** Whether the time refused is ISO 8601, which is read without a format. */
  iso?: boolean;
}

/**
 * What a format's offsets and zone mean: %Z reads an offset (d3-time-format's parseZone: "Z", or ± two digits with two
 * more, after a colon or not), never a name; a time without one is UTC or the manifest's zone's clock time. %s and %Q
 * are instants, with no zone to say.
 */
const formatZone = (help: TimeFormatHelp) =>
  help.format.includes('%Z')
    ? ': %Z is an offset from UTC, written "Z", "+01:00", "+0100" or "-05", not a zone\'s name such as CET or GMT+1, which d3-time-format does not read (export the times with their offsets, or in UTC)'
    : /%[sQ]/.test(help.format)
      ? ''
      : help.zone === undefined
        ? ', with no offset: a time written so is read as UTC, unless zone: names whose clock time it is (zone: Europe/London, say)'
        : `, with no offset: a time written so is read as the clock time in ${help.zone}, the manifest's zone`;

/**
 * For a time its format reads but the calendar has not (month 13), which the format with day and month the other way
 * round reads (BadDate): most often a file that writes every date so, in a format read the wrong way round.
 */
export interface TimeFormatSwap {
  /** The manifest's format with %d and %m swapped. */
  swapped: string;
  /** The time that reads, ISO 8601. */
  reads: string;
  /** Where the manifest sets the format. */
  setAt?: Location | undefined;
}

/**
 * Where the manifest sets the format (BadDate), for a time the format reads that does not exist (30 February, which d3
 * would roll over to 1 March) or whose names disagree with its numbers, and which the format with day and month the
 * other way round does not read either.
 */
export interface TimeFormatSet {
  /** Where the manifest sets the format. */
  setAt: Location | undefined;
}

const yamlScalar = (text: string) => (/^[A-Za-z_][\w.-]*$/.test(text) ? text : JSON.stringify(text));

/** ` Read as "%d/%m/%Y", the day before the month, it is 2016-07-13T00:00:00Z: …` (BadDate). */
const swapText = (advice: TimeFormatSwap) =>
  ` Read as "${advice.swapped}", ${
    advice.swapped.search(/%[de]/) < advice.swapped.indexOf('%m') ? 'the day before the month' : 'the month before the day'
  }, it is ${advice.reads}: if the export writes every date so, that is the format the manifest must give${
    advice.setAt ? ` (${formatLocation(advice.setAt)})` : ''
  }; see README, "Adding a dataset".`;

/** ` The manifest sets the format (…), in which a time reads like "15/07/2016 16:04 +01:00": …` (BadDate). */
const formatHelpText = (advice: TimeFormatHelp) =>
  ` The manifest sets the format${advice.setAt ? ` (${formatLocation(advice.setAt)})` : ''}, in which a time reads like "${shown(advice.example)}"${formatZone(advice)}. ${
    advice.iso
      ? 'This one is an ISO 8601 time, which is read without a format: if the export writes every time so, leave "format" out'
      : 'If the export writes every time another way, change the format to match'
  }; see README, "Adding a dataset".`;

/** ` The manifest sets the format (…): if the export writes every time another way, change it to match; …` (BadDate). */
const formatSetText = (advice: TimeFormatSet) =>
  ` The manifest sets the format${advice.setAt ? ` (${formatLocation(advice.setAt)})` : ''}: if the export writes every time another way, change it to match; see README, "Adding a dataset".`;

/** ` If the export writes every time so, say so where the manifest maps "time" (…): time: { … }` (BadDate). */
const formatAdviceText = (column: string, advice: TimeFormatAdvice) =>
  ` If the export writes every time so, say so where the manifest maps "time"${
    advice.mappedAt ? ` (${formatLocation(advice.mappedAt)})` : ''
  }, and it reads them all as they are: time: { column: ${yamlScalar(column)}, format: "${advice.format ?? '…'}"${advice.zone === undefined ? '' : `, zone: ${advice.zone}`} }${
    advice.format === undefined ? ' (a d3-time-format specifier, such as "%d/%m/%Y %H:%M")' : ''
  }${advice.monthFirst ? ` ("${advice.monthFirst}" if the month comes first)` : ''}${
    advice.zone === undefined ? ', adding zone: Europe/London (say) unless they are UTC' : ''
  }; see README, "Adding a dataset".`;

export const BadDate = define({
  name: 'BadDate',
  title: 'Invalid date',
  /**
   * `advice`: for a posts dataset's time read without a format, how the manifest can read the export's own; for one
   * its format does not read, what the format reads and where it is set; for one its format reads but the calendar
   * has not, the format with day and month swapped, when that reads it, and where the format is set otherwise.
   */
  message: (column: string, got: string, expected: string, advice?: TimeFormatAdvice | TimeFormatHelp | TimeFormatSwap | TimeFormatSet) =>
    `"${column}" must be ${expected}, got "${shown(got)}".${
      advice === undefined
        ? ''
        : 'swapped' in advice
          ? swapText(advice)
          : 'example' in advice
            ? formatHelpText(advice)
            : 'setAt' in advice
              ? formatSetText(advice)
              : formatAdviceText(column, advice)
    }`,
  hint: 'Fix or remove the row.',
});

export const BadNumber = define({
  name: 'BadNumber',
  title: 'Invalid number',
  message: (column: string, got: string, type: string) =>
    `"${column}" must be ${type === 'integer' ? 'a whole number' : 'a number'}, got "${shown(got)}".`,
  hint: 'Write plain digits with no thousands separators: an integer column takes 2503 (or 2503.0), a number column also 2503.5 or 2.5e3. Declare the column "number" if it holds fractions, or remove the row.',
});

export const DecimalComma = define({
  name: 'DecimalComma',
  title: 'Number with a decimal comma',
  message: (column: string, got: string, type: string) =>
    `"${column}" must be ${type === 'integer' ? 'a whole number' : 'a number'}, got "${shown(got)}", which is written with a decimal comma (as a spreadsheet writes numbers in French, German or Spanish settings). Soundings reads only a decimal point, since a comma also separates thousands ("1,234" is 1234 in English).${
      type === 'integer' ? ' Declare the column "number" in manifest.yaml, as it holds fractions.' : ''
    }`,
  hint: 'Export the file again with "." as the decimal separator and no thousands separator (in Excel: File › Options › Advanced, untick "Use system separators" and set "Decimal separator" to "."; then save as "CSV UTF-8"), or replace the commas in this column with points.',
});

export const InexactNumber = define({
  name: 'InexactNumber',
  title: 'Number too long to read exactly',
  message: (column: string, got: string) =>
    `"${column}" reads as ${shown(got)}: a number too long to be read exactly (numbers past 9,007,199,254,740,991 are rounded as the file is read, and a spreadsheet shows them as 7.53289E+17), so two ids can become one.`,
  hint: 'Write it as text: in JSON as a string ("id": "753289326347673601"; Twitter exports have id_str), and in CSV as the full digits, not re-saved from a spreadsheet.',
});

export const BadText = define({
  name: 'BadText',
  title: 'Invalid text',
  message: (column: string, got: string) => `"${column}" must be text, got ${shown(got)}.`,
  hint: 'Give it a plain string value, or map another field.',
});

export const BadBoolean = define({
  name: 'BadBoolean',
  title: 'Invalid boolean',
  message: (column: string, got: string) => `"${column}" must be true or false, got "${shown(got)}".`,
  hint: 'Fix or remove the row.',
});

export const DuplicateAccount = define({
  name: 'DuplicateAccount',
  title: 'Duplicate account id',
  message: (id: string, first: string) => `The account id "${shown(id)}" was already used at ${first}.`,
  hint: 'Give each account row a unique id.',
});

// ---------------------------------------------------------------- posts

export const FrontmatterInvalid = define({
  name: 'FrontmatterInvalid',
  title: 'Invalid frontmatter',
  message: (problem: string) => problem,
  hint: 'Fix the frontmatter (see README, "Writing a post").',
});

/**
 * What is wrong with the posts datasets a post counts its campaigns on (its `posts`, README "Writing a post"), as
 * analysePost finds it once the datasets are loaded (a dataset's kind is its manifest's): said at the list's item
 * (`posts: [bsky, masto]`), at `posts` when it is one alias or an empty list, or at `datasets` or `campaigns` when
 * `posts` is not written. `aliases` are the post's posts datasets' aliases.
 */
export type PostsProblem =
  | { problem: 'none' }
  | { problem: 'several'; aliases: readonly string[] }
  | { problem: 'empty'; aliases: readonly string[] }
  | { problem: 'unknown'; alias: string; aliases: readonly string[] }
  | { problem: 'notPosts'; alias: string; kind: string; id: string; aliases: readonly string[] }
  | { problem: 'twice'; alias: string; first: number };

/** The two ways of writing `posts`, with this post's own posts datasets' aliases: `posts: a`, `posts: [a, b]`. */
const postsWays = (aliases: readonly string[]) => {
  const [a = 'tweets'] = aliases;
  const several = aliases.length >= 2;
  return `name one alias (posts: ${a}), or list ${several ? 'them' : 'several'} to count their posts together, as one dataset (posts: [${several ? aliases.join(', ') : `${a}, …`}])`;
};

export const PostsDatasetsInvalid = define({
  name: 'PostsDatasetsInvalid',
  title: 'Invalid posts datasets',
  message: (p: PostsProblem) => {
    const known = (aliases: readonly string[]) =>
      aliases.length === 0 ? 'it has none under "datasets"' : `its posts datasets are ${list(aliases)}`;
    switch (p.problem) {
      case 'none':
        return 'Campaigns need a posts dataset under "datasets".';
      case 'several':
        return `This post has several posts datasets (${list(p.aliases)}) and no "posts" saying which its campaigns are counted on: ${postsWays(p.aliases)}.`;
      case 'empty':
        return p.aliases.length === 0
          ? '"posts" is an empty list, and this post has no posts dataset under "datasets" to count campaigns on.'
          : `"posts" is an empty list, so no campaign can be counted: ${postsWays(p.aliases)}.`;
      case 'unknown':
        return `"${p.alias}" is not a posts dataset alias of this post: ${known(p.aliases)}.${closest(p.alias, p.aliases)}`;
      case 'notPosts':
        return `"${p.alias}" is not a posts dataset alias of this post: it reads ${p.kind === 'accounts' ? 'an accounts' : 'a table'} dataset (${p.id}), which has no posts to count campaigns on; ${known(p.aliases)}.`;
      case 'twice':
        return `"${p.alias}" is listed twice in "posts" (it is item ${p.first + 1} too): a dataset's posts are counted once. Remove this one.`;
    }
  },
  hint: 'Name under "posts" the alias of a posts dataset under "datasets", or a list of them (see README, "Writing a post").',
});

/** One of the posts datasets a post counts together, as {@link PostIdInTwoDatasets} names it: its folder, its alias, the post's time. */
export interface PostIn {
  dataset: string;
  alias: string;
  time: number;
}

export const PostIdInTwoDatasets = define({
  name: 'PostIdInTwoDatasets',
  title: 'One id for two posts in two datasets',
  /**
   * Located at the alias of the dataset listed later under `posts`. `more`: further ids of that dataset that name
   * another post in an earlier one.
   */
  message: (id: string, first: PostIn, again: PostIn, more: number) => {
    const at = (p: PostIn) => `${new Date(p.time).toISOString().replace('.000Z', 'Z')} in ${p.dataset} ("${p.alias}")`;
    const others = more > 0 ? ` (and ${more.toLocaleString('en-GB')} more ${more === 1 ? 'id' : 'ids'} of ${again.dataset} likewise)` : '';
    return `The id "${shown(id)}" names a post at ${at(first)} and one at ${at(again)}${others}: the same id at times more than a second apart, so counting the datasets together would drop one as a duplicate of the other. Either the ids are not the platform's (a tool numbering its own rows), or one export's times are off (read in the wrong zone).`;
  },
  hint: `Map "id" to the platform's post id in the manifest of the export that numbers its rows, or fix the "time" (its "format" or "zone") of the one that is off; to count the datasets apart instead, name one alias under "posts".`,
});

export const UnknownKey = define({
  name: 'UnknownKey',
  title: 'Unknown value key',
  message: (key: string, nearest: readonly string[]) =>
    `There is no value "${key}".${nearest.length ? ` Did you mean ${list(nearest)}?` : ''}`,
  hint: 'Use a key listed in README, "Directives", or define it under "values" in the frontmatter.',
});

export const UnknownFormatName = define({
  name: 'UnknownFormatName',
  title: 'Unknown number format',
  message: (format: string, known: readonly string[]) =>
    `"${format}" is neither a house format (${list(known)}) nor a d3-format specifier.`,
  hint: 'Pick one of the house formats or a valid d3-format specifier such as ".2f".',
});

export const FormatMismatch = define({
  name: 'FormatMismatch',
  title: 'Format does not fit the value',
  message: (key: string, format: string, type: string) => `The format "${format}" cannot show "${key}", which is a ${type}.`,
  hint: 'Choose a format that fits the value, or leave "format" out to use its default.',
});

export const DirectiveInvalid = define({
  name: 'DirectiveInvalid',
  title: 'Invalid directive',
  message: (name: string, problem: string) => `::${name}: ${problem}`,
  hint: 'See README, "Directives", for its attributes.',
});

export const ValueInvalid = define({
  name: 'ValueInvalid',
  title: 'Invalid value definition',
  message: (name: string, problem: string) => `The value "${name}" ${problem}`,
  hint: 'Fix its definition under "values" in the frontmatter.',
});

export const TableInvalid = define({
  name: 'TableInvalid',
  title: 'Invalid table definition',
  message: (name: string, problem: string) => `The table "${name}" ${problem}`,
  hint: 'Fix its definition under "tables" in the frontmatter.',
});

export const UnknownTable = define({
  name: 'UnknownTable',
  title: 'Unknown chart data',
  /** `posts`: `name` is a posts dataset's alias, which is drawn through the computed tables, not row by row. */
  message: (name: string, known: readonly string[], posts = false) =>
    posts
      ? `"${name}" is a posts dataset, which is shown through the computed tables "weekly" and "share-of-voice" (and word clouds), not row by row. Known tables: ${list(known)}.`
      : `There is no table "${name}" to chart. Known tables: ${list(known)}.`,
  hint: 'Name a computed table, or the alias of an accounts or table dataset, in data="…".',
});

export const UnknownSpec = define({
  name: 'UnknownSpec',
  title: 'Unknown chart spec',
  message: (spec: string, builtins: readonly string[]) =>
    `"${spec}" is neither a built-in chart (${list(builtins)}) nor a .vl.json file beside the post.`,
  hint: 'Use a built-in name, or a path such as ./my-chart.vl.json relative to the post.',
});

export const ChartSpecJson = define({
  name: 'ChartSpecJson',
  title: 'Chart spec is not valid JSON',
  /** `directive`: where the ::chart that draws it is (post.md:12:1); `reason`: what the JSON parser expected here. */
  message: (reason: string, directive: string) =>
    `This chart spec, which the ::chart at ${directive} draws, is not valid JSON: ${reason.replace(/\.$/, '')}.`,
  hint: 'Fix the JSON at this line and column: a comma between entries and none after the last, names and text in double quotes, no comments (see README, "Directives").',
});

export const ChartFailed = define({
  name: 'ChartFailed',
  title: 'Chart failed to render',
  message: (reason: string) => `vega-lite could not render the chart: ${reason}`,
  hint: "Check that the spec's fields exist in the chart's data table.",
});

export const ValueUndefined = define({
  name: 'ValueUndefined',
  title: 'Value not defined for this data',
  message: (key: string, definition: string) =>
    `"${key}" cannot be computed from this data (${definition.replace(/\.$/, '')}): there is nothing to divide by, or no rows.`,
  hint: 'Check the data it reads, or remove it from the post.',
});

/** `written`: the directive's colons and name as the post writes them ("::graph", ":vlaue"). */
export const UnknownDirective = define({
  name: 'UnknownDirective',
  title: 'Unknown directive',
  message: (written: string, known: readonly string[]) =>
    `There is no directive "${written}". Known directives: ${list(known)}.${closest(written.replace(/^:+/, ''), known)}`,
  hint: 'Fix the name, or write the colons as "\\:" if they are meant as text.',
});

/** `written`: as {@link UnknownDirective}'s; `reason`: a clause saying what remark-directive could not read. */
export const MalformedDirective = define({
  name: 'MalformedDirective',
  title: 'Directive not read',
  message: (written: string, reason: string) =>
    `This "${written}" is not read as a directive, so the page would print it as text: ${reason}.`,
  hint: 'A directive is written ::name[label]{key=value key="two words"} alone on its line, or :name[label]{…} in a sentence; write the colons as "\\:" if they are meant as text.',
});

// ---------------------------------------------------------------- word clouds

export const FontMissing = define({
  name: 'FontMissing',
  title: 'Word-cloud font missing',
  message: (path: string, reason: string) => `The word-cloud font ${path} cannot be read (${reason}).`,
  hint: 'Restore it from node_modules/@fontsource/source-sans-3/files/ (see README, "Word clouds"); clouds are measured with the file the site serves.',
});

export const UnknownCampaign = define({
  name: 'UnknownCampaign',
  title: 'Unknown campaign',
  message: (id: string, known: readonly string[]) =>
    `There is no campaign "${id}" in this post.${known.length ? ` Its campaigns are ${list(known)}.` : ' It defines no campaigns.'}`,
  hint: 'Use the id of a campaign listed under "campaigns" in the frontmatter.',
});

export const TopWordsDropped = define({
  name: 'TopWordsDropped',
  title: 'Word cloud lost a top word',
  /** `shape`: the cloud's; a rectangle is suggested only when it is another. */
  message: (name: string, words: readonly string[], top: number, shape = 'rectangle') =>
    `::${name}: ${list(words.map(shown))} ${words.length === 1 ? 'is one of' : 'are among'} the ${top} largest words but did not fit in the cloud.${
      shape === 'rectangle' ? '' : ` A rectangle holds more words than ${shape === 'ellipse' ? 'an ellipse' : 'a bubble'}: shape=rectangle.`
    }`,
  hint: 'Make the cloud larger (width, height), ask for fewer words, or leave the word out with exclude="…".',
});

/** A word too long for its cloud at the smallest size, as {@link TopWordsTooLong} and {@link WordsTooLong} describe it. */
export interface TooLongWord {
  /** The term as drawn, which is how exclude="…" names it. */
  text: string;
  /** Its length at the smallest size, with the space kept around it, px. */
  length: number;
  /** What it had to fit in ("the cloud", "the middle column") and how wide that is, px. */
  where: string;
  room: number;
  /** The width="…" from which it fits, when one up to the largest does; else how wide `where` is at the largest. */
  width?: number | undefined;
  widest: number;
}

/** Longer words than this are quoted cut in exclude="…" too, with their length: a message is no place for a 200 KB cell. */
const EXCLUDE_SHOWN = 1000;

/** `exclude="a, b"` for these words, or, when one is too long to quote, `exclude="…" naming them in full ("a…" has 1200 characters)`. */
function excludeOf(texts: readonly string[]): string {
  return texts.some((t) => t.length > EXCLUDE_SHOWN)
    ? `exclude="…" naming ${texts.length === 1 ? 'it' : 'them'} in full (${texts.map((t) => `"${shown(t)}" has ${t.length} characters`).join(', ')})`
    : `exclude="${texts.join(', ')}"`;
}

/** `: at 10 px, the smallest size, it is 632 px long, and the cloud is 600 px wide. Set width=…, or leave it out with exclude="x".` */
function tooLong(words: readonly TooLongWord[], minFont: number, maxWidth: number): string {
  const one = words.length === 1;
  const size = `at ${minFont} px, ${minFont <= 10 ? 'the smallest size' : 'its min-font'}`;
  const each = words.map(
    (w) =>
      `${one ? 'it' : `"${shown(w.text)}"`} is ${w.length} px long, and ${w.where} is ${w.room} px wide${
        w.width !== undefined || w.room >= w.widest
          ? ''
          : w.where === 'the cloud'
            ? ` (${maxWidth} at most)`
            : ` (${w.widest} px at width=${maxWidth}, the largest)`
      }`,
  );
  const exclude = excludeOf(words.map((w) => w.text));
  const lost = words.filter((w) => w.width === undefined);
  const fix =
    lost.length === 0
      ? `Set width=${Math.max(...words.map((w) => w.width ?? 0))} or more, or leave ${one ? 'it' : 'them'} out with ${exclude}.`
      : `No width up to ${maxWidth} gives ${one ? 'it' : list(lost.map((w) => shown(w.text)))} room${minFont > 10 ? ` at min-font=${minFont}` : ''}: leave ${
          one ? 'it' : 'them'
        } out with ${exclude}.`;
  return `: ${size}, ${each.join('; ')}. ${fix}`;
}

export const TopWordsTooLong = define({
  name: 'TopWordsTooLong',
  title: 'Word cloud top word too long',
  message: (name: string, words: readonly TooLongWord[], top: number, minFont: number, maxWidth: number) =>
    `::${name}: ${list(words.map((w) => shown(w.text)))} ${words.length === 1 ? 'is one of' : 'are among'} the ${top} largest words but ${
      words.length === 1 ? 'is' : 'are'
    } too long to fit${tooLong(words, minFont, maxWidth)}`,
  hint: 'A word is never cut, nor drawn smaller than min-font (see README, "Word clouds").',
});

/** A word the cloud's font has no glyphs for, as {@link TopWordsNoGlyph} and {@link WordsNoGlyph} describe it. */
export interface NoGlyphWord {
  /** The term as drawn, which is how exclude="…" names it. */
  text: string;
  /** The scripts of the characters the font lacks ("Hebrew"; "Han", "Hiragana"), or undefined when one cannot be told. */
  scripts?: readonly string[] | undefined;
}

/** `its Hebrew characters`, `their Arabic, Hebrew and other characters`, or `some of its characters` when no script is known. */
function missingCharacters(words: readonly NoGlyphWord[]): string {
  const its = words.length === 1 ? 'its' : 'their';
  const known = [...new Set(words.flatMap((w) => w.scripts ?? []))];
  if (known.length === 0) return `some of ${its} characters`;
  return `${its} ${joinNames(words.some((w) => w.scripts === undefined) ? [...known, 'other'] : known)} characters`;
}

/** Neither a larger cloud nor fewer words give a word glyphs: only exclude="…" helps. */
const NO_GLYPH_HINT =
  'A larger cloud or fewer words do not help: the font draws Latin, Greek and Cyrillic letters only (see README, "Word clouds").';

export const TopWordsNoGlyph = define({
  name: 'TopWordsNoGlyph',
  title: "Word cloud top word without glyphs in the cloud's font",
  message: (name: string, words: readonly NoGlyphWord[], top: number, font: string) =>
    `::${name}: ${list(words.map((w) => shown(w.text)))} ${words.length === 1 ? 'is one of' : 'are among'} the ${top} largest words, but the cloud's font, ${font}, has no glyphs for ${missingCharacters(
      words,
    )}. Leave ${words.length === 1 ? 'it' : 'them'} out of the cloud and its table with ${excludeOf(words.map((w) => w.text))}.`,
  hint: NO_GLYPH_HINT,
});

export const WordsNoGlyph = define({
  name: 'WordsNoGlyph',
  title: "Word cloud words without glyphs in the cloud's font",
  message: (name: string, words: readonly NoGlyphWord[], font: string) =>
    `::${name}: ${words.length} ${words.length === 1 ? 'word is' : 'words are'} only in the table, as the cloud's font, ${font}, has no glyphs for ${missingCharacters(
      words,
    )}: ${list(words.map((w) => shown(w.text)))}. Leave ${words.length === 1 ? 'it' : 'them'} out of the table too with ${excludeOf(words.map((w) => w.text))}.`,
  hint: NO_GLYPH_HINT,
});

export const WordsTooLong = define({
  name: 'WordsTooLong',
  title: 'Word cloud word too long',
  message: (name: string, words: readonly TooLongWord[], minFont: number, maxWidth: number) =>
    `::${name}: ${list(words.map((w) => shown(w.text)))} ${words.length === 1 ? 'is' : 'are'} too long to fit and only in the table${tooLong(
      words,
      minFont,
      maxWidth,
    )}`,
  hint: 'A word is never cut, nor drawn smaller than min-font (see README, "Word clouds").',
});

export const AccentVariants = define({
  name: 'AccentVariants',
  title: "Hashtags that differ from a campaign's only by accents",
  message: (label: string, variants: readonly { spelling: string; listed: string; posts: number }[]) =>
    `${variants
      .map(
        (v) =>
          `#${shown(v.spelling)} (${v.posts.toLocaleString('en-GB')} ${v.posts === 1 ? 'post' : 'posts'}) differs from #${shown(v.listed)}`,
      )
      .join('; ')} only by accents, so ${variants.length === 1 ? 'it is' : 'they are'} not counted for ${shown(label)}.`,
  hint: 'If the same campaign, add the spelling to its "hashtags"; campaigns match hashtags exactly apart from case.',
});

export const UnusedHashtag = define({
  name: 'UnusedHashtag',
  title: 'A campaign hashtag no post uses',
  /** `near`: the posts' hashtags spelt closest to it, as they write them. */
  message: (listed: string, label: string, near: readonly string[] = []) =>
    `No post uses #${shown(listed)}, which ${shown(label)} lists beside hashtags that posts do use, so it counts nothing.${
      listed.includes('-')
        ? ` A post's text reads "#${shown(listed)}" as #${shown(listed.slice(0, listed.indexOf('-')))}: only a platform's own tags or a hashtags column can carry a hyphen.`
        : ''
    }${near.length > 0 ? ` The posts' closest hashtags: ${near.map((tag) => `#${shown(tag)}`).join(', ')}.` : ''}`,
  hint: 'Check its spelling against the posts; if no post uses it, remove it.',
});

export const NearMissHashtags = define({
  name: 'NearMissHashtags',
  title: "Hashtags spelt almost as a campaign's",
  message: (label: string, misses: readonly { spelling: string; listed: string; posts: number; counted: number }[]) =>
    `${misses
      .map(
        (m) =>
          `#${shown(m.spelling)} is in ${m.posts.toLocaleString('en-GB')} ${m.posts === 1 ? 'post' : 'posts'} without ${shown(label)}'s hashtags (as many as ${(
            m.posts / m.counted
          ).toLocaleString('en-GB', {
            style: 'percent',
            minimumFractionDigits: 1,
            maximumFractionDigits: 1,
          })} of the ${m.counted.toLocaleString('en-GB')} posts it counts) and is spelt almost as #${shown(m.listed)}`,
      )
      .join('; ')}, so ${misses.length === 1 ? 'those posts are' : 'their posts are'} not counted for ${shown(label)}.`,
  hint: 'If the same campaign, add the spelling to its "hashtags"; if another, add it to its "unrelated" to say so, and this warning is not given again.',
});

/**
 * "the week of 2016-07-04", "the weeks of 2016-07-04, 2016-07-11, 2016-07-18 and 2 more": weeks by the ISO date of
 * their Monday, at most three named (a long list in a warning is not read, and the methods' table has every week).
 */
function weeksNamed(weeks: readonly Date[]): string {
  const days = weeks.map((w) => w.toISOString().slice(0, 10));
  const named = days.length > 3 ? [...days.slice(0, 3), `${days.length - 3} more`] : days;
  return `${days.length === 1 ? 'week' : 'weeks'} of ${joinNames(named)}`;
}

export const WeeklyLeadChanges = define({
  name: 'WeeklyLeadChanges',
  title: 'The weekly gap changes side',
  /** `leader`, `other`: the gap's campaigns' labels, the one leading in more weeks first; `trailed`: the weeks `other` led. */
  message: (leader: string, other: string, led: number, trailed: readonly Date[], counted: number) =>
    `${shown(other)} posted more than ${shown(leader)} in ${trailed.length} of the ${counted} weeks the weekly gap counts (the ${weeksNamed(
      trailed,
    )}), ${shown(leader)} in ${led}. weekly.gap.mean, weekly.gap.max and weekly.gap.latest are sizes of the difference whichever campaign leads, so the mean adds ${shown(
      other,
    )}'s leads to ${shown(leader)}'s.`,
  hint: 'Say in the prose which campaign led when; weekly.gap.lead.mean is the signed mean, the first gap campaign\'s posts minus the second\'s (README, "Keys").',
});

export const SilentWeeks = define({
  name: 'SilentWeeks',
  title: 'A whole week without posts',
  /** `datasets`: the ids of the posts datasets counted; `weeks`: the whole weeks none of them has a post in. */
  message: (datasets: readonly string[], weeks: readonly Date[]) =>
    `No post of ${datasets.map((d) => `"${shown(d)}"`).join(' or ')} falls in the ${weeksNamed(weeks)}, inside the data's period, so the weekly means count ${
      weeks.length === 1 ? 'it as a week' : 'them as weeks'
    } of 0 posts for every campaign.`,
  hint: "If an export is missing from the dataset's folder, add it; if no one posted then, the 0 is real and nothing needs changing: say so in the prose.",
});

export const ExcludeUnmatched = define({
  name: 'ExcludeUnmatched',
  title: 'Excluded term not among the terms',
  message: (name: string, terms: readonly { term: string; near?: string | undefined }[]) =>
    `::${name}: exclude names ${terms
      .map(({ term, near }) => `"${shown(term)}"${near === undefined ? '' : ` (did you mean "${shown(near)}"?)`}`)
      .join(
        ', ',
      )}, which ${terms.length === 1 ? 'is' : 'are'} not among its terms, so nothing is left out for ${terms.length === 1 ? 'it' : 'them'}.`,
  hint: 'Check the spelling against the cloud\'s table ("Words and counts"); case does not matter.',
});

/** What a chart's drawing cuts off at its edge: its texts quoted (a campaign's label named as one), or "it" (a mark). */
function cutOff(cut: readonly { text: string; campaign?: string | undefined }[]): string {
  if (cut.length === 0) return 'it is';
  const named = cut.map((c) => `"${shown(c.text)}"${c.campaign === undefined ? '' : ` (the label of campaign "${c.campaign}")`}`);
  return `${joinNames(named)} ${named.length === 1 ? 'is' : 'are'}`;
}

export const ChartOverflows = define({
  name: 'ChartOverflows',
  title: 'Chart cut at its edge',
  message: (drawing: string, pixels: number, cut: readonly { text: string; campaign?: string | undefined }[] = []) =>
    `::chart: its ${drawing} drawing reaches ${pixels} px past its right edge, where ${cutOff(cut)} cut off (a title, or a mark at a fixed place, that narrowing the plot cannot bring inside).`,
  hint: "Shorten the title or the label, or move the mark, in the chart's spec.",
});

export const BuiltinChartOverflows = define({
  name: 'BuiltinChartOverflows',
  title: 'Built-in chart cut at its edge',
  message: (name: string, drawing: string, pixels: number, cut: readonly { text: string; campaign?: string | undefined }[]) =>
    `::chart: the ${drawing} drawing of the built-in chart "${name}" reaches ${pixels} px past its right edge, where ${cutOff(cut)} cut off.`,
  hint: 'Shorten the campaign\'s "label" in the frontmatter, or the text in the data, that is cut off (a built-in chart\'s spec is not yours to change; spec=./my-chart.vl.json draws one that is).',
});

export const WordsDropped = define({
  name: 'WordsDropped',
  title: 'Word cloud dropped words',
  /** `words`: those that found no room; a word too long, or without glyphs in the font, has a message of its own. */
  message: (name: string, words: readonly string[]) =>
    `::${name}: ${words.length} ${words.length === 1 ? 'word' : 'words'} did not fit and ${words.length === 1 ? 'is' : 'are'} only in the table: ${list(words.map(shown))}.`,
  hint: 'Make the cloud larger, or ask for fewer words.',
});

export const PinnedDataChanged = define({
  name: 'PinnedDataChanged',
  title: 'Pinned data changed',
  message: (alias: string, dir: string, change: string, digest: string) =>
    `The data pinned for "${alias}" (${dir}) has changed: ${change}. Its digest is now ${digest}.`,
  hint: 'Check that the post still says what the new data shows, then re-pin by replacing its "pins:" line with the one printed below (or restore the pinned files).',
});

export const PinnedDataMoved = define({
  name: 'PinnedDataMoved',
  title: 'Pinned data changed, no row moved',
  /** `moved`: what changed, each as datasetComposition.ts's noRowMoved says it. */
  message: (alias: string, dir: string, moved: readonly string[], digest: string) =>
    `The data pinned for "${alias}" (${dir}) has changed, but no row did: ${moved.join('; ')}. Its digest is now ${digest}.`,
  hint: 'The post\'s numbers are the same, so re-pinning is safe: replace its "pins:" line with the one printed below (or undo the change). A pin names the bytes, so this too stops the build (see README, "Pinning").',
});

export const PinnedDataBroken = define({
  name: 'PinnedDataBroken',
  title: 'Pinned data changed and does not load',
  message: (alias: string, dir: string) =>
    `The data pinned for "${alias}" (${dir}) has changed, and does not load now (its own error is reported with it).`,
  hint: 'Fix the data (or restore the pinned files) first; the build then says what changed and prints the line to re-pin with.',
});

export const PinContradictsData = define({
  name: 'PinContradictsData',
  title: 'Pin that contradicts its data',
  message: (alias: string, dir: string, digest: string, recorded: string, holds: string) =>
    `The pin for "${alias}" (${dir}) records ${recorded}, but the data its digest (${digest}) names has ${holds}: the pin does not say what the post was written against.`,
  hint: 'Check that the post says what this data shows, then re-pin by replacing its "pins:" line with the one printed below, which records what the data holds.',
});

export const PinUnknownAlias = define({
  name: 'PinUnknownAlias',
  title: 'Pin for an unknown dataset',
  message: (alias: string, aliases: readonly string[]) =>
    `"pins" names "${alias}", which is not an alias under "datasets" (${aliases.length > 0 ? list(aliases) : 'none'}).`,
  hint: 'Pin a dataset alias the post declares, or remove the pin.',
});

export const MoreThanNotPositive = define({
  name: 'MoreThanNotPositive',
  title: 'Nothing to be more than',
  message: (key: string, shown: string) =>
    `The format "more-than" prints a round figure below the value, so that "more than …" stays true, but "${key}" is ${shown}, which is not above 0.`,
  hint: 'Use "more-than" only for a value above 0, or choose another format (leave "format" out to use the default).',
});

export const DigitsWithoutMoreThan = define({
  name: 'DigitsWithoutMoreThan',
  title: '"digits" without "more-than"',
  message: (key: string, format: string) =>
    `"digits" sets the significant figures of format "more-than" only, and "${key}" is printed in format "${format}".`,
  hint: 'Remove "digits", or for another precision use a d3-format specifier, such as format=".2%" or format=",.3r" (see README, "Directives").',
});

export const TypeMismatch = define({
  name: 'TypeMismatch',
  title: 'Type does not fit the value',
  message: (key: string, type: string, format: string, kind: string) =>
    `"${key}" has type "${type}", whose format "${format}" cannot show it: it is a ${kind}.`,
  hint: 'Give the value a type that fits it under "values" in the frontmatter (or leave "type" out), or choose a format with format=….',
});

export const WordCloudInvalid = define({
  name: 'WordCloudInvalid',
  title: 'Invalid word cloud',
  message: (name: string, problem: string) => `::${name}: ${problem}`,
  hint: 'See README, "Word clouds", for its attributes.',
});

// ---------------------------------------------------------------- the site

export const CacheNotWritable = define({
  name: 'CacheNotWritable',
  title: 'Cache not written (warning)',
  /** `dir`: the folder an entry could not be written in; `reason`: the system's words (ENOTDIR…, EACCES…, ENOSPC…). */
  message: (dir: string, reason: string) =>
    `Could not write the cache in ${dir} (${reason}), so what this build parses is not kept: the next build parses every dataset again, slower but not wrong. Said once per build, however many cache entries fail.`,
  hint: 'Make the folder writable (or free space on its disk), or point SOUNDINGS_CACHE_DIR at a folder that is.',
});

export const SiteSettingsInvalid = define({
  name: 'SiteSettingsInvalid',
  title: 'Invalid site settings',
  message: (problem: string) => problem,
  hint: 'Fix site.yaml (see README, "Site settings").',
});

export const SiteSettingsMisnamed = define({
  name: 'SiteSettingsMisnamed',
  title: 'Site settings under another name',
  message: () => 'Soundings reads the site settings from site.yaml, not site.yml, so the site would be published without them.',
  hint: 'Rename it to site.yaml.',
});

export const SiteOriginInvalid = define({
  name: 'SiteOriginInvalid',
  title: 'Invalid SOUNDINGS_SITE',
  message: (problem: string) => `SOUNDINGS_SITE ${problem}`,
  hint: 'Set it to the origin the site is published at (SOUNDINGS_SITE=https://analysis.example.com), or unset it to use "url" in content/site.yaml.',
});
