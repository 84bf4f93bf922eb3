/**
 * The frontmatter of a post, validated with zod. Everything a post computes is
 * declared here, as data: the datasets it reads (under aliases), the campaigns
 * it compares, named values read from tables, and the projection.
 */
import { z } from 'astro/zod';
import { languageHint, STOPWORD_LANGUAGES } from '../analysis/stopwords.ts';
import { VALUE_TYPES } from '../analysis/value.ts';
import { parseCell } from '../data/cell.ts';
import { proseText } from '../directional.ts';
import { printable } from '../errors.ts';
import { smartText } from './smartText.ts';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and "-", starting with a letter');
const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.date()]);
const filter = z.record(z.string(), cellValue);

/**
 * The publication date: YAML reads an unquoted `2016-09-26` as that day at
 * 00:00 UTC; a quoted one is read the same way. Anything else is refused
 * rather than handed to `new Date()`, which reads "Sep 26 2016" in the
 * machine's timezone (a build must give the same bytes everywhere) and a bare
 * number as milliseconds since 1970.
 */
const postDate = z.unknown().transform((value, ctx): Date => {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (value === undefined || value === null) {
    ctx.addIssue({ code: 'invalid_type', expected: 'date', input: value });
    return z.NEVER;
  }
  // A data file's `date` cell rule: YYYY-MM-DD, on a day the calendar has.
  const day = typeof value === 'string' ? parseCell(value, 'date') : undefined;
  if (day?.ok) return day.value as Date;
  const expected = day && !day.ok && day.expected.startsWith('a day') ? day.expected : 'a date written YYYY-MM-DD';
  ctx.addIssue({ code: 'custom', message: `must be ${expected}, not ${JSON.stringify(value)}`, input: value });
  return z.NEVER;
});

const valueCommon = {
  /** A human label, used in tables and the projection chart. */
  label: proseText().transform(smartText).optional(),
  /** What kind of quantity it is; picks its default format. */
  type: z.enum(VALUE_TYPES).optional(),
  /** Multiplies a number, e.g. 0.01 to read a poll's "62" as the proportion 0.62. */
  scale: z.number().optional(),
};

export const valueDefinition = z.union([
  z.strictObject({ ...valueCommon, pick: z.string(), column: z.string(), where: filter.default({}) }),
  z.strictObject({ ...valueCommon, share: z.string(), column: z.string(), where: filter.default({}), of: filter }),
  z.strictObject({ ...valueCommon, sum: z.string(), column: z.string(), where: filter.default({}) }),
  z.strictObject({ ...valueCommon, count: z.string(), where: filter.default({}) }),
  z.strictObject({ ...valueCommon, ratio: z.tuple([z.string(), z.string()]) }),
  z.strictObject({ ...valueCommon, difference: z.tuple([z.string(), z.string()]) }),
  /** The largest or smallest number in a column; `name` is the column whose cell names that row (→ key `<value>.name`). */
  z.strictObject({ ...valueCommon, max: z.string(), column: z.string(), name: z.string().optional(), where: filter.default({}) }),
  z.strictObject({ ...valueCommon, min: z.string(), column: z.string(), name: z.string().optional(), where: filter.default({}) }),
]);
export type ValueDefinition = z.infer<typeof valueDefinition>;

/**
 * A table computed from another (a dataset alias or a table): filter, group
 * and sum, derive columns with one arithmetic operation each, sort, cut,
 * choose and rename columns — in that order. See README, "Computed tables".
 */
