import { describe, expect, it } from 'vitest';
import { evaluate, expressionColumns, parseExpression } from '../../src/analysis/expression.ts';

// Edge cases: every operator and its typographic form, numbers as operands,
// column names with spaces or hyphens, a missing space, two operators, a
// lone operand; division by zero, empty and non-number cells give NaN.
describe('parseExpression(text)', () => {
  it('parses "a op b" with columns and numbers', () => {
    expect(parseExpression('Leave / Valid_Votes')).toEqual({ left: { column: 'Leave' }, operator: '/', right: { column: 'Valid_Votes' } });
    expect(parseExpression('share * 100')).toEqual({ left: { column: 'share' }, operator: '*', right: { number: 100 } });
    expect(parseExpression(' 1 - share ')).toEqual({ left: { number: 1 }, operator: '-', right: { column: 'share' } });
    expect(parseExpression('votes cast ÷ electorate-size')).toEqual({
      left: { column: 'votes cast' },
      operator: '/',
      right: { column: 'electorate-size' },
    });
    expect(parseExpression('a × b')).toMatchObject({ operator: '*' });
    expect(parseExpression('a − b')).toMatchObject({ operator: '-' });
    expect(parseExpression('a + b')).toMatchObject({ operator: '+' });
  });

  it('refuses anything else with a sentence saying what to write', () => {
    const message = '"Leave/Valid" must be two operands joined by one of + - * / with a space on each side, e.g. "Leave / Valid_Votes".';
    expect(parseExpression('Leave/Valid')).toBe(message);
    expect(typeof parseExpression('a + b + c')).toBe('string');
    expect(typeof parseExpression('Leave')).toBe('string');
    expect(typeof parseExpression('Math.max(a) / b')).toBe('object'); // a column name, never code: it will not exist
  });

  it('lists the columns it reads', () => {
    const parsed = parseExpression('Leave / 2');
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(expressionColumns(parsed)).toEqual(['Leave']);
  });
});

describe('evaluate(expression, row)', () => {
  const parse = (text: string) => {
    const parsed = parseExpression(text);
    if (typeof parsed === 'string') throw new Error(parsed);
    return parsed;
  };

  it('computes each operator (6 / 4, 6 * 4, 6 + 4, 6 − 4)', () => {
    const row = { a: 6, b: 4 };
    expect(evaluate(parse('a / b'), row)).toBe(1.5);
    expect(evaluate(parse('a * b'), row)).toBe(24);
    expect(evaluate(parse('a + b'), row)).toBe(10);
    expect(evaluate(parse('a - b'), row)).toBe(2);
    expect(evaluate(parse('a * 0.5'), row)).toBe(3);
  });

  it('gives NaN for a division by zero, an empty, missing or non-number cell', () => {
    expect(evaluate(parse('a / b'), { a: 1, b: 0 })).toBeNaN();
    expect(evaluate(parse('a / b'), { a: 0, b: 0 })).toBeNaN();
    expect(evaluate(parse('a + b'), { a: 1, b: null })).toBeNaN();
    expect(evaluate(parse('a + b'), { a: 1 })).toBeNaN();
    expect(evaluate(parse('a + b'), { a: 1, b: '2' })).toBeNaN();
  });
});
