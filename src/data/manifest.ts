/**
 * The dataset manifest: `data/<dataset>/manifest.yaml`.
 *
 * It says what the data is (title, description, source, licence, collection
 * date, whether it is synthetic and which script made it), which files hold it,
 * and how their columns map onto the records the analysis uses.
 */
import { z } from 'astro/zod';
import { cutText } from '../cutText.ts';
import { proseText } from '../directional.ts';
import { error, type Location, ManifestInvalid, type SoundingsError } from '../errors.ts';
import { didYouMean } from '../nearest.ts';
import { ADAPTERS, isSocialFormat, SOCIAL_FORMATS } from './adapters/index.ts';
import { parseCell } from './cell.ts';
import type { CsvLayout } from './rawRecord.ts';
import { cutByHashtagProblems, yamlSource } from './yamlLocation.ts';
import { isTimeZone } from './zone.ts';

/** The data files of a dataset when its manifest names none. */
export const DEFAULT_FILES = '*.{csv,tsv,json,ndjson,jsonl}';

/**
 * A day written YYYY-MM-DD that the calendar has: `collected: 2016-02-30` is refused, where Date.parse would roll it
 * over to 1 March and move the last day a post may have by a day, silently (cell.ts checks it, as for a date cell).
 */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .superRefine((day, ctx) => {
    const read = parseCell(day, 'date');
    if (!read.ok && /^\d{4}-\d{2}-\d{2}$/.test(day)) ctx.addIssue({ code: 'custom', message: `must be ${read.expected}.` });
  });

export const COLUMN_TYPES = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const columnType = z.enum(COLUMN_TYPES);

/** Zone abbreviations listening tools and databases write (UTC and GMT are UTC, and fine). */
const ZONE_ABBREVIATIONS =
  'ET|CT|MT|PT|[A-Z]{1,3}[SD]T|[A-Z]{1,3}SST|WET|CET|MET|MEZ|MESZ|EET|MSK|CAT|EAT|WAT|PKT|NPT|AFT|AZOT|HKT|SGT|PHT|ICT|WIB|WITA|WIT|BRT|ART|CLT|GST|SST|ChST';
/**
 * A zone written as literal text in a time format, which d3-time-format reads as text, not as a zone: an abbreviation
 * ("BST", "CEST", German "MEZ"/"MESZ", US "ET"), an offset other than zero ("+0100", "UTC+1", "GMT+01:00") or a zone
 * name ("Europe/London", "US/Eastern"). "GMT", "UTC", "Z" and "+0000" say UTC, which is how the text is read anyway.
 */
const LITERAL_ZONE = new RegExp(
  [
    // An offset after UTC or GMT, unless zero ("GMT+0000", "UTC-0").
    '(?:UTC|GMT)\\s*[+\\-−]\\s*(?![0:]+(?![\\d:]))\\d[\\d:]*',
    `(?<![A-Za-z])(?:${ZONE_ABBREVIATIONS})(?![A-Za-z])`,
    // A numeric offset other than zero: "+01", "+0100", "+01:00", "+01:00:00", with a hyphen or a Unicode minus.
    // After a digit only when it ends a fraction (".000+0100"): "2016-06-%d" and "12:00-13:00" are not offsets.
    '(?:(?<![\\d:])|(?<=\\.\\d+))[+\\-−](?!00(?::?00){0,2}(?![\\d:]))\\d{2}(?::?\\d{2}){0,2}(?![\\d:])',
    '(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|US|Canada|Mexico|Brazil|Chile)\\/[A-Z][A-Za-z_-]+',
  ].join('|'),
);
const literalOf = (format: string) => format.replace(/%[-_0]?./g, ' ');

/**
 * A source column, or a column plus how its times are written: a d3-time-format specifier (`format`), the IANA zone
 * whose clock times they are (`zone`), or both.
 */
