import type { Row } from '../data/types.ts';
import { NUMERAL } from './cellEquals.ts';
import { ratio } from './ratio.ts';

/** A column name or a number. */
export type Operand = { column: string } | { number: number };

export interface Expression {
  left: Operand;
  operator: '+' | '-' | '*' | '/';
  right: Operand;
}

const BINARY = /^(.+?)\s+([-+*/×÷−])\s+(.+)$/;
const OPERATORS: Record<string, Expression['operator']> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '/': '/', '÷': '/' };

const operand = (text: string): Operand => (NUMERAL.test(text) ? { number: Number(text) } : { column: text });

/**
 * Parses the one form a derived column may take: `a op b`, where `op` is
 * `+`, `-`, `*` or `/` (or `−`, `×`, `÷`) with a space on each side, and each
 * side is a column name or a decimal number: `Leave / Valid_Votes`,
 * `share * 100`. Nothing is evaluated as code. Returns the parsed expression,
 * or a sentence saying what is wrong.
 */
export function parseExpression(text: string): Expression | string {
  const match = BINARY.exec(text.trim());
  const [, left, op, right] = match ?? [];
  if (!left || !op || !right || BINARY.test(right.trim())) {
    return `"${text}" must be two operands joined by one of + - * / with a space on each side, e.g. "Leave / Valid_Votes".`;
  }
  return { left: operand(left.trim()), operator: OPERATORS[op] as Expression['operator'], right: operand(right.trim()) };
}

/** The columns an expression reads. */
export function expressionColumns(expression: Expression): string[] {
  return [expression.left, expression.right].flatMap((o) => ('column' in o ? [o.column] : []));
}

/**
 * Evaluates an expression on one row. A column cell that is not a finite
 * number (null, a string, NaN) makes the result NaN, and so does a division
 * by 0 (see {@link ratio}): the caller reports it rather than printing NaN.
 */
export function evaluate(expression: Expression, row: Row): number {
  const read = (o: Operand): number => {
    if ('number' in o) return o.number;
    const cell = row[o.column];
    return typeof cell === 'number' && Number.isFinite(cell) ? cell : Number.NaN;
  };
  const a = read(expression.left);
  const b = read(expression.right);
  switch (expression.operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return ratio(a, b);
  }
}
