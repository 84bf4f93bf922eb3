import { describe, expect, it } from 'vitest';
import { CountedColumns, eachCounted } from '../../src/data/countedColumns.ts';
import { decimalText } from '../../src/data/idSet.ts';

describe('CountedColumns', () => {
  it('gives back every post pushed, in order, through growth, ids as decimal parts or text', () => {
    const columns = new CountedColumns();
    const lists: (readonly string[])[] = [[], ['labour'], ['corbyn']];
    const pushed: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const id = i % 3 === 0 ? `at://did:plc:x/${i}` : String(765432109876543210n + BigInt(i));
      const campaigns = lists[i % 3] as readonly string[];
      columns.push(id, i * 7, 1_467_331_200_000 + i * 1000, campaigns);
      pushed.push(`${id} ${i * 7} ${1_467_331_200_000 + i * 1000} ${campaigns}`);
    }
    const { arrays, transfer } = columns.arrays();
    expect(arrays.length).toBe(10_000);
    expect(transfer).toHaveLength(5);
    const read: string[] = [];
    eachCounted(arrays, (text, decimal, print, time, campaigns) =>
      read.push(`${text ?? decimalText(decimal)} ${print} ${time} ${campaigns}`),
    );
    expect(read).toEqual(pushed);
  });

  it('keeps each list of campaigns once, however many arrays hold it (a post in two campaigns gets a new one each time)', () => {
    const columns = new CountedColumns();
    const none: readonly string[] = [];
    for (let i = 0; i < 70_000; i++) columns.push(String(i + 1), 0, 0, i % 2 ? ['labour', 'corbyn'] : none);
    const { arrays } = columns.arrays();
    expect(arrays.campaigns).toEqual([[], ['labour', 'corbyn']]);
    const counts = new Map<string, number>();
    eachCounted(arrays, (_t, _d, _p, _time, campaigns) => counts.set(campaigns.join('+'), (counts.get(campaigns.join('+')) ?? 0) + 1));
    expect(Object.fromEntries(counts)).toEqual({ '': 35_000, 'labour+corbyn': 35_000 });
  });
});