const timeField = z.union([
  z.string().min(1),
  z
    .strictObject({
      column: z.string().min(1),
      // d3-time-format reads an ISO week (%V) with its day from %w only: with %u every day would be read as the
      // week's Monday, so such a format is refused here rather than each row's time as "not in the calendar".
      format: z
        .string()
        .min(1)
        .refine((f) => !(/%[-_0]?V/.test(f) && /%[-_0]?u/.test(f)), {
          message:
            'must give the day of an ISO week (%V) as "%w" (0 = Sunday … 6 = Saturday): d3-time-format reads "%u" there as Monday whatever the day.',
        })
        .optional(),
      zone: z
        .string()
        .min(1)
        .superRefine((zone, ctx) => {
          if (isTimeZone(zone)) return;
          // A typo of a place name gets the closest ones; an abbreviation, why it is refused.
          const near = zone.includes('/') ? didYouMean(zone, Intl.supportedValuesOf('timeZone')) : '';
          ctx.addIssue({
            code: 'custom',
            message: near
              ? `must be an IANA time zone name, which "${zone}" is not.${near}`
              : 'must be an IANA time zone name, such as "Europe/London", "America/New_York" or "UTC" (an abbreviation names different zones in different places: "BST" is Bangladesh to the time zone database; "Etc/GMT+1" is UTC−1).',
          });
        })
        .optional(),
    })
    .superRefine((time, ctx) => {
      if (time.format === undefined && time.zone === undefined) {
        ctx.addIssue({ code: 'custom', path: [], message: 'must give a "format", a "zone", or both, beside its "column".' });
        return;
      }
      const { format, zone } = time;
      // A zone in the text and one in the manifest cannot both be meant.
      if (format && zone && /%[-_0]?[ZsQ]/.test(format))
        ctx.addIssue({
          code: 'custom',
          path: ['zone'],
          message: `must be left out when the format reads each time's own offset or epoch (%Z, %s, %Q).`,
        });
      const named = format && !zone ? LITERAL_ZONE.exec(literalOf(format)) : null;
      if (named)
        ctx.addIssue({
          code: 'custom',
          path: ['format'],
          message: `must not name a zone as literal text ("${named[0]}"): d3-time-format does not read it, so every time would be read as UTC. Say whose clock the times are with "zone" beside the format, e.g. zone: Europe/London (the IANA name of the place "${named[0]}" is used in).`,
        });
    }),
]);

const common = {
  // Readers see these (the dataset page, the methods): no invisible directional controls (src/directional.ts).
  title: proseText().min(1),
  description: proseText().min(1),
  source: proseText().min(1),
  licence: proseText().min(1),
  collected: isoDate,
  synthetic: z
    .union([z.literal(false), z.strictObject({ script: z.string().min(1), seed: z.number().int().optional() })], {
      // `synthetic: true` is the likely slip: a synthetic dataset must name the script that makes it again.
      error: (issue) =>
        issue.input === true
          ? 'must name the committed script that made the data, not true: "synthetic: { script: scripts/generate-x.ts, seed: 2016 }" (or false for real data).'
          : undefined,
    })
    .default(false),
  /** Glob (relative to the dataset folder) of the data files; read in code-point order. */
  files: z.string().min(1).default(DEFAULT_FILES),
  /**
   * Overrides the format inferred from each file's extension, or names a
   * social export (posts only) that an adapter normalises without a `fields`
   * mapping: its files are JSON (.json) or NDJSON (.ndjson/.jsonl).
   */
  format: z.enum(['csv', 'tsv', 'json', 'ndjson', ...SOCIAL_FORMATS]).optional(),
  /** CSV and TSV: the field separator, when a tool writes another than the extension's (";" in many European locales). */
  delimiter: z.enum([',', ';', '\t', '|'], { error: 'must be one character: ",", ";", "|" or "\\t" (a tab), in quotes.' }).optional(),
  /** CSV and TSV: the line the header is on, when a tool writes lines above it (a report's title and filters). */
  headerLine: z.number().int().min(1).optional(),
  /**
   * `false`: the files are not published beside the dataset's page even when the licence allows it (an export too
   * large for the site's host, say: src/site/downloads.ts warns of one past 25 MiB).
   */
  downloads: z.boolean().optional(),
};

const postsManifest = z.strictObject({
  ...common,
  kind: z.literal('posts'),
  /** Required unless `format` names a social export, whose adapter knows its fields. */
  fields: z
    .strictObject({
      id: z.string().min(1),
      time: timeField,
      author: z.string().min(1),
      text: z.string().min(1),
      /** A column of hashtags separated by spaces or commas; extracted from the text when absent. */
      hashtags: z.string().min(1).optional(),
    })
    .optional(),
});

const accountsManifest = z.strictObject({
  ...common,
  kind: z.literal('accounts'),
  fields: z.strictObject({
    id: z.string().min(1),
    name: z.string().min(1),
    platform: z.string().min(1),
    followers: z.string().min(1),
  }),
  /** Further typed columns to keep beside the mapped fields, e.g. `side: string`. */
  columns: z.record(z.string(), columnType).default({}),
});

