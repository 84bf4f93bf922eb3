import { describe, expect, it } from 'vitest';
import type { RawRecord } from '../../src/data/rawRecord.ts';
import { type CellReader, idCell, readCells, typed } from '../../src/data/typedCell.ts';
import type { Row } from '../../src/data/types.ts';
import { SoundingsError } from '../../src/errors.ts';

/** A record of one CSV line (line 2), its fields in `columns` order. */
function record(fields: Record<string, string>): RawRecord {
  const columns = Object.keys(fields);
  return {
    get: (field) => fields[field],
    has: (field) => field in fields,
    keys: () => columns,
    locate: (field) => ({ file: 'a.csv', line: 2, ...(field === undefined ? {} : { column: columns.indexOf(field) + 1 }) }),
  };
}

const cells: CellReader<Row>[] = [
  (r, row) => {
    row.id = idCell(r, 'id');
  },
  (r, row) => {
    row.n = typed(r, 'n', 'integer', false);
  },
  (r, row) => {
    row.on = typed(r, 'on', 'date', false);
  },
  // The same column read again, as a field a `columns:` entry reads too.
  (r, row) => {
    row.count = typed(r, 'n', 'integer', true);
  },
];

/** What readCells throws: its message and those of the problems it carries, as they start. */
function thrown(fields: Record<string, string>): string[] {
  try {
    readCells(record(fields), cells, {});
  } catch (e) {
    if (!(e instanceof SoundingsError)) throw e;
    return [e, ...e.others].map((p) => p.message);
  }
  return [];
}

describe('readCells(record, cells, into)', () => {
  it('reads every cell into the row, in order, and returns it', () => {
    const row = readCells(record({ id: ' 7 ', n: '12', on: '2016-07-01' }), cells, {});
    expect(row).toEqual({ id: '7', n: 12, on: new Date('2016-07-01T00:00:00Z'), count: 12 });
    expect(Object.keys(row)).toEqual(['id', 'n', 'on', 'count']);
  });

  it('throws the first bad cell carrying every other, in column order, each once', () => {
    expect(thrown({ id: '1', n: 'abc', on: '2016-02-30' })).toEqual([
      expect.stringMatching(/^a\.csv:2:2: "n" must be a whole number, got "abc"\./),
      expect.stringMatching(/^a\.csv:2:3: "on" must be a day that exists in the calendar \(there is no 2016-02-30\)/),
    ]);
    expect(thrown({ id: '', n: '1', on: '' })).toEqual([expect.stringMatching(/^a\.csv:2:1: "id" is empty\./)]);
  });

  it('throws anything but a located problem at once', () => {
    const bug: CellReader<Row> = () => {
      throw new TypeError('a bug');
    };
    expect(() => readCells(record({ id: '' }), [cells[0] as CellReader<Row>, bug], {})).toThrow(TypeError);
  });
});
