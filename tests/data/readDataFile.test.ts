import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDataset, loadDataset } from '../../src/data/loadDataset.ts';
import { manifest } from './adapters/helpers.ts';
import { tempProject } from './helpers.ts';

describe('reading a social export', () => {
  it('reports every line of an NDJSON export that is not JSON, and reads the others', async () => {
    const good = (id: string) =>
      JSON.stringify({ id_str: id, created_at: 'Wed Aug 27 13:08:45 +0000 2008', text: '#A', user: { screen_name: 'a' } });
    const root = tempProject({
      'data/x/manifest.yaml': manifest('twitter-v1'),
      'data/x/a.ndjson': `${good('1')}\n{"id_str": "2",\n${good('3')}\nnot json\n`,
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await checkDataset('x', opts)).map((e) => e.message.split(': ')[0])).toEqual(['data/x/a.ndjson:2:16', 'data/x/a.ndjson:4:1']);
    await expect(loadDataset('x', opts)).rejects.toThrow(/^data\/x\/a\.ndjson:2:16: /);
  });

  it('takes a plain JSON file as an array of records or an object whose "data" is one, and nothing else', async () => {
    const root = tempProject({
      'data/t/manifest.yaml':
        'title: T\ndescription: A table.\nkind: table\nsource: Test\nlicence: CC0-1.0\ncollected: 2024-09-02\nfiles: "*.json"\ncolumns:\n  a: integer\n',
      'data/t/a.json': '{"data": [{"a": 1}, {"a": 2}]}',
      'data/t/b.json': '[{"a": 3}]',
      'data/u/manifest.yaml':
        'title: U\ndescription: A table.\nkind: table\nsource: Test\nlicence: CC0-1.0\ncollected: 2024-09-02\nfiles: "*.json"\ncolumns:\n  a: integer\n',
      'data/u/a.json': '{"rows": [{"a": 1}]}',
    });
    const opts = { root, dataDir: join(root, 'data') };
    expect((await loadDataset('t', opts)).rows).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    await expect(loadDataset('u', opts)).rejects.toThrow(
      'data/u/a.json:1:1: The file must hold an array of records, or an object whose "data" is one.',
    );
  });
});

describe('JSON syntax errors', () => {
  const status = (id: string) =>
    `{"id": "${id}", "created_at": "2024-07-01T10:00:00.000Z", "account": {"acct": "a"}, "content": "<p>x</p>"}`;
  const read = (files: Record<string, string>, wholeJsonLimit?: number) => {
    const root = tempProject({
      'data/x/manifest.yaml': manifest('mastodon'),
      ...Object.fromEntries(Object.entries(files).map(([n, t]) => [`data/x/${n}`, t])),
    });
    return loadDataset('x', { root, dataDir: join(root, 'data'), ...(wholeJsonLimit === undefined ? {} : { wholeJsonLimit }) });
  };
  const FIX = 'Fix the JSON syntax at this position.';
  const CUT = 'If the file is still being copied or written, wait for it to finish and check again; otherwise export it again.';

  it('says what was found and what was expected: a missing colon, read whole and streamed', async () => {
    const file = `[\n  ${status('1')},\n  {"id": "2", "content" "<p>y</p>"}\n]\n`;
    await expect(read({ 'page-1.json': file })).rejects.toThrow(
      `data/x/page-1.json:3:25: This is not valid JSON: expected ":" after the key "content", found "<p>y</p>". ${FIX}`,
    );
    await expect(read({ 'page-1.json': file }, 0)).rejects.toThrow(
      `data/x/page-1.json:3:25: This is not valid JSON: expected ":", found "<p>y</p>". ${FIX}`,
    );
  });

  it('says a comma is missing, or one is after the last entry', async () => {
    await expect(read({ 'a.json': `[\n  ${status('1')}\n  ${status('2')}\n]\n` })).rejects.toThrow(
      `data/x/a.json:3:3: This is not valid JSON: expected "," or "]" after an item of the list, found "{" (a comma missing between two items?). ${FIX}`,
    );
    await expect(read({ 'a.json': `[\n  ${status('1')},\n]\n` })).rejects.toThrow(
      `data/x/a.json:3:1: This is not valid JSON: found "]" after a comma: JSON allows no comma after the last item. ${FIX}`,
    );
  });

  it('says a file that ends inside a value was cut short, naming the line of the object it ends in, read whole or streamed', async () => {
    const cut = `[\n  ${status('1')},\n  {"id": "2",\n   "content": "<p>#GE20`;
    await expect(read({ 'page-1.json': cut })).rejects.toThrow(
      `data/x/page-1.json:4:24: The file ends inside an object opened at line 3: a file cut short (an export that failed, or a file still being copied?). ${CUT}`,
    );
    await expect(read({ 'page-1.json': `${cut}\n\n` }, 0)).rejects.toThrow(
      /^data\/x\/page-1\.json:\d+:\d+: The file ends inside a JSON value that is never closed: a file cut short \(an export that failed, or a file still being copied\?\)\. If the file/,
    );
  });

  it('says an NDJSON line that ends inside a value was cut short, at its end', async () => {
    const line = status('2').slice(0, 60);
    await expect(read({ 'statuses.ndjson': `${status('1')}\n${line}\n${status('3')}\n` })).rejects.toThrow(
      `data/x/statuses.ndjson:2:61: This line ends inside an object opened at column 1: a line cut short (an export that stopped in the middle of a record, or a file still being copied?). ${CUT}`,
    );
  });
});