const tableManifest = z.strictObject({
  ...common,
  kind: z.literal('table'),
  columns: z.record(z.string(), columnType).refine((c) => Object.keys(c).length > 0, {
    message: 'must declare at least one column with its type',
  }),
});

export const manifestSchema = z.discriminatedUnion('kind', [postsManifest, accountsManifest, tableManifest]);

type ParsedPosts = z.infer<typeof postsManifest>;
/**
 * A posts manifest after parsing always has `fields`: for a social export the
 * adapter's own source fields are filled in (they describe the export, e.g.
 * on a dataset page), so code past the loader never checks for them.
 */
export type PostsManifest = ParsedPosts & { fields: NonNullable<ParsedPosts['fields']> };
export type Manifest = PostsManifest | AccountsManifest | TableManifest;
export type AccountsManifest = z.infer<typeof accountsManifest>;
export type TableManifest = z.infer<typeof tableManifest>;

/**
 * `schema.safeParse(value)`, keeping each issue's input: {@link describeIssue}
 * needs it to tell a key that is missing from one whose value is wrong.
 */
export function parseForMessages<T extends z.ZodType>(schema: T, value: unknown) {
  return schema.safeParse(value, { reportInput: true });
}

/** What a type is called in a message, as the analyst wrote it in YAML or an attribute. */
const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (indented "key: value" lines)',
  record: 'a mapping (indented "key: value" lines)',
  array: 'a list',
  date: 'a date',
};

function shown(input: unknown): string {
  if (Array.isArray(input)) return 'a list';
  if (input instanceof Date) return 'a date (YAML reads an unquoted YYYY-MM-DD as one: quote it)';
  if (input === null) return 'nothing (null)';
  if (typeof input === 'object') return 'a mapping';
  return cutText(JSON.stringify(input) ?? String(input), 40);
}

/**
 * For an input that is none of several shapes (a value is a pick, a share, a ratio…), the first problem of the
 * shape it comes closest to (the one with fewest problems), with its whole path: it says what is wrong
 * (`"values.r.ratio" must list at least 2 items`) where zod says "Invalid input". Other issues as they are.
 */
export function closestIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  // A union with a message of its own ("must …") says best what it wants.
  if (issue.code !== 'invalid_union' || issue.errors.length === 0 || issue.message.startsWith('must')) return issue;
  const closest = issue.errors.reduce((a, b) => (b.length > 0 && (a.length === 0 || b.length < a.length) ? b : a));
  // An unknown key first: zod lists a strict object's issues in the order of its shape, and its unknown keys last,
  // so a misspelt key ({ sum: t, colum: size }) was reported only as the key it should have been, missing, at the
  // mapping's first line ("values.x.column" is missing) rather than at itself with "did you mean".
  const first = closest.find((i) => i.code === 'unrecognized_keys') ?? closest[0];
  return first ? closestIssue({ ...first, path: [...issue.path, ...first.path] } as z.core.$ZodIssue) : issue;
}

/** Where to point for an issue: an unknown key at itself rather than at the object holding it. */
export function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [...issue.path, issue.keys[0] as string] : issue.path;
}

type Def = {
  type: string;
  shape?: Record<string, unknown>;
  element?: unknown;
  innerType?: unknown;
  in?: unknown;
  options?: unknown[];
  valueType?: unknown;
  discriminator?: string;
};
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
/** The values a discriminated union's option takes for its discriminator (zod 4: `propValues`). */
const propValues = (schema: unknown, key: string): Set<unknown> | undefined =>
  (schema as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod.propValues?.[key];

/**
 * The keys an object at `path` of `schema` may have, for "did you mean", given the `value` that was read (so a
 * discriminated union offers the keys of the shape its discriminator picks: a table manifest is not offered
 * `fields`). Every shape's keys for a plain union.
 */
export function keysAt(schema: unknown, path: readonly PropertyKey[], value?: unknown): string[] {
  const def = defOf(schema);
  const at = (v: unknown, key: PropertyKey) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return keysAt(def.innerType, path, value);
    case 'pipe':
      return keysAt(def.in, path, value);
    case 'union': {
      const options = def.options ?? [];
      const { discriminator } = def;
      const tag = discriminator === undefined ? undefined : at(value, discriminator);
      const picked = discriminator === undefined ? [] : options.filter((o) => propValues(o, discriminator)?.has(tag));
      return [...new Set((picked.length > 0 ? picked : options).flatMap((o) => keysAt(o, path, value)))];
    }
    case 'array':
      return path.length > 0 && typeof path[0] === 'number' ? keysAt(def.element, path.slice(1), at(value, path[0])) : [];
    case 'record':
      return path.length > 0 ? keysAt(def.valueType, path.slice(1), at(value, path[0] as PropertyKey)) : [];
    case 'object': {
      const shape = def.shape ?? {};
      if (path.length === 0) return Object.keys(shape);
      const key = String(path[0]);
      return Object.hasOwn(shape, key) ? keysAt(shape[key], path.slice(1), at(value, key)) : [];
    }
    default:
      return [];
  }
}

