/**
 * The frontmatter of a post, validated with zod. Everything a post computes is
 * declared here, as data: the datasets it reads (under aliases), the campaigns
 * it compares, named values read from tables, and the projection.
 */
import { z } from 'astro/zod';
import { VALUE_TYPES } from '../analysis/value.ts';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and "-", starting with a letter');
const cellValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.date()]);
const filter = z.record(z.string(), cellValue);

const valueCommon = {
  /** A human label, used in tables and the projection chart. */
  label: z.string().optional(),
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
]);
export type ValueDefinition = z.infer<typeof valueDefinition>;

export const campaignSchema = z.strictObject({
  id,
  label: z.string().min(1),
  hashtags: z.array(z.string().min(1)).min(1),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as "#b3202a"'),
});

export const frontmatterSchema = z.strictObject({
  title: z.string().min(1),
  date: z.coerce.date(),
  author: z.string().min(1),
  summary: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  draft: z.boolean().default(false),
  /** Alias → dataset folder name under data/. */
  datasets: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase alias'), z.string().min(1)).default({}),
  /** The alias of the posts dataset the campaign figures use (default: the only posts dataset). */
  posts: z.string().optional(),
  campaigns: z.array(campaignSchema).default([]),
  /** The two campaign ids whose weekly gap is computed (default: the first two). */
  gap: z.tuple([z.string(), z.string()]).optional(),
  values: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'must be a camelCase name'), valueDefinition).default({}),
  projection: z
    .strictObject({
      /** The campaign whose share of voice is read as a vote share. */
      campaign: z.string(),
      label: z.string().default('Share of voice'),
      /** Value names to compare it with, in order. */
      references: z.array(z.string()).default([]),
    })
    .optional(),
  /** The key of the post's headline figure. */
  headline: z.string().optional(),
});

export type Frontmatter = z.infer<typeof frontmatterSchema>;
export type FrontmatterInput = z.input<typeof frontmatterSchema>;
