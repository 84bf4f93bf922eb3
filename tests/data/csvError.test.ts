import { describe, expect, it } from 'vitest';
import { decimalCommaSaid, rowQuoteSpan, spanSaid } from '../../src/data/csvError.ts';

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

describe('decimalCommaSaid(fields, columns, delimiter)', () => {
  it('asks whether two neighbouring fields of a row too long are one number with a decimal comma, in a comma-separated file only', () => {
    expect(decimalCommaSaid(['London', '0', '62', '12'], 3, ',')).toBe(
      ' Fields 2 and 3 ("0" and "62") may be one number written with a decimal comma, 0,62, as a spreadsheet writes numbers in French, German or Spanish settings: unquoted, it splits in two. Soundings reads only a decimal point (a comma also separates thousands): export the file again with "." as the decimal separator, or replace such commas with points.',
    );
    expect(decimalCommaSaid(['Paris', '-12', '5'], 2, ',')).toContain('Fields 2 and 3 ("-12" and "5")');
    // 1,234 may be a thousands separator; a row no longer than its header, or another delimiter, has nothing to say.
    expect(decimalCommaSaid(['Leeds', '1', '234'], 2, ',')).toBe('');
    expect(decimalCommaSaid(['London', '0', '62'], 3, ',')).toBe('');
    expect(decimalCommaSaid(['London', '0', '62'], 2, ';')).toBe('');
    expect(decimalCommaSaid(['a', 'b', 'c'], 2, ',')).toBe('');
  });
});
