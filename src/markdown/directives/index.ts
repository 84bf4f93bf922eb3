import { chartDirective } from './chart.ts';
import { tableDirective } from './table.ts';
import type { Directive } from './types.ts';
import { valueDirective } from './value.ts';
import { wordcloudDirective } from './wordcloud.ts';
import { wordcompareDirective } from './wordcompare.ts';

/** The registry of directives a post may use. */
export const directives: Directive<never>[] = [
  valueDirective,
  chartDirective,
  tableDirective,
  wordcloudDirective,
  wordcompareDirective,
] as Directive<never>[];
export type { Directive, DirectiveContext } from './types.ts';
export { DirectiveProblem } from './types.ts';
