/**
 * The remark plugin: validates the post's frontmatter, loads its datasets,
 * analyses them, and replaces every directive with its rendered HTML.
 *
 *   frontmatter ─ validate ─ load datasets ─ analysePost ─┐
 *   Markdown tree ─ walk directives ───────────────────────┴─ render ─ html nodes
 *
 * It holds only the registry lookup and the tree walk; each directive lives in
 * `directives/`. Problems are reported at `post.md:line:column`, all of them at
 * once, and fail the build: a page with a wrong number must not be published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';
import type { Html, Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type AccentVariant, accentVariants } from '../analysis/accentVariants.ts';
import { analysePost, type PostAnalysis } from '../analysis/analysePost.ts';
import { leadChanges } from '../analysis/leadChanges.ts';
import { nearMissHashtags } from '../analysis/nearMissHashtags.ts';
import { silentWeeks } from '../analysis/silentWeeks.ts';
import { unusedHashtags } from '../analysis/unusedHashtags.ts';
import { projectPath } from '../data/datasetFiles.ts';
import { describeIssue, issuePath, parseForMessages } from '../data/manifest.ts';
import type { Dataset } from '../data/types.ts';
import {
  AccentVariants,
  DirectiveInvalid,
  error,
  FrontmatterInvalid,
  type Location,
  MalformedDirective,
  NearMissHashtags,
  printedRender,
  SilentWeeks,
  SoundingsError,
  TableInvalid,
  UnknownDirective,
  UnknownKey,
  UnusedHashtag,
  ValueInvalid,
  WeeklyLeadChanges,
  WordCloudInvalid,
  warn,
} from '../errors.ts';
import { nearestKeys } from '../nearest.ts';
import { postsLanguage } from '../site/siteSettings.ts';
import { attributeAt } from './attributeAt.ts';
import { cachedDataset } from './datasetCache.ts';
import { type Directive, DirectiveProblem, directives } from './directives/index.ts';
import type { Frontmatter } from './frontmatter.ts';
import { checkPins } from './pins.ts';
import { type PostRecord, PostRecorder } from './postRecord.ts';
import { bodyLineOffset, postSource } from './postSource.ts';
import { renderedAhead } from './renderedAhead.ts';
import { strayDirectives } from './strayDirectives.ts';
import { frontmatterLocator, validateFrontmatter } from './validateFrontmatter.ts';

export interface SoundingsOptions {
  root: string;
  dataDir: string;
}

type AnyDirective = TextDirective | LeafDirective | ContainerDirective;

/** Several problems in one post, reported together. */
export class SoundingsErrors extends Error {
  readonly errors: SoundingsError[];

  constructor(errors: SoundingsError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.errors = errors;
    this.name = 'SoundingsErrors';
  }

  /**
   * As {@link SoundingsError}'s: the messages, not a stack trace and a dump of every error, headed by the post they stop
   * (errors.ts, printedRender).
   */
  [inspect.custom](): string {
    return printedRender(this.message);
  }
}

async function loadDatasets(frontmatter: Frontmatter, options: SoundingsOptions, locate: (path: (string | number)[]) => Location) {
  const datasets: Record<string, Dataset> = {};
  for (const [alias, id] of Object.entries(frontmatter.datasets)) {
    try {
      // Awaited: dataset loading may become asynchronous (streamed readers).
      datasets[alias] = await cachedDataset(id, options);
    } catch (e) {
      if (e instanceof SoundingsError && e.name === 'DatasetNotFound') {
        throw new SoundingsError(e, e.detail, locate(['datasets', alias]));
      }
      // Posts sharing a dataset share one load, and so one error object; each post throws its own copy, since
      // the Markdown processor prefixes the message it is given ("Failed to parse Markdown file …") in place.
      if (e instanceof SoundingsError) throw new SoundingsError(e, e.detail, e.location);
      throw new Error((e as Error).message, { cause: e });
    }
  }
  return datasets;
}

/**
 * Whether the post prints a size of the weekly gap (`weekly.gap.mean`, `.max`, `.latest`, not the signed
 * `weekly.gap.lead.*`): in a `:value`, its headline, or a value or table its frontmatter computes. Only then can a lead
 * that changes side be misread in it; a post of two close campaigns that never prints the gap was warned of it on
 * every build.
 */
export function printsGapSize(found: readonly FoundDirective[], frontmatter: Frontmatter): boolean {
  const size = /\bweekly\.gap\.(?!lead\b)/;
  const keys = found
    .filter(({ node }) => node.type === 'textDirective' && node.name === 'value')
    .map(({ node }) => String(node.attributes?.key ?? labelOf(node)));
  return (
    keys.some((key) => size.test(key.trim())) ||
    size.test(frontmatter.headline ?? '') ||
    size.test(JSON.stringify([frontmatter.values ?? null, frontmatter.tables ?? null]))
  );
}

