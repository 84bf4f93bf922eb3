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
