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

  it('refuses an NDJSON file of blank lines (or a byte order mark alone) as empty, as an empty CSV file is', async () => {
    const empty =
      'data/x/a.ndjson: This file is empty: it holds only blank lines (or only a byte order mark), so it has no records (NDJSON holds one JSON value a line). An export that failed, or a file still being copied? Export it again, or remove it.';
    for (const blank of ['\n\r\n  \n', '\uFEFF\n']) {
      const root = tempProject({ 'data/x/manifest.yaml': manifest('twitter-v1'), 'data/x/a.ndjson': blank });
      const opts = { root, dataDir: join(root, 'data') };
      await expect(loadDataset('x', opts)).rejects.toThrow(empty);
      expect((await checkDataset('x', opts)).map((e) => e.message)).toEqual([empty]);
    }
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
      `data/u/a.json:1:1: This file holds an object with the key "rows", but it must hold a list of records ([{…}, {…}]), or an object whose "data" is one: the JSON is valid, its shape is not one Soundings reads. ${SHAPE}`,
    );
  });
});

const SHAPE =
  'Export the records as a JSON list of objects, one a record ([{"area": "Hartlepool", "leave": 32071}, …]), or as NDJSON, one object a line (see README, "Adding a dataset").';

describe('JSON of the wrong shape', () => {
  const table = (files: string) =>
    `title: T\ndescription: A table.\nkind: table\nsource: Test\nlicence: CC0-1.0\ncollected: 2024-09-02\nfiles: "${files}"\ncolumns:\n  a: integer\n  b: string\n`;
  /** Every problem a check finds in dataset t holding `name`, read whole and, with `streamed`, as a large file is. */
  const check = async (name: string, text: string, streamed = false) => {
    const root = tempProject({ 'data/t/manifest.yaml': table(name), [`data/t/${name}`]: text });
    const problems = await checkDataset('t', { root, dataDir: join(root, 'data'), ...(streamed ? { wholeJsonLimit: 0 } : {}) });
    return problems.map((e) => e.message);
  };
  const file = (found: string) =>
    `${found}, but it must hold a list of records ([{…}, {…}]), or an object whose "data" is one: the JSON is valid, its shape is not one Soundings reads. ${SHAPE}`;
  const record = (found: string) =>
    `This record is ${found}, but each record must be an object of named fields ({"name": value, …}): the JSON is valid, its shape is not one Soundings reads. ${SHAPE}`;

  it('says what a file holds where a list of records is expected, at the value, read whole or streamed, not "fix the JSON syntax"', async () => {
    const rows = '{\n  "rows": [{"a": 1, "b": "x"}],\n  "meta": {"n": 1}\n}\n';
    expect(await check('a.json', rows)).toEqual([`data/t/a.json:1:1: ${file('This file holds an object with the keys "rows", "meta"')}`]);
    // Streamed, an object without "data" was read as no records at all.
    expect(await check('a.json', rows, true)).toEqual([`data/t/a.json:1:1: ${file('This file holds an object without a "data" key')}`]);
    const data = '{\n  "data": {"a": 1, "b": "x"}\n}\n';
    expect(await check('a.json', data)).toEqual([
      `data/t/a.json:2:3: ${file('This file has a "data" that is an object with the keys "a", "b"')}`,
    ]);
    expect(await check('a.json', data, true)).toEqual([`data/t/a.json at data: ${file('This file has a "data" that is not a list')}`]);
    expect(await check('a.json', '"hello"')).toEqual([`data/t/a.json:1:1: ${file('This file holds the text "hello"')}`]);
    expect(await check('a.json', '"hello"', true)).toEqual([
      `data/t/a.json:1:1: ${file('This file holds one value, neither a list nor an object')}`,
    ]);
    // An empty "data" is an API's last page: no records, and no problem.
    expect(await check('a.json', '{"data": []}', true)).toEqual([]);
  });

  it('says a record that is not an object is not one, at the record, in JSON and NDJSON alike, and reads the others', async () => {
    const json = '[\n  {"a": 1, "b": "x"},\n  "a, b",\n  [2, "y"],\n  null\n]\n';
    expect(await check('a.json', json)).toEqual([
      `data/t/a.json:3:3: ${record('the text "a, b"')}`,
      `data/t/a.json:4:3: ${record('a list (of 2 items)')}`,
      `data/t/a.json:5:3: ${record('null')}`,
    ]);
    expect(await check('a.json', json, true)).toEqual([
      `data/t/a.json at 1: ${record('the text "a, b"')}`,
      `data/t/a.json at 2: ${record('a list (of 2 items)')}`,
      `data/t/a.json at 3: ${record('null')}`,
    ]);
    expect(await check('a.ndjson', '{"a": 1, "b": "x"}\n7\n')).toEqual([`data/t/a.ndjson:2:1: ${record('the number 7')}`]);
  });

  it('says a field of another JSON type is one, naming the type, not quoting it as text', async () => {
    const json = '[\n  {"a": true, "b": "x"},\n  {"a": 2, "b": {"first": "y"}},\n  {"a": "3", "b": 4}\n]\n';
    const HINT =
      "Write the value as its column's type asks (a number, with or without quotes; text in double quotes; true or false), or fix the column's type or mapping in manifest.yaml.";
    expect(await check('a.json', json)).toEqual([
      `data/t/a.json:2:4: "a" must be a whole number, but this record's value is true (a boolean). ${HINT}`,
      `data/t/a.json:3:12: "b" must be text, but this record's value is an object with the key "first". ${HINT}`,
    ]);
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

  it('says a file cut after an item whole ends inside its list, not that a "]" is missing, read whole or streamed', async () => {
    // jsonc-parser ends the list before it reports its closing bracket missing (jsonLocation.ts).
    await expect(read({ 'page-1.json': `[\n  ${status('1')},\n  ${status('2')}` })).rejects.toThrow(
      `data/x/page-1.json:3:105: The file ends inside a list opened at line 1: a file cut short (an export that failed, or a file still being copied?). ${CUT}`,
    );
    await expect(read({ 'page-1.json': `[\n  ${status('1')},\n  {"id": "2", "account": {"acct": "a"}}` })).rejects.toThrow(
      `data/x/page-1.json:3:40: The file ends inside a list opened at line 1: a file cut short (an export that failed, or a file still being copied?). ${CUT}`,
    );
    await expect(read({ 'page-1.json': `[\n  ${status('1')},\n  {"id": "2", "account": {"acct": "a"}` })).rejects.toThrow(
      `data/x/page-1.json:3:39: The file ends inside an object opened at line 3: a file cut short (an export that failed, or a file still being copied?). ${CUT}`,
    );
    await expect(read({ 'page-1.json': `[\n  ${status('1')},\n  ${status('2')}` }, 0)).rejects.toThrow(
      /^data\/x\/page-1\.json:\d+:\d+: The file ends inside a JSON value that is never closed: a file cut short/,
    );
  });

  it('says an NDJSON line that ends inside a value was cut short, at its end', async () => {
    const line = status('2').slice(0, 60);
    await expect(read({ 'statuses.ndjson': `${status('1')}\n${line}\n${status('3')}\n` })).rejects.toThrow(
      `data/x/statuses.ndjson:2:61: This line ends inside an object opened at column 1: a line cut short (an export that stopped in the middle of a record, or a file still being copied?). ${CUT}`,
    );
  });
});
