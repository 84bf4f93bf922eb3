/**
 * The site's own settings: `content/site.yaml`, where a consultancy publishes the site under its own name (its name,
 * description, canonical address and language) without editing code. Beside the posts, in the folder analysts
 * already work in and that SOUNDINGS_CONTENT_DIR points at, so a fixture site carries its own.
 *
 * Without the file the site is Soundings' sample: the defaults below, and the example origin, which the build warns
 * of. A file that is there is validated like a manifest: every problem at its `file:line:column`.
 *
 * Pages read the settings as they render ({@link siteSettings}), not once when their module loads: `astro dev`
 * reloads the open pages when the file changes, without restarting unless the origin changed (siteConfig.ts), and a
 * change that makes it invalid keeps the running server, whose pages then show the error rather than the old name.
 * The file is small; it is parsed again only when its text changes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { languageHint } from '../analysis/stopwords.ts';
import { projectPath } from '../data/datasetFiles.ts';
import { closestIssue, describeIssue, issuePath, parseForMessages } from '../data/manifest.ts';
import { cutByHashtagProblems, yamlSource } from '../data/yamlLocation.ts';
import { DIRECTIONAL, invisibleControlProblem } from '../directional.ts';
import { error, SiteOriginInvalid, SiteSettingsInvalid, SiteSettingsMisnamed, type SoundingsError, shown } from '../errors.ts';
import { smartText } from '../markdown/smartText.ts';
import { nearestKeys } from '../nearest.ts';
import { sitePaths } from './paths.ts';
import { locatedError } from './renderFailure.ts';

/** The settings file's name, in the content folder. */
export const SITE_FILE = 'site.yaml';
/** The name it is refused under (site.yml): ignored, it would publish the site as "Soundings". */
export const MISNAMED_FILE = 'site.yml';

/** What a site without a site.yaml is called and says: the sample's, as before the file existed. */
export const DEFAULT_SETTINGS = {
  name: 'Soundings',
  description: 'Analyses of online campaigns, polls and results, with every figure computed from the data.',
  tagline: 'Data analysis, computed from the data',
  language: 'en-GB',
} as const;

/** The canonical origin of a site that names none: an example address, which the build warns of. */
export const DEFAULT_ORIGIN = 'https://soundings.example.org';

/** The longest name the header keeps on one line beside the navigation, and the social card on its one line. */
export const NAME_LIMIT = 60;
/** The longest tagline: the header sets it beside the name in small type, on one line at a desktop's width. */
export const TAGLINE_LIMIT = 80;

export interface SiteSettings {
  name: string;
  description: string;
  /** The short line the header shows beside the name, on every page; empty for none (`tagline: false`). */
  tagline: string;
  /** The canonical origin (`https://analysis.example.com`, no trailing slash), when the file gives one. */
  url?: string | undefined;
  /** A BCP 47 language tag in its canonical form (`en-GB`): the pages' `lang`, the feed's and search's language. */
  language: string;
}

// Controls that reorder the text after them (U+202E reverses it) wherever the name is shown: the title bar, a feed
// reader, the social card. A right-to-left name needs none of them; the page lays its letters out as it is. The rule
// is a post's frontmatter's too (src/directional.ts); a one-line text refuses the other controls as well.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Text shown as one line: white space runs (a YAML block's line breaks) read as one space, and no controls. With a
 * `max`, `where` says why it is the limit: where the text is shown on one line.
 */