export const derivedTableDefinition = z.strictObject({
  from: z.string().min(1),
  where: filter.default({}),
  /** Groups rows by this column's value: one row per group, holding the group value and the `sum` columns. */
  groupBy: z.string().min(1).optional(),
  /** The columns summed over each group's rows (without `groupBy`: over all rows, giving one row of totals). */
  sum: z.array(z.string().min(1)).default([]),
  /** A new column holding the number of rows in each group (without `groupBy`: in the table). */
  count: z.string().min(1).optional(),
  /** New column → `a op b` (op one of + - * /; a and b column names or numbers), applied in order. */
  derive: z.record(z.string().min(1), z.string().min(1)).default({}),
  /** A column, or several, to sort by; `-column` sorts descending. Ties keep the table's order. */
  sort: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  /** Keep only the first rows. */
  limit: z.number().int().positive().optional(),
  /** Output column → source column: the columns kept, in order, renamed. */
  select: z.record(z.string().min(1), z.string().min(1)).optional(),
  /** Column → house format (or d3-format specifier) for the fallback data table. */
  formats: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * Column → its header for readers, in `::table` and a chart's data table (default: the header the column had in
   * the table it comes from, else its name as words). Prose, with the body's typography, as a label is.
   */
  headers: z.record(z.string().min(1), proseText().min(1).transform(smartText)).default({}),
  /** Says what the table is, for the methods section (default: generated from the steps). */
  description: proseText().min(1).transform(smartText).optional(),
});

/** Estimates (value keys) scored against an actual value: label, value, actual, error, absError. */
export const scorecardTableDefinition = z.strictObject({
  scorecard: z.array(z.string().min(1)).min(1),
  against: z.string().min(1),
  description: proseText().min(1).transform(smartText).optional(),
});

export const tableDefinition = z.union([derivedTableDefinition, scorecardTableDefinition]);
export type TableDefinition = z.infer<typeof tableDefinition>;
export type DerivedTableDefinition = z.infer<typeof derivedTableDefinition>;
export type ScorecardTableDefinition = z.infer<typeof scorecardTableDefinition>;

/**
 * A pin: the dataset digest's first 16 hex digits (or more of them, up to the whole 64 a dataset page shows),
 * with the row count and period it had (written by the build's re-pin message).
 */
const pinDigest = z.string().regex(/^[0-9a-f]{16,64}$/, 'must be the first 16 (or more) hex digits of a dataset digest');
export const pinSchema = z.union([
  pinDigest,
  z.strictObject({
    digest: pinDigest,
    rows: z.number().int().nonnegative().optional(),
    period: z.string().optional(),
  }),
]);

/**
 * What no hashtag holds: white space (texts end a tag there, and hashtags columns are split there), controls, and
 * the invisible characters that are not part of any script's spelling (a zero-width space, a word joiner, a soft
 * hyphen, a byte-order mark, the bidirectional controls). Not the zero-width joiner and non-joiner, which Persian
 * and emoji spell with.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const NEVER_IN_A_TAG = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;

/**
 * Written with or without "#" (quoted, since YAML reads a bare "#" as a comment); kept without it. A tag with a
 * space, or with an invisible character pasted in ("Keep\u200bRed"), can come from no source (texts, a hashtags
 * column split on spaces, a platform's tags), so the campaign would count 0 posts, silently: refused. A tag that
 * only a platform's own tags or a hashtags column can carry ("Keep-Red": a text reads "#Keep") is allowed.
 */
