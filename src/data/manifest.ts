/**
 * The dataset manifest: `data/<dataset>/manifest.yaml`.
 *
 * It says what the data is (title, description, source, licence, collection
 * date, whether it is synthetic and which script made it), which files hold it,
 * and how their columns map onto the records the analysis uses.
 */
import { z } from 'astro/zod';
import { error, ManifestInvalid } from '../errors.ts';
import { yamlSource } from './yamlLocation.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const COLUMN_TYPES = ['string', 'integer', 'number', 'date', 'datetime', 'boolean'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const columnType = z.enum(COLUMN_TYPES);

/** A source column, or a column plus a d3-time-format specifier for its times. */
const timeField = z.union([z.string().min(1), z.strictObject({ column: z.string().min(1), format: z.string().min(1) })]);

const common = {
  title: z.string().min(1),
  description: z.string().min(1),
  source: z.string().min(1),
  licence: z.string().min(1),
  collected: isoDate,
  synthetic: z.union([z.literal(false), z.strictObject({ script: z.string().min(1), seed: z.number().int().optional() })]).default(false),
  /** Glob (relative to the dataset folder) of the data files; read in code-point order. */
  files: z.string().min(1).default('*.{csv,tsv,json,ndjson}'),
  /** Overrides the format inferred from each file's extension. */
  format: z.enum(['csv', 'tsv', 'json', 'ndjson']).optional(),
};

const postsManifest = z.strictObject({
  ...common,
  kind: z.literal('posts'),
  fields: z.strictObject({
    id: z.string().min(1),
    time: timeField,
    author: z.string().min(1),
    text: z.string().min(1),
    /** A column of hashtags separated by spaces or commas; extracted from the text when absent. */
    hashtags: z.string().min(1).optional(),
  }),
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

export type Manifest = z.infer<typeof manifestSchema>;
export type PostsManifest = z.infer<typeof postsManifest>;
export type AccountsManifest = z.infer<typeof accountsManifest>;
export type TableManifest = z.infer<typeof tableManifest>;

/** Describes a zod issue in words an analyst can act on. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  const where = path ? `"${path}"` : 'The document';
  if (issue.code === 'invalid_type' && issue.input === undefined) return `${where} is missing.`;
  if (issue.code === 'unrecognized_keys') {
    return `${where === 'The document' ? 'It' : where} has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}.`;
  }
  if (issue.code === 'invalid_union' && path === 'kind') return `"kind" must be one of "posts", "accounts", "table".`;
  const message = issue.message.startsWith('must') ? issue.message : `is invalid (${issue.message})`;
  return `${where} ${message}`.replace(/\.?$/, '.');
}

/** Parses and validates a manifest; throws a located ManifestInvalid. */
export function parseManifest(text: string, file: string): Manifest {
  const source = yamlSource(text);
  const syntax = source.errors[0];
  if (syntax) {
    throw error(
      ManifestInvalid,
      { file, line: syntax.line, column: syntax.column },
      `YAML syntax error: ${syntax.message.replace(/\.?$/, '.')}`,
    );
  }
  const result = manifestSchema.safeParse(source.value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const position = source.locate(issue.path);
  throw error(ManifestInvalid, { file, ...position }, describeIssue(issue));
}
