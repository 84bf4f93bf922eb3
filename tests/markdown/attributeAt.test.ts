import { describe, expect, it } from 'vitest';
import { attributeAt } from '../../src/markdown/attributeAt.ts';

describe('attributeAt(source, name)', () => {
  it("finds an attribute after the label, past other attributes' values, quoted or not", () => {
    const source = '::chart[Share of voice]{data=weekly description="colour=red {here}" colour=red}';
    expect(attributeAt(source, 'colour')).toBe(source.lastIndexOf('colour'));
    expect(attributeAt(source, 'data')).toBe(source.indexOf('data'));
    const value = ":value[weekly.weeks]{format='a digits b' digits=2}";
    expect(attributeAt(value, 'digits')).toBe(value.lastIndexOf('digits'));
  });

  it('reads past brackets and braces in the label, and finds a bare attribute', () => {
    const source = '::wordcloud[The [red] {campaign} \\] words]{campaign=red  colour}';
    expect(attributeAt(source, 'colour')).toBe(source.lastIndexOf('colour'));
    expect(attributeAt(source, 'campaign')).toBe(source.lastIndexOf('campaign'));
  });

  it('finds nothing for an attribute not written, or a directive without attributes', () => {
    expect(attributeAt('::chart[colour]{data=weekly}', 'colour')).toBeUndefined();
    expect(attributeAt('::chart[Title]', 'data')).toBeUndefined();
    expect(attributeAt('::chart{data="colour=red"}', 'colour')).toBeUndefined();
  });
});