/**
 * Describes a zod issue (from {@link parseForMessages}) in words an analyst can act on; with the `schema`, an
 * unknown key gets the known ones closest to it ("sumary": did you mean "summary"?).
 */
export function describeIssue(issue: z.core.$ZodIssue, schema?: unknown, value?: unknown): string {
  const path = issue.path.map(String).join('.');
  const where = path ? `"${path}"` : 'The document';
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) return `${where} is missing.`;
  if (issue.code === 'invalid_type' && issue.input === null) {
    // YAML reads "key:" with nothing after it, and "- #Tag" or "key: #Tag" (a comment), as null.
    return `${where} is empty. In YAML, a blank value or one starting with "#" (a comment) reads as nothing: fill it in, or quote it ("#KeepCorbyn").`;
  }
  if (issue.code === 'invalid_type') return `${where} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, not ${shown(issue.input)}.`;
  if (issue.code === 'unrecognized_keys') {
    // Known keys the object does not have already: "sumary" beside "summary" is not offered "summary".
    const present = issue.input !== null && typeof issue.input === 'object' ? Object.keys(issue.input) : [];
    const known = schema === undefined ? [] : keysAt(schema, issue.path, value).filter((k) => !present.includes(k));
    const hints = issue.keys.map((k) => {
      const hint = didYouMean(k, known);
      return hint && issue.keys.length > 1 ? hint.replace(' Did you mean', ` For "${k}", did you mean`) : hint;
    });
    return `${where === 'The document' ? 'It' : where} has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.${hints.join('')}`;
  }
  if (issue.code === 'invalid_union' && path === 'kind') return `"kind" must be one of "posts", "accounts", "table".`;
  if (issue.code === 'invalid_union' && issue.errors.length > 0 && !issue.message.startsWith('must')) {
    const closest = closestIssue(issue);
    if (closest !== issue) return describeIssue(closest, schema, value);
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'array' && Array.isArray(issue.input)) {
    const [bound, limit] = issue.code === 'too_small' ? ['at least', issue.minimum] : ['at most', issue.maximum];
    return `${where} must list ${bound} ${limit} ${Number(limit) === 1 ? 'item' : 'items'}, not ${issue.input.length}.`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const [bound, limit] = issue.code === 'too_small' ? ['at least', issue.minimum] : ['at most', issue.maximum];
    const inclusive = issue.inclusive !== false;
    return `${where} must be ${inclusive ? bound : issue.code === 'too_small' ? 'more than' : 'less than'} ${limit}${typeof issue.input === 'number' ? `, not ${issue.input}` : ''}.`;
  }
  if (issue.code === 'invalid_value' && issue.values.length > 1 && typeof issue.input === 'string' && !issue.message.startsWith('must')) {
    // zod's own "Invalid option: expected one of "string"|"integer"|…" does not quote the value it refused.
    const values = issue.values.map(String);
    const options = values.map((v) => `"${v}"`).join(', ');
    // The column types are named as such ("… is not a column type"); another list's values are only listed.
    const noun = values.join('|') === COLUMN_TYPES.join('|') ? 'a column type' : undefined;
    const near = didYouMean(issue.input, values);
    return noun === undefined
      ? `${where} must be one of ${options}, not "${cutText(issue.input, 40)}".${near}`
      : `${where}: "${cutText(issue.input, 40)}" is not ${noun}; use one of ${options}.${near}`;
  }
  const message = issue.message.startsWith('must') ? issue.message : `is invalid (${issue.message})`;
  return `${where} ${message}`.replace(/([.?])?$/, (end) => end || '.');
}

/** The first key of a manifest's CSV layout it sets (`delimiter`, `headerLine`), which only CSV and TSV files can take. */
export const csvLayoutKey = (m: CsvLayout) => (['delimiter', 'headerLine'] as const).find((key) => m[key] !== undefined);

