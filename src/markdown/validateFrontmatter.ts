import type { z } from 'astro/zod';
import { parseCell } from '../data/cell.ts';
import { closestIssue, describeIssue, issuePath, parseForMessages } from '../data/manifest.ts';
import { cutByHashtagProblems, type YamlSource, yamlSource } from '../data/yamlLocation.ts';
import { error, FrontmatterInvalid, type SoundingsError } from '../errors.ts';
import { type Frontmatter, frontmatterSchema } from './frontmatter.ts';
import type { PostSource } from './postSource.ts';

// The frontmatter's YAML, parsed for locations once per post: checking it and locating later problems both need it.
const parsedYaml = new WeakMap<PostSource, YamlSource>();
function yamlOf(source: PostSource): YamlSource {
  let yaml = parsedYaml.get(source);
  if (!yaml) {
    yaml = yamlSource(source.frontmatter, source.frontmatterLine - 1);
    parsedYaml.set(source, yaml);
  }
  return yaml;
}

/** A post's validated frontmatter, or every problem with it, each FrontmatterInvalid at its key's line (`npm run check`). */
export function checkFrontmatter(source: PostSource, file: string): { frontmatter: Frontmatter } | { problems: SoundingsError[] } {
  const yaml = yamlOf(source);
  // js-yaml (gray-matter, Astro) reads an unquoted 2016-02-30 as 1 March; the YAML text itself says which day was meant.
  const written = (yaml.value as { date?: unknown } | null)?.date;
  if (typeof written === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(written) && !parseCell(written, 'date').ok) {
    return {
      problems: [
        error(FrontmatterInvalid, { file, ...yaml.locate(['date']) }, `"date" must be a day that exists in the calendar, not ${written}.`),
      ],
    };
  }
  // A text a hashtag cut short would be published cut short: valid, but not what was written; said with the rest.
  const cut = cutByHashtagProblems(yaml, (at, message) => error(FrontmatterInvalid, { file, ...at }, message));
  const result = parseForMessages(frontmatterSchema, source.data);
  if (result.success) return cut.length > 0 ? { problems: cut } : { frontmatter: result.data };
  return {
    problems: [
      ...cut,
      ...result.error.issues.map((found) => {
        const issue = closestIssue(found as z.core.$ZodIssue);
        return error(FrontmatterInvalid, { file, ...yaml.locate(issuePath(issue)) }, describeIssue(issue, frontmatterSchema, source.data));
      }),
    ],
  };
}

/** Validates a post's frontmatter; throws FrontmatterInvalid at the (first) offending key's line. */
export function validateFrontmatter(source: PostSource, file: string): Frontmatter {
  const checked = checkFrontmatter(source, file);
  if ('frontmatter' in checked) return checked.frontmatter;
  throw checked.problems[0];
}

/** Points at a frontmatter key, for problems found after validation (e.g. a value naming a missing column). */
export function frontmatterLocator(source: PostSource, file: string) {
  const yaml = yamlOf(source);
  return (path: (string | number)[]) => ({ file, ...yaml.locate(path) });
}