async function analyseData(
  frontmatter: Frontmatter,
  locate: (path: (string | number)[]) => Location,
  options: SoundingsOptions,
  gapPrinted: boolean,
) {
  const datasets = await loadDatasets(frontmatter, options, locate);
  const analysis = analysePost(
    frontmatter,
    datasets,
    (path, message, as) => {
      if (as) throw new SoundingsError(as, message, locate(path));
      const [section, name] = path;
      if (section === 'values' && name !== undefined) throw error(ValueInvalid, locate(path), String(name), message);
      if (section === 'tables' && name !== undefined) throw error(TableInvalid, locate(path), String(name), message);
      throw error(FrontmatterInvalid, locate(path), `"${path.join('.')}": ${message}`);
    },
    { language: postsLanguage(options.root) },
  );
  if (frontmatter.headline !== undefined && !analysis.values.has(frontmatter.headline)) {
    throw error(UnknownKey, locate(['headline']), frontmatter.headline, nearestKeys(frontmatter.headline, analysis.values.keys()));
  }
  if (analysis.posts) {
    warnAccentVariants(accentVariants(analysis.posts.rows, analysis.campaigns), frontmatter, locate);
    for (const u of unusedHashtags(analysis.posts.rows, analysis.campaigns))
      warn(UnusedHashtag, locate(['campaigns', u.campaign, 'hashtags', u.hashtag]), u.listed, u.label, u.near);
    // At the campaign's hashtags, as accent variants are: the line a spelling is added to.
    const misses = nearMissHashtags(analysis.posts.rows, analysis.campaigns);
    analysis.campaigns.forEach((campaign, i) => {
      const these = misses.filter((m) => m.campaign === i);
      if (these.length > 0) warn(NearMissHashtags, locate(['campaigns', i, 'hashtags']), campaign.label, these);
    });
    warnWeeks(analysis, frontmatter, locate, gapPrinted);
  }
  return { frontmatter, analysis, datasets };
}

/**
 * Warns of what the weekly figures count silently: a lead that changes side under the unsigned gap (leadChanges.ts),
 * at the frontmatter's `gap`, or at the post's file when the gap is the default pair (no line says it); and whole
 * weeks without a post (silentWeeks.ts), at the line that names the posts datasets, whose folder an export is added to.
 */
function warnWeeks(analysis: PostAnalysis, frontmatter: Frontmatter, locate: (path: (string | number)[]) => Location, gapPrinted: boolean) {
  const { weekly, posts } = analysis;
  if (!weekly || !posts) return;
  if (weekly.gap && gapPrinted) {
    const { a, b, weeks } = weekly.gap;
    const change = leadChanges(weeks);
    if (change) {
      const [leader, other] = change.leader === 'a' ? [a, b] : [b, a];
      const at = frontmatter.gap ? locate(['gap']) : { file: locate([]).file };
      warn(WeeklyLeadChanges, at, leader.label, other.label, change.led, change.trailed, change.counted);
    }
  }
  const silent = silentWeeks(posts.rows, analysis.campaigns, weekly.counted);
  // Without "posts", the post counts its one posts dataset, named under "datasets".
  const at = frontmatter.posts === undefined ? ['datasets', analysis.postsAliases[0] ?? ''] : ['posts'];
  if (silent.length > 0)
    warn(
      SilentWeeks,
      locate(at),
      posts.datasets.map((d) => d.id),
      silent,
    );
}

/** Warns, at each campaign's hashtags, of the posts' hashtags that differ from its own only by accents. */
function warnAccentVariants(variants: readonly AccentVariant[], frontmatter: Frontmatter, locate: (path: (string | number)[]) => Location) {
  frontmatter.campaigns.forEach((campaign, i) => {
    const these = variants.filter((v) => v.campaign === campaign.id);
    if (these.length === 0) return;
    warn(AccentVariants, locate(['campaigns', i, 'hashtags']), campaign.label, these);
  });
}

function directiveName(node: AnyDirective): string {
  return node.type === 'textDirective' ? `:${node.name}` : node.type === 'leafDirective' ? `::${node.name}` : `:::${node.name}`;
}

function labelOf(node: AnyDirective): string {
  if (node.type === 'containerDirective') return '';
  let text = '';
  visit(node, 'text', (t: Text) => {
    text += t.value;
  });
  return text;
}

/** The directives, by name. */
const registry = new Map(directives.map((d) => [d.name, d as Directive<Record<string, unknown>>]));

