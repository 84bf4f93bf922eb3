import type { z } from 'astro/zod';
import { describeIssue } from '../data/manifest.ts';
import { yamlSource } from '../data/yamlLocation.ts';
import { error, FrontmatterInvalid } from '../errors.ts';
import { type Frontmatter, frontmatterSchema } from './frontmatter.ts';
import type { PostSource } from './postSource.ts';

/** Validates a post's frontmatter; throws FrontmatterInvalid at the offending key's line. */
export function validateFrontmatter(source: PostSource, file: string): Frontmatter {
  const result = frontmatterSchema.safeParse(source.data);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const position = yamlSource(source.frontmatter, source.frontmatterLine - 1).locate(issue.path);
  throw error(FrontmatterInvalid, { file, ...position }, describeIssue(issue));
}

/** Points at a frontmatter key, for problems found after validation (e.g. a value naming a missing column). */
export function frontmatterLocator(source: PostSource, file: string) {
  const yaml = yamlSource(source.frontmatter, source.frontmatterLine - 1);
  return (path: (string | number)[]) => ({ file, ...yaml.locate(path) });
}
