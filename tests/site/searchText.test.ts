import { describe, expect, it } from 'vitest';
import { separateCells } from '../../src/site/searchText.ts';

describe('separateCells', () => {
  it('puts a space between adjacent cells, list terms and details, and after captions', () => {
    expect(separateCells('<dl><dt>Licence</dt><dd>CC0-1.0</dd><dt>Collected</dt><dd>19 September 2016</dd></dl>')).toBe(
      '<dl><dt>Licence</dt> <dd>CC0-1.0</dd> <dt>Collected</dt> <dd>19 September 2016</dd> </dl>',
    );
    expect(separateCells('<table><caption>Votes</caption><tr><th>label</th><td>79.4%</td></tr></table>')).toBe(
      '<table><caption>Votes</caption> <tr><th>label</th> <td>79.4%</td> </tr></table>',
    );
    expect(separateCells('<details><summary>Data table</summary><table></table></details>')).toBe(
      '<details><summary>Data table</summary> <table></table></details>',
    );
  });

  it('leaves text after a cell, other elements and cell-like words in text alone', () => {
    const html = '<p>a</p><p>b</p><td>x</td>, y <code>&lt;/td&gt;&lt;td&gt;</code><thead></thead>';
    expect(separateCells(html)).toBe(html);
  });
});