const oneLine = (max?: number, where = '') =>
  z.string().transform((raw, ctx) => {
    const text = raw.replace(/\s+/g, ' ').trim();
    const control = DIRECTIONAL.exec(text) ?? CONTROL.exec(text);
    if (text === '') ctx.addIssue({ code: 'custom', message: 'must not be empty.', input: raw });
    else if (control)
      ctx.addIssue({
        code: 'custom',
        message: invisibleControlProblem(text, control),
        input: raw,
      });
    else if (max !== undefined && Array.from(text).length > max)
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${max} characters, not ${Array.from(text).length}: ${where}. Say more in "description".`,
        input: raw,
      });
    else return text;
    return z.NEVER;
  });

/**
 * Why `value` is not an absolute http(s) origin, or undefined when it is one. An origin only: the site's links
 * start with "/", so it is served at the root of its domain, and an address with a path would make canonical links
 * that lead nowhere.
 */
export function originProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // "analysis.example.com": an address without its scheme.
    return /^[\w-]+(\.[\w-]+)+(:\d+)?\/?$/.test(value)
      ? `must be an absolute address with its scheme, "https://${shown(value.replace(/\/$/, ''))}", not "${shown(value)}".`
      : `must be an absolute http:// or https:// address such as "https://analysis.example.com", not "${shown(value)}".`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `must be an http:// or https:// address, the one readers reach the site at, not "${shown(value)}".`;
  if (url.username || url.password) return `must not hold a user name or password, which every page would then publish.`;
  if (url.pathname !== '/' || url.search || url.hash)
    return `must be the site's origin alone, "${shown(url.origin)}", not "${shown(value)}": the site is served at the root of its domain (its links start with "/").`;
  return undefined;
}

const origin = z.string().transform((value, ctx) => {
  const problem = originProblem(value.trim());
  if (problem === undefined) return new URL(value.trim()).origin;
  ctx.addIssue({ code: 'custom', message: problem, input: value });
  return z.NEVER;
});

const language = z.string().transform((value, ctx) => {
  const tag = value.trim();
  try {
    // A language subtag of 2 or 3 letters: Intl would take "english" (5 to 8 letters are reserved for registration).
    if (/^[a-z]{2,3}(?:-|$)/i.test(tag)) return Intl.getCanonicalLocales(tag)[0] as string;
  } catch {}
  const near = languageHint(tag);
  ctx.addIssue({
    code: 'custom',
    message: `must be a language tag such as "en-GB", "en-US" or "de", not "${shown(tag)}".${near}`,
    input: value,
  });
  return z.NEVER;
});

const taglineLine = oneLine(TAGLINE_LIMIT, 'the header shows it beside the name, on one line on a desktop');

export const siteSettingsSchema = z.strictObject({
  /** The site's name: the header, every page's title, the feed, the social cards. */
  name: oneLine(NAME_LIMIT, 'the header and the social cards show it on one line'),
  /**
   * One or two sentences: the home page's introduction and meta description, and the feed's description. With the
   * posts' typography, as their titles and summaries (src/markdown/smartText.ts).
   */
  description: oneLine().transform(smartText).default(DEFAULT_SETTINGS.description),
  /**
   * The line beside the name in every page's header: the consultancy's own words, not Soundings'. With the posts'
   * typography, as the description.
   */
  tagline: z
    .unknown()
    .transform((value, ctx) => {
      // `false`: no tagline (the header shows the name alone). Without the key a site shows the sample's; a site
      // whose name says it all had no way to show none.
      if (value === false) return '';
      if (typeof value !== 'string') {
        ctx.addIssue({ code: 'invalid_type', expected: 'string', input: value });
        return z.NEVER;
      }
      const line = taglineLine.safeParse(value);
      if (line.success) return smartText(line.data);
      for (const issue of line.error.issues) {
        const none = value.trim() === '' ? ' Write "tagline: false" for a header with the name alone.' : '';
        ctx.addIssue({ code: 'custom', message: `${issue.message}${none}`, input: value });
      }
      return z.NEVER;
    })
    .default(DEFAULT_SETTINGS.tagline),
  /** The canonical origin; SOUNDINGS_SITE overrides it for one deploy (siteOrigin). */
  url: origin.optional(),
  /** The language the posts are written in. */
  language: language.default(DEFAULT_SETTINGS.language),
});

/** What "Nested mappings are not allowed" means in a file of one-line texts: a description such as "Ports: and harbours". */
const COLON = ' A text holding ": " must be quoted: description: "Ports: how they trade".';

/**
 * Parses and validates a site.yaml's text, returning every problem (each YAML syntax error, or each schema issue)
 * located at its key, for `npm run check`; a build stops at the first.
 */
export function readSiteSettings(text: string, file: string): { settings: SiteSettings } | { problems: SoundingsError[] } {
  const source = yamlSource(text);
  if (source.errors.length > 0) {
    return {
      problems: source.errors.map((syntax) =>
        error(
          SiteSettingsInvalid,
          { file, line: syntax.line, column: syntax.column },
          `YAML syntax error: ${syntax.message.replace(/\.?$/, '.')}${syntax.message.startsWith('Nested mappings') ? COLON : ''}`,
        ),
      ),
    };
  }
  const cut = cutByHashtagProblems(source, (at, message) => error(SiteSettingsInvalid, { file, ...at }, message));
  // An empty file (or one of comments) reads as nothing: then "name" is missing, at its first line.
  const result = parseForMessages(siteSettingsSchema, source.value ?? {});
  if (result.success) return cut.length > 0 ? { problems: cut } : { settings: result.data };
  // Unknown keys first: zod lists them last, but "nmae" is why "name" is missing, and a build reports the first.
  // The key it is missing is then said by the unknown key's "did you mean", not again as missing.
  const unknown = result.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
  const misspelt = new Set(unknown.flatMap((key) => nearestKeys(key, Object.keys(siteSettingsSchema.shape), 1)));
  const missing = (i: z.core.$ZodIssue) => i.code === 'invalid_type' && i.input === undefined && misspelt.has(String(i.path[0]));
  const issues = [
    ...result.error.issues.filter((i) => i.code === 'unrecognized_keys'),
    ...result.error.issues.filter((i) => i.code !== 'unrecognized_keys' && !missing(i)),
  ];
  return {
    problems: [
      ...cut,
      ...issues.map((found) => {
        const issue = closestIssue(found as z.core.$ZodIssue);
        return error(
          SiteSettingsInvalid,
          { file, ...source.locate(issuePath(issue)) },
          describeIssue(issue, siteSettingsSchema, source.value),
        );
      }),
    ],
  };
}

/** The default settings, for a site without a site.yaml. */
const DEFAULTS: SiteSettings = { ...DEFAULT_SETTINGS };

/**
 * The settings of the site whose content folder is `contentDir`: its site.yaml's, or the defaults without one.
 * A `site.yml` beside no site.yaml is a problem rather than ignored: the site would be published as "Soundings".
 * File names in messages are relative to `root`.
 */
export function loadSiteSettings(contentDir: string, root: string): { settings: SiteSettings } | { problems: SoundingsError[] } {
  const path = join(contentDir, SITE_FILE);
  if (!existsSync(path)) {
    const misnamed = join(contentDir, MISNAMED_FILE);
    return existsSync(misnamed)
      ? { problems: [error(SiteSettingsMisnamed, { file: projectPath(root, misnamed) })] }
      : { settings: DEFAULTS };
  }
  return readCached(readFileSync(path, 'utf8'), projectPath(root, path));
}

/** The last file read and what it gave: every page asks, and the text seldom changes. */
let last: { text: string; file: string; result: ReturnType<typeof readSiteSettings> } | undefined;
function readCached(text: string, file: string): ReturnType<typeof readSiteSettings> {
  if (last?.text !== text || last.file !== file) last = { text, file, result: readSiteSettings(text, file) };
  return last.result;
}

/**
 * The settings as a page reads them, at render time: the project's (SOUNDINGS_ROOT, set by astro.config.mjs), with
 * SOUNDINGS_CONTENT_DIR for fixture sites. A build has validated the file before any page renders (siteConfig.ts);
 * during `astro dev` a file made invalid since fails the page with its location, which the error overlay shows.
 */
export function siteSettings(): SiteSettings {
  const { root, contentDir } = sitePaths(process.env.SOUNDINGS_ROOT || process.cwd());
  const read = loadSiteSettings(contentDir, root);
  if ('settings' in read) return read.settings;
  throw locatedError(root, 'Soundings could not read the site settings', (read.problems[0] as SoundingsError).message);
}

/**
 * The language site.yaml says the posts are written in (their stopwords' default), for the project at `root`; none
 * when the file cannot be read (the build and `npm run check` report it on their own, located).
 */
export function postsLanguage(root: string): string | undefined {
  const read = loadSiteSettings(sitePaths(root).contentDir, root);
  return 'settings' in read ? read.settings.language : undefined;
}

/** Where the canonical origin came from, for the build's notice. */
export type OriginSource = 'SOUNDINGS_SITE' | 'site.yaml' | 'default';

/**
 * The canonical origin: SOUNDINGS_SITE when set (one deploy, a preview on another host, need not edit the
 * committed file), else the file's `url`, else the example origin.
 */
export function siteOrigin(
  settings: SiteSettings,
  env: NodeJS.ProcessEnv = process.env,
): { origin: string; from: OriginSource } | { problem: SoundingsError } {
  const variable = env.SOUNDINGS_SITE?.trim();
  if (variable) {
    const problem = originProblem(variable);
    return problem === undefined
      ? { origin: new URL(variable).origin, from: 'SOUNDINGS_SITE' }
      : { problem: error(SiteOriginInvalid, undefined, problem) };
  }
  return settings.url ? { origin: settings.url, from: 'site.yaml' } : { origin: DEFAULT_ORIGIN, from: 'default' };
}
