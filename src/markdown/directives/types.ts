import type { z } from 'astro/zod';
import type { PostAnalysis } from '../../analysis/analysePost.ts';
import type { Location } from '../../errors.ts';
import type { PostRecorder } from '../postRecord.ts';

/** What a directive's renderer may use: the post's computed values and tables, and where the post is. */
export interface DirectiveContext {
  analysis: PostAnalysis;
  /** The post's path relative to the project root, for messages. */
  file: string;
  /** The post's folder, absolute, for files beside it (chart specs). */
  postDir: string;
  /** Where this directive is in the post (for warnings; errors get it from the plugin). */
  location: Location;
  /** A per-post counter, so generated ids are stable and unique on the page. */
  nextId(prefix: string): string;
  /** Records what the page shows (each value printed, each chart's table) for the methods appendix and CSVs. */
  recorder: PostRecorder;
}

/**
 * What a directive's {@link Directive.check} may use: the post as its frontmatter gives it, without its data (the
 * check runs when the data cannot be read too, so that a post's other mistakes are reported with that one).
 */
export interface DirectiveSetting {
  /** The ids of the post's campaigns; undefined when its frontmatter could not be read. */
  campaigns: readonly string[] | undefined;
  file: string;
  postDir: string;
  location: Location;
}

/** Where a directive's warnings point: its line (`post.md:21`), as editors jump to it. */
export const atLine = ({ location: { file, line } }: Pick<DirectiveContext, 'location'>): Location =>
  line === undefined ? { file } : { file, line };

/**
 * Every directive has the same shape: a name, a zod schema for its
 * attributes, and a renderer from attributes to HTML. The remark plugin holds
 * only the registry and the tree walk.
 */
export interface Directive<A = Record<string, unknown>> {
  name: string;
  /** `text` for `:name[…]{…}` inside prose, `leaf` for `::name[…]{…}` on its own line. */
  kind: 'text' | 'leaf';
  attributes: z.ZodType<A>;
  /**
   * Refuses what is wrong whatever the data (a missing title, an unknown spec or campaign, a format that does not
   * exist) by throwing `DirectiveProblem`. Runs before `render`, which is then spared these mistakes, and on its own
   * when the post's data cannot be read or analysed.
   */
  check?(attributes: A, label: string, setting: DirectiveSetting): void;
  /**
   * Renders to an HTML string. `label` is the directive's `[…]` text.
   * Throw `DirectiveProblem` for a mistake in the post; it is reported at the attribute it names, else at the
   * directive's position.
   */
  render(attributes: A, label: string, context: DirectiveContext): string | Promise<string>;
}

/**
 * A mistake in how a post uses a directive; the plugin adds the location: where the attribute the mistake is in is
 * written (`{ attribute: 'spec' }`: an unknown spec is reported at `spec=`, as a misspelt attribute is), else the
 * directive's start; unless the mistake is in another file the directive reads (a chart's spec file), whose location
 * it then carries.
 */
export class DirectiveProblem extends Error {
  readonly data: { name: string; title: string; hint: string; message: (...args: never[]) => string };
  readonly detail: string;
  readonly location: Location | undefined;
  /** The attribute the mistake is in, when it is in one. */
  readonly attribute: string | undefined;

  constructor(data: DirectiveProblem['data'], detail: string, where?: Location | { attribute: string }) {
    super(detail);
    this.data = data;
    this.detail = detail;
    this.location = where && 'file' in where ? where : undefined;
    this.attribute = where && 'attribute' in where ? where.attribute : undefined;
  }
}

export type { Location };
