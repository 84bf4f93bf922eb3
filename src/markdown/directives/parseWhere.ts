import type { Cell } from '../../data/types.ts';
import { DirectiveInvalid } from '../../errors.ts';
import { DirectiveProblem } from './types.ts';

/** Parses a directive's `where="platform=twitter, year=2016"` into a filter for `where()`. */
export function parseWhere(text: string, directive: string): Record<string, Cell> {
  const filter: Record<string, Cell> = {};
  for (const part of text.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 1) {
      throw new DirectiveProblem(
        DirectiveInvalid,
        DirectiveInvalid.message(directive, `where="${text}" must be column=value pairs separated by commas.`),
        { attribute: 'where' },
      );
    }
    filter[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return filter;
}
