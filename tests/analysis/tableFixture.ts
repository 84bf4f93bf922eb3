import type { Row } from '../../src/data/types.ts';

/**
 * A small results table. r1 and r2 fall on the same UTC day at different
 * times; r5 has a null vote count; r6 lacks the `note` column and has a
 * string vote count.
 */
export const r1: Row = { year: 2015, party: 'Labour', votes: 100, date: new Date('2015-05-07T22:00:00Z'), note: null };
export const r2: Row = { year: 2015, party: 'Conservative', votes: 60, date: new Date('2015-05-07T00:00:00Z'), note: '' };
export const r3: Row = { year: 2017, party: 'Labour', votes: 150, date: new Date('2017-06-08T00:00:00Z'), note: 'recount' };
export const r4: Row = { year: 2017, party: 'Conservative', votes: 50, date: new Date('2017-06-08T00:00:00Z'), note: null };
export const r5: Row = { year: 2017, party: 'Green', votes: null, date: new Date('2017-06-08T00:00:00Z'), note: null };
export const r6: Row = { year: 2019, party: 'Green', votes: '40', date: new Date('2019-12-12T00:00:00Z') };
export const table: readonly Row[] = [r1, r2, r3, r4, r5, r6];
