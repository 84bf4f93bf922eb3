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
import type { Html, Root, Text } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { analysePost, type PostAnalysis } from '../analysis/analysePost.ts';
import { where } from '../analysis/where.ts';
import { projectPath } from '../data/datasetFiles.ts';
import { describeIssue } from '../data/manifest.ts';
import type { Cell, Dataset } from '../data/types.ts';
import {
  DirectiveInvalid,
  error,
  FrontmatterInvalid,
  type Location,
  SoundingsError,
  TableInvalid,
  UnknownDirective,
  UnknownKey,
  ValueInvalid,
} from '../errors.ts';
import { formatValue } from '../render/format.ts';
import { cachedDataset } from './datasetCache.ts';
import { type Directive, DirectiveProblem, directives } from './directives/index.ts';
import { nearestKeys } from './directives/value.ts';
import type { Frontmatter } from './frontmatter.ts';
import { type PostRecord, PostRecorder } from './postRecord.ts';
import { bodyLineOffset, type PostSource, postSource } from './postSource.ts';
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
      throw e;
    }
  }
  return datasets;
}

/** Analyses a post from its source text. Exposed for the methods page and tests. */
export async function analyseSource(
  text: string,
  file: string,
  options: SoundingsOptions,
): Promise<{ frontmatter: Frontmatter; analysis: PostAnalysis; source: PostSource; datasets: Record<string, Dataset> }> {
  const source = postSource(text);
  const frontmatter = validateFrontmatter(source, file);
  const locate = frontmatterLocator(source, file);
  const datasets = await loadDatasets(frontmatter, options, locate);
  const analysis = analysePost(frontmatter, datasets, (path, message) => {
    const [section, name] = path;
    if (section === 'values' && name !== undefined) throw error(ValueInvalid, locate(path), String(name), message);
    if (section === 'tables' && name !== undefined) throw error(TableInvalid, locate(path), String(name), message);
    throw error(FrontmatterInvalid, locate(path), `"${path.join('.')}": ${message}`);
  });
  if (frontmatter.headline !== undefined && !analysis.values.has(frontmatter.headline)) {
    throw error(UnknownKey, locate(['headline']), frontmatter.headline, nearestKeys(frontmatter.headline, analysis.values.keys()));
  }
  return { frontmatter, analysis, source, datasets };
}

interface RenderedDirective {
  node: AnyDirective;
  attrs: Record<string, unknown>;
  label: string;
}

/** Parses a chart's `where="platform=twitter, year=2016"` as the chart directive does (it has already validated it). */
function chartFilter(text: string | undefined): Record<string, Cell> | undefined {
  if (!text) return undefined;
  const filter: Record<string, Cell> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    filter[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return filter;
}

/**
 * Records what the page shows about a rendered directive (the value's method,
 * the chart's CSV) and returns its HTML, with a "Get the data" link in charts.
 * The CSV itself is written beside the post by `src/pages/posts/[...id]/[chart].csv.ts`.
 */
function recordDirective(
  recorder: PostRecorder,
  node: AnyDirective,
  attrs: Record<string, unknown>,
  label: string,
  html: string,
  analysis: PostAnalysis,
): string {
  if (node.name === 'value') {
    const key = (typeof attrs.key === 'string' ? attrs.key : label).trim();
    const value = analysis.values.get(key);
    if (!value) return html;
    const format = typeof attrs.format === 'string' ? attrs.format : undefined;
    const digits = typeof attrs.digits === 'number' ? attrs.digits : undefined;
    const text = /<span class="value"[^>]*>([^<]*)<\/span>/.exec(html)?.[1];
    recorder.value(key, format, digits, text === undefined ? formatValue(value.value, format ?? 'text', digits) : decodeText(text));
    return html;
  }
  if (node.name === 'chart') {
    const id = /^<figure class="chart" id="([^"]+)"/.exec(html)?.[1];
    const data = typeof attrs.data === 'string' ? attrs.data : '';
    const table = analysis.tables.get(data);
    if (!id || !table) return html;
    const filter = chartFilter(typeof attrs.where === 'string' ? attrs.where : undefined);
    const rows = filter ? where(table.rows, filter) : table.rows;
    const title = (typeof attrs.title === 'string' ? attrs.title : label).trim();
    const chart = recorder.chart(decodeText(id), title, data, rows);
    const link = `<p class="chart-download"><a href="${id}.csv" download>Download the data (CSV, ${chart.rows} row${chart.rows === 1 ? '' : 's'})</a></p>`;
    return html.replace(/<\/figure>$/, `${link}</figure>`);
  }
  return html;
}