/** A directive of a post's Markdown tree, where it sits in its parent. */
export interface FoundDirective {
  node: AnyDirective;
  index: number;
  parent: { children: unknown[] };
}

/** Every directive of `tree`, in document order. */
export function findDirectives(tree: Root): FoundDirective[] {
  const found: FoundDirective[] = [];
  visit(tree, (node, index, parent) => {
    if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
    if (parent && index !== undefined) found.push({ node: node as AnyDirective, index, parent: parent as { children: unknown[] } });
  });
  return found;
}

/**
 * What the output of a post's directives depends on in its Markdown tree: each directive as written (kind, name,
 * attributes, label) and where (offsets into the body). Two trees with the same signature, of the same file with the
 * same data, render the same (src/markdown/renderedAhead.ts).
 */
export function directivesSignature(found: readonly FoundDirective[]): string {
  return JSON.stringify(
    found.map(({ node }) => [
      node.type,
      node.name,
      node.attributes ?? {},
      labelOf(node),
      node.position?.start.offset,
      node.position?.end.offset,
    ]),
  );
}

/** A post's Markdown as the remark plugin is given it. */
export interface PostText {
  /** The file's absolute path. */
  path: string;
  /** The whole file. */
  fileText: string;
  /** The Markdown body remark parsed (the frontmatter removed). */
  body: string;
}

/** What a post's directives render to: each one's node (in {@link findDirectives}' order), and the post's record. */
export interface RenderedPost {
  nodes: (Html | Text | undefined)[];
  record: PostRecord;
}

/**
 * Analyses a post and renders its directives (`found`, from `tree`); throws its problems, every one of them. A problem
 * the analysis cannot go on from (a dataset that is not there, a value that cannot be computed) stops it, and is
 * reported with every mistake the directives' own checks find without the data (an unknown spec or campaign, a
 * misspelt attribute), so that one run shows them all.
 */