const hashtag = z
  .string()
  .transform((tag) => tag.trim().replace(/^[#＃]/, ''))
  .pipe(z.string().min(1, 'must name a hashtag'))
  .superRefine((tag, ctx) => {
    const unseen = NEVER_IN_A_TAG.exec(tag);
    if (!unseen) return;
    const what = /\s/.test(unseen[0]) ? 'a space' : `an invisible character (${printable(unseen[0])})`;
    ctx.addIssue({
      code: 'custom',
      message: `must be one hashtag: "#${printable(tag)}" holds ${what}, which no post's hashtag can, so it would never match`,
    });
  });

export const campaignSchema = z.strictObject({
  id,
  label: proseText().min(1).transform(smartText),
  hashtags: z.array(hashtag).min(1),
  /**
   * Hashtags spelt close to the campaign's that are not the campaign's (#Leaves, of trees, beside #Leave): the build's
   * near-miss warning (nearMissHashtags.ts) is not given for them. They count for nothing.
   */
  unrelated: z.array(hashtag).optional(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as "#b3202a"'),
});

export const frontmatterSchema = z.strictObject({
  /**
   * With the body's typography ("Twitter’s": smartText.ts), as every text here a reader sees (labels, a table's
   * description); the author and tags stay as written (their pages are named after them).
   */
  title: proseText().min(1).transform(smartText),
  date: postDate,
  author: proseText().min(1),
  summary: proseText().min(1).transform(smartText),
  tags: z.array(proseText().min(1)).default([]),
  draft: z.boolean().default(false),
  /** Alias → dataset folder name under data/. */
  datasets: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase alias'), z.string().min(1)).default({}),
  /** Alias → the dataset state the post was written against; the build fails when it changes. See README, "Pinning". */
  pins: z.record(z.string(), pinSchema).default({}),
  /**
   * The alias of the posts dataset the campaign figures use (default: the only posts dataset), or a list of them,
   * whose posts the figures count together as one dataset's (`posts: [bluesky, mastodon]`: src/analysis/campaignPosts.ts).
   * Which aliases are posts datasets is known once their manifests are read, so the aliases are checked there
   * (analysePost.ts: an unknown one, one of another kind, one listed twice, an empty list), at the item.
   */
  posts: z
    .union([z.array(z.string()), z.string()], {
      // A list's item that is not an alias is said at the item (the list's own issue, the closest: manifest.ts's
      // closestIssue); anything else is neither way of writing it.
      error: (issue) =>
        Array.isArray(issue.input)
          ? undefined
          : `must be the alias of a posts dataset under "datasets", or a list of them, not ${JSON.stringify(issue.input)}`,
    })
    .optional(),
  campaigns: z
    .array(campaignSchema)
    .default([])
    .superRefine((campaigns, ctx) => {
      // Keys (campaigns.<id>.share) and charts name campaigns by id: two with one id would be one campaign.
      campaigns.forEach((c, i) => {
        const first = campaigns.findIndex((d) => d.id === c.id);
        if (first < i)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `must differ from every other campaign's: "${c.id}" is also "campaigns.${first}.id"`,
          });
      });
    }),
  /** The two campaign ids whose weekly gap is computed (default: the first two). */
  gap: z.tuple([z.string(), z.string()]).optional(),
  values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase name'), valueDefinition).default({}),
  /** Computed tables, by name: usable as chart data and read by values like a dataset alias. */
  tables: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9-]*$/, 'must start with a lower-case letter, then letters, digits and "-"'), tableDefinition)
    .default({}),
  projection: z
    .strictObject({
      /** The campaign whose share of voice is read as a vote share. */
      campaign: z.string(),
      label: proseText().transform(smartText).default('Share of voice'),
      /** Value names to compare it with, in order. */
      references: z.array(z.string()).default([]),
    })
    .optional(),
  /** The key of the post's headline figure. */
  headline: z.string().optional(),
  /**
   * The post's language, as a BCP 47 tag ("en", "pl", "pt-BR"): the article's `lang`, and the stopwords its word
   * clouds and keyness leave out (stopwords-iso's list for the tag's language), unless `stopwords` names others.
   */
  language: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{1,8})*$/, {
      error: (issue) =>
        `must be a language tag such as "en", "pl" or "pt-BR", not ${JSON.stringify(issue.input)}.${languageHint(issue.input)}`,
    })
    .optional(),
  /** The stopword lists (stopwords-iso languages) word clouds and keyness leave out; default: the post's language's. */
  stopwords: z
    .array(
      z.enum(STOPWORD_LANGUAGES as [string, ...string[]], {
        // A language written by its name ("polish") gets its code; anything else the list of codes (manifest.ts).
        error: (issue) => {
          const hint = languageHint(issue.input);
          return hint ? `must be a stopwords-iso language code, not ${JSON.stringify(issue.input)}.${hint}` : undefined;
        },
      }),
    )
    .optional(),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type FrontmatterInput = z.input<typeof frontmatterSchema>;