/** Undoes `escapeHtml` on text the plugin reads back from a directive's markup. */
function decodeText(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
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

export function remarkSoundings(options: SoundingsOptions) {
  const registry = new Map(directives.map((d) => [d.name, d as Directive<Record<string, unknown>>]));

  return async function transform(tree: Root, vfile: VFile) {
    const path = vfile.path;
    if (!path || !existsSync(path)) return;
    const file = projectPath(options.root, path);
    const fileText = readFileSync(path, 'utf8');
    const body = String(vfile.value);
    const lineOffset = bodyLineOffset(fileText, body);
    const at = (node: AnyDirective): Location => ({
      file,
      line: (node.position?.start.line ?? 1) + lineOffset,
      column: node.position?.start.column ?? 1,
    });

    const found: { node: AnyDirective; index: number; parent: { children: unknown[] } }[] = [];
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective') return;
      if (parent && index !== undefined) found.push({ node: node as AnyDirective, index, parent: parent as { children: unknown[] } });
    });
    // Without directives there is nothing to compute, but the frontmatter is still checked.
    const { analysis, datasets, frontmatter } = await analyseSource(fileText, file, options);
    const recorder = new PostRecorder(analysis);

    const problems: SoundingsError[] = [];
    let counter = 0;
    const context = {
      analysis,
      file,
      postDir: dirname(path),
      nextId: (prefix: string) => `${prefix}-${++counter}`,
    };
    const rendered = await Promise.all(
      found.map(async ({ node }) => {
        const directive = registry.get(node.name);
        const expected = node.type === 'textDirective' ? 'text' : 'leaf';
        if (!directive || directive.kind !== expected) {
          if (node.type === 'textDirective') {
            // Ordinary colons in prose ("10:30", "note:this") are text, as written.
            const start = node.position?.start.offset;
            const end = node.position?.end.offset;
            const original = start !== undefined && end !== undefined ? body.slice(start, end) : `:${node.name}`;
            return { type: 'text', value: original } satisfies Text;
          }
          const known = directives.filter((d) => d.kind === expected).map((d) => d.name);
          problems.push(error(UnknownDirective, at(node), directiveName(node).replace(/^:+/, ''), known));
          return undefined;
        }
        const parsed = directive.attributes.safeParse(node.attributes ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          problems.push(error(DirectiveInvalid, at(node), node.name, issue ? describeIssue(issue) : 'has invalid attributes.'));
          return undefined;
        }
        try {
          const label = labelOf(node);
          const html = await directive.render(parsed.data, label, context);
          return { type: 'html', value: html, rendered: { node, attrs: parsed.data, label } } as Html & { rendered?: RenderedDirective };
        } catch (e) {
          if (e instanceof DirectiveProblem) {
            problems.push(new SoundingsError(e.data, e.detail, at(node)));
            return undefined;
          }
          if (e instanceof SoundingsError) {
            problems.push(new SoundingsError(e, e.detail, at(node)));
            return undefined;
          }
          throw e;
        }
      }),
    );
    problems.sort((a, b) => (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0));
    if (problems.length === 1) throw problems[0];
    if (problems.length > 1) throw new SoundingsErrors(problems);
    // Recorded in document order, after rendering (charts render concurrently).
    for (const node of rendered) {
      const r = node as (Html & { rendered?: RenderedDirective }) | Text | undefined;
      if (r?.type !== 'html' || !r.rendered) continue;
      r.value = recordDirective(recorder, r.rendered.node, r.rendered.attrs, r.rendered.label, r.value, analysis);
      delete r.rendered;
    }
    // What the page shows about the post's numbers: Astro hands it to pages as
    // `remarkPluginFrontmatter.soundings` (see src/markdown/postRecord.ts).
    const record: PostRecord = recorder.finish(datasets, frontmatter.headline);
    const data = vfile.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter.soundings = record;
    // Replace from the last to the first so earlier indexes stay valid.
    for (let i = found.length - 1; i >= 0; i--) {
      const { parent, index } = found[i] as (typeof found)[number];
      parent.children.splice(index, 1, rendered[i]);
    }
  };
}
