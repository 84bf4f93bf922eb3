import { describe, expect, it } from 'vitest';
import { csvCuts } from '../../src/data/csvCuts.ts';
import { tempProject } from './helpers.ts';

const file = (text: string) => `${tempProject({ 'a.csv': text })}/a.csv`;

describe('csvCuts(path, parts)', () => {
  it('cuts after the line feed that ends a record, next after each part of the bytes', () => {
    const text = 'id,text\n1,aaaa\n2,bbbb\n3,cccc\n4,dddd\n5,eeee\n';
    // 43 bytes: the thirds end at bytes 14 and 28, the line feeds that end records 1 and 3: cut where 2 and 4 start.
    expect(csvCuts(file(text), 3)).toEqual([text.indexOf('2,'), text.indexOf('4,')]);
    expect(csvCuts(file(text), 2)).toEqual([text.indexOf('3,')]);
    expect(csvCuts(file(text), 1)).toEqual([]);
  });

  it('never cuts inside a quoted field, whatever its line feeds and doubled quotes', () => {
    const text = 'id,text\n1,"a\n""b""\nc\nd"\n2,"e ""f"""\n3,g\n';
    // Half the bytes is inside record 1's text, three line feeds before it ends: the cut is where record 2 starts.
    expect(csvCuts(file(text), 2)).toEqual([text.indexOf('2,')]);
    expect(csvCuts(file('id,text\n1,a\n2,"bb\nccccccccccccccccccccccccccccccccccccc\n3,dd\n'), 2)).toEqual([]);
  });

  it('gives fewer cuts when the file ends first: never one at its end', () => {
    expect(csvCuts(file('id,text\n1,abcdefghij\n'), 2)).toEqual([]);
    expect(csvCuts(file('id,text\n1,abcdefghijklmnopqrstuvwxyz'), 2)).toEqual([]);
    // Quarters at bytes 4, 9 and 14: cuts where records 1 and 2 start; the third would be the file's end.
    expect(csvCuts(file('id,text\r\n1,a\r\n2,b\r\n'), 4)).toEqual([9, 14]);
  });
});
