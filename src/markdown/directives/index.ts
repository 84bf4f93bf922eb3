import { chartDirective } from './chart.ts';
import type { Directive } from './types.ts';
import { valueDirective } from './value.ts';

/** The registry of directives a post may use. */
export const directives: Directive<never>[] = [valueDirective, chartDirective] as Directive<never>[];
export type { Directive, DirectiveContext } from './types.ts';
export { DirectiveProblem } from './types.ts';
