import { describe, expect, it } from 'vitest';
import { rowQuoteSpan, spanSaid } from '../../src/data/csvError.ts';

describe('spanSaid(span) and rowQuoteSpan(fields, first, last)', () => {
  it('name the line a quote opened on and the lines it took in, for a row over line ends only', () => {
    expect(spanSaid({ opened: 2, last: 4 })).toBe(
      ' The quote opened on line 2 runs on to line 4: lines 3–4 were read as part of one field (a stray quote on line 2?).',
    );
    expect(spanSaid({ opened: 7, last: 8 })).toBe(
      ' The quote opened on line 7 runs on to line 8: line 8 was read as part of one field (a stray quote on line 7?).',
    );
    expect(spanSaid(undefined)).toBe('');
    expect(rowQuoteSpan(['1', 't', 'a', '#Red\r\n2,t,b,#Red\n3'], 2, 4)).toEqual({ opened: 2, last: 4 });
    expect(rowQuoteSpan(['1', 't', 'a', 'x', 'extra'], 2, 2)).toBeUndefined();
  });
});