export async function renderPost(
  { path, fileText, body }: PostText,
  tree: Root,
  found: readonly FoundDirective[],
  options: SoundingsOptions,
): Promise<RenderedPost> {
  const file = projectPath(options.root, path);
  const lineOffset = bodyLineOffset(fileText, body);
  const at = (node: AnyDirective): Location => ({
    file,
    line: (node.position?.start.line ?? 1) + lineOffset,
    column: node.position?.start.column ?? 1,
  });

  /** Where an attribute a problem names (`path`: its name) is written in the directive, or the directive's start. */
  const attributeLocation = (node: AnyDirective, path: readonly PropertyKey[]): Location => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    const name = path[0];
    if (start === undefined || end === undefined || typeof name !== 'string') return at(node);
    const source = body.slice(start, end);
    const offset = attributeAt(source, name);
    if (offset === undefined) return at(node);
    const before = source.slice(0, offset).split('\n');
    const { line = 1, column = 1 } = at(node);
    return before.length === 1
      ? { file, line, column: column + offset }
      : { file, line: line + before.length - 1, column: (before.at(-1) as string).length + 1 };
  };
  const problems: SoundingsError[] = [];
  /** A directive's problem, at the attribute it names, else at the directive (unless it is in another file). */
  const directiveProblem = (node: AnyDirective, e: unknown) => {
    if (e instanceof DirectiveProblem) {
      const where = e.location ?? (e.attribute === undefined ? at(node) : attributeLocation(node, [e.attribute]));
      problems.push(new SoundingsError(e.data, e.detail, where));
    } else if (e instanceof SoundingsError) problems.push(new SoundingsError(e, e.detail, at(node)));
    else throw e;
  };

  // The frontmatter, the pins and the analysis: a problem here stops the analysis, not the directives' checks.
  // Without directives there is nothing to compute, but the frontmatter is still checked.
  let frontmatter: Frontmatter | undefined;
  let analysed: Awaited<ReturnType<typeof analyseData>> | undefined;
  try {
    const source = postSource(fileText, file);
    frontmatter = validateFrontmatter(source, file);
    const locate = frontmatterLocator(source, file);
    // Stale pins are reported with the post's other problems.
    problems.push(...(await checkPins(frontmatter, locate, options)));
    analysed = await analyseData(frontmatter, locate, options, printsGapSize(found, frontmatter));
  } catch (e) {
    if (e instanceof SoundingsErrors) problems.push(...e.errors);
    else if (e instanceof SoundingsError) problems.push(e);
    else throw e;
  }

  for (const stray of strayDirectives(tree, body))
    problems.push(error(MalformedDirective, { file, line: stray.line + lineOffset, column: stray.column }, stray.written, stray.reason));
  // Each directive checked without the data: its name, its attributes, then its own check.
  const setting = { campaigns: frontmatter?.campaigns.map((c) => c.id), file, postDir: dirname(path) };
  const checked = found.map(
    ({ node }): Text | { directive: Directive<Record<string, unknown>>; attrs: Record<string, unknown> } | undefined => {
      const directive = registry.get(node.name);
      const expected = node.type === 'textDirective' ? 'text' : 'leaf';
      if (!directive || directive.kind !== expected) {
        const known = directives.filter((d) => d.kind === expected).map((d) => d.name);
        if (node.type === 'textDirective') {
          const start = node.position?.start.offset;
          const end = node.position?.end.offset;
          const original = start !== undefined && end !== undefined ? body.slice(start, end) : `:${node.name}`;
          // Ordinary colons in prose ("10:30", "note:this", "a:b[c]") are text, as written; one starting a word with
          // a label or attributes (":vlaue[weekly.weeks]") was meant as a directive.
          const inWord = start !== undefined && /[\p{L}\p{N}]/u.test(body[start - 1] ?? '');
          if (inWord || original.length === node.name.length + 1) return { type: 'text', value: original } satisfies Text;
        }
        problems.push(error(UnknownDirective, at(node), directiveName(node), known));
        return undefined;
      }
      const parsed = parseForMessages(directive.attributes, node.attributes ?? {});
      if (!parsed.success) {
        // Every bad attribute at once, not one a run.
        // The word clouds' attributes are documented in their own README section.
        const invalid = node.name === 'wordcloud' || node.name === 'wordcompare' ? WordCloudInvalid : DirectiveInvalid;
        // Each unknown attribute on its own, each at its own column (zod gives them as one issue).
        const issues = parsed.error.issues.flatMap((issue) =>
          issue.code === 'unrecognized_keys' && issue.keys.length > 1 ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue],
        );
        for (const issue of issues)
          problems.push(
            error(
              invalid,
              attributeLocation(node, issuePath(issue)),
              node.name,
              describeIssue(issue, directive.attributes, node.attributes ?? {}),
            ),
          );
        return undefined;
      }
      try {
        directive.check?.(parsed.data, labelOf(node), { ...setting, location: at(node) });
      } catch (e) {
        directiveProblem(node, e);
        return undefined;
      }
      return { directive, attrs: parsed.data };
    },
  );

  // Then, with the data analysed, each directive that passed its checks is rendered.
  if (!analysed) throw allOf(problems);
  const { analysis, datasets } = analysed;
  const recorder = new PostRecorder(analysis);
  let counter = 0;
  const context = { analysis, file, postDir: dirname(path), nextId: (prefix: string) => `${prefix}-${++counter}`, recorder };
  const nodes = await Promise.all(
    found.map(async ({ node }, i): Promise<Html | Text | undefined> => {
      const c = checked[i];
      if (c === undefined || 'type' in c) return c;
      try {
        const html = await c.directive.render(c.attrs, labelOf(node), { ...context, location: at(node) });
        return { type: 'html', value: html };
      } catch (e) {
        directiveProblem(node, e);
        return undefined;
      }
    }),
  );
  if (problems.length > 0) throw allOf(problems);
  return { nodes, record: recorder.finish(datasets, analysed.frontmatter.headline) };
}

/** A post's problems (at least one), in the order of their lines and columns, as one error. */
function allOf(problems: SoundingsError[]): SoundingsError | SoundingsErrors {
  problems.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
  return problems.length === 1 ? (problems[0] as SoundingsError) : new SoundingsErrors(problems);
}

export function remarkSoundings(options: SoundingsOptions) {
  return async function transform(tree: Root, vfile: VFile) {
    const path = vfile.path;
    if (!path || !existsSync(path)) return;
    const post: PostText = { path, fileText: readFileSync(path, 'utf8'), body: String(vfile.value) };
    const found = findDirectives(tree);
    // Rendered already by the build's second thread, from the same Markdown and data; else here.
    const ahead = await renderedAhead(post, tree, directivesSignature(found), options);
    const { nodes, record } = ahead ?? (await renderPost(post, tree, found, options));
    // What the page shows about the post's numbers: Astro hands it to pages as
    // `remarkPluginFrontmatter.soundings` (see src/markdown/postRecord.ts).
    const data = vfile.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.soundings = record;
    // Replace from the last to the first so earlier indexes stay valid.
    for (let i = found.length - 1; i >= 0; i--) {
      const { parent, index } = found[i] as FoundDirective;
      parent.children.splice(index, 1, nodes[i]);
    }
  };
}