/** Where a key of a manifest is (e.g. `["fields", "text"]`), or its nearest existing parent. */
export type ManifestLocator = (path: readonly PropertyKey[]) => Location;

/** Parses and validates a manifest; throws a located ManifestInvalid (the first problem). */
export function parseManifest(text: string, file: string): Manifest {
  const result = readManifest(text, file);
  if ('manifest' in result) return result.manifest;
  throw result.problems[0];
}

/**
 * Parses and validates a manifest, returning every problem (each YAML syntax
 * error, or each schema issue) located at its key, for `npm run check`.
 */
export function readManifest(text: string, file: string): { manifest: Manifest; locate: ManifestLocator } | { problems: SoundingsError[] } {
  const source = yamlSource(text);
  const locate: ManifestLocator = (path) => ({ file, ...source.locate(path) });
  if (source.errors.length > 0) {
    return {
      problems: source.errors.map((syntax) =>
        error(
          ManifestInvalid,
          { file, line: syntax.line, column: syntax.column },
          `YAML syntax error: ${syntax.message.replace(/\.?$/, '.')}`,
        ),
      ),
    };
  }
  const cut = cutByHashtagProblems(source, (at, message) => error(ManifestInvalid, { file, ...at }, message));
  const result = parseForMessages(manifestSchema, source.value ?? {});
  if (result.success && cut.length > 0) return { problems: cut };
  if (result.success) {
    const m = result.data;
    // A CSV layout on files that are not CSV would be ignored, silently.
    const layout = csvLayoutKey(m);
    if (layout && (isSocialFormat(m.format) || m.format === 'json' || m.format === 'ndjson')) {
      return {
        problems: [
          error(
            ManifestInvalid,
            { file, ...source.locate([layout]) },
            `"${layout}" is for CSV and TSV files, but "format" is ${m.format}: leave it out.`,
          ),
        ],
      };
    }
    // A column with no name: a pandas index written by to_csv (the header ",Date,…"), or a spreadsheet's row numbers.
    // Read, it would show as a blank heading in the data table, as nothing in the methods ("where  = 0") and in
    // messages ("it has , t_stance"). It is refused here, where the manifest asks to read it, rather than named for
    // it: a name the file does not have ("Unnamed: 0") would be one the reader cannot find in the file the dataset
    // page offers, byte for byte. A file with such a column is fine as long as the manifest does not read it (a
    // column the manifest does not name is never read), so a posts export with a pandas index need not be edited.
    if (m.kind !== 'posts' && Object.hasOwn(m.columns, '')) {
      return {
        problems: [
          error(
            ManifestInvalid,
            { file, ...source.locate(['columns', '']) },
            `"columns" reads a column with no name (""), which would show blank in the data table, the methods and messages: most likely a pandas index or a spreadsheet's row numbers (a header that starts ",Date,…"). Give it a name in the file's header (index, say) and here, or leave it out of "columns": a column the manifest does not name is not read.`,
          ),
        ],
      };
    }
    if (m.kind === 'posts' && !m.fields) {
      if (!isSocialFormat(m.format)) {
        return {
          problems: [
            error(
              ManifestInvalid,
              { file, ...source.locate([]) },
              `"fields" is missing: it maps your columns to id, time, author and text. For a platform's own export, set "format" instead (${SOCIAL_FORMATS.join(', ')}).`,
            ),
          ],
        };
      }
      // A format whose export folder holds more than posts (an X archive's likes, messages…) names its own default.
      const files = m.files === DEFAULT_FILES ? (ADAPTERS[m.format].files ?? m.files) : m.files;
      return { manifest: { ...m, files, fields: ADAPTERS[m.format].fields }, locate };
    }
    if (m.kind !== 'posts' && isSocialFormat(m.format)) {
      return {
        problems: [
          error(
            ManifestInvalid,
            { file, ...source.locate(['format']) },
            `"format" "${m.format}" is a social export, which only a "posts" dataset can read.`,
          ),
        ],
      };
    }
    return { manifest: m as Manifest, locate };
  }
  return {
    problems: [
      ...cut,
      ...result.error.issues.map((found) => {
        const issue = closestIssue(found as z.core.$ZodIssue);
        return error(ManifestInvalid, { file, ...source.locate(issuePath(issue)) }, describeIssue(issue, manifestSchema, source.value));
      }),
    ],
  };
}
