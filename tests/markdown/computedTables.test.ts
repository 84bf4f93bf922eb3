import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempProject } from '../data/helpers.ts';
import { renderError, renderPost } from './render.ts';

const manifest = `title: Areas
description: Results by area.
kind: table
source: Made up for the test
licence: CC0-1.0
collected: 2016-06-24
columns:
  Region: string
  Area: string
  Leave: integer
  Valid: integer
`;

const post = (tables: string, body: string) => `---
title: T
date: 2016-06-27
author: A
summary: S
datasets:
  eu: areas
values:
  top:
    max: shares
    column: share
    name: label
tables:
${tables}
---

${body}
`;

const shares = `  shares:
    from: eu
    derive:
      share: Leave / Valid
    sort: -share
    select: { label: Area, share: share }
    formats: { share: percent }`;

/** CR-only line endings, as the Electoral Commission's file has. */
const csv = ['Region,Area,Leave,Valid', 'North,N1,20,30', 'South,S1,4,20', 'South,"S2, City of",0,VALID'].join('\r');

describe('computed tables in a post', () => {
  it('prints the row a max value names and charts the table', async () => {
    const root = tempProject({
      'data/areas/manifest.yaml': manifest,
      'data/areas/a.csv': csv.replace('0,VALID', '3,10'),
      'content/posts/post.md': post(
        shares,
        'Top: :value[top.name] with :value[top].\n\n::chart[Shares]{data=shares spec=share-bar description="Leave share by area."}',
      ),
    });
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html).toMatch(/<span class="value" data-key="top.name"[^>]*>N1<\/span>/);
    expect(html).toMatch(/<span class="value" data-key="top"[^>]*>66.7%<\/span>/);
    expect(html).toContain('<td>S2, City of</td><td class="num">30.0%</td>');
  });

  it('rounds a derived column without a format to what its values need, and a format given wins', async () => {
    const root = tempProject({
      'data/areas/manifest.yaml': manifest,
      'data/areas/a.csv': csv.replace('0,VALID', '3,10'),
      'content/posts/post.md': post(
        `${shares}
  ratios:
    from: eu
    derive: { share: Leave / Valid }
  thirds:
    from: eu
    derive: { third: Valid / 3 }
  whole:
    from: eu
    derive: { doubled: Valid * 2 }
  given:
    from: eu
    derive: { share: Leave / Valid }
    formats: { share: ".1%" }`,
        ':value[top]\n\n::table[S]{data=ratios}\n\n::table[T]{data=thirds}\n\n::table[W]{data=whole}\n\n::table[G]{data=given}',
      ),
    });
    const html = await renderPost(root, 'content/posts/post.md');
    const column = (caption: string, index: number) =>
      [...(html.split(`<strong class="chart-title">${caption}</strong>`)[1]?.split('</table>')[0] ?? '').matchAll(/<tr>(.*?)<\/tr>/g)]
        .slice(1)
        .map((row) => [...(row[1] ?? '').matchAll(/<td[^>]*>([^<]*)<\/td>/g)][index]?.[1]);
    // 20/30, 4/20, 3/10: three significant figures of the smallest, 0.200, for every row.
    expect(column('S', 4)).toEqual(['0.667', '0.200', '0.300']);
    // 10, 6.666…, 3.333…: two decimals (3.33), the whole number too, so the column lines up.
    expect(column('T', 4)).toEqual(['10.00', '6.67', '3.33']);
    expect(column('W', 4)).toEqual(['60', '40', '20']);
    expect(column('G', 4)).toEqual(['66.7%', '20.0%', '30.0%']);
  });

  it('reports a division by zero at the derive line, naming the row', async () => {
    const root = tempProject({
      'data/areas/manifest.yaml': manifest,
      'data/areas/a.csv': csv.replace('0,VALID', '0,0'),
      'content/posts/post.md': post(shares, ':value[top]'),
    });
    const message = await renderError(root, 'content/posts/post.md');
    expect(message).toContain(
      'content/posts/post.md:17:7: The table "shares" cannot compute "share" = Leave / Valid for row 3 (Region "South"): Leave = 0, Valid = 0 (division by zero, or an empty cell). Fix the data, or leave the row out with "where". Fix its definition under "tables" in the frontmatter.',
    );
  });

  it('matches an unquoted YAML date in "where" against any time of that UTC day in a datetime column', async () => {
    const root = tempProject({
      'data/events/manifest.yaml':
        'title: E\ndescription: D\nkind: table\nsource: S\nlicence: CC0-1.0\ncollected: 2016-09-18\ncolumns:\n  name: string\n  at: datetime\n  day: date\n',
      'data/events/a.csv':
        'name,at,day\na,2016-07-01T10:00:00+01:00,2016-07-01\nb,2016-07-01T23:30:00Z,2016-07-01\nc,2016-07-02T00:00:00Z,2016-07-02\n',
      'content/posts/post.md': `---
title: T
date: 2016-09-18
author: A
summary: S
datasets:
  ev: events
values:
  day: { count: ev, where: { at: 2016-07-01 } }
  quoted: { count: ev, where: { at: "2016-07-01" } }
  time: { count: ev, where: { at: 2016-07-01T23:30:00Z } }
  inTable: { count: first, where: { at: 2016-07-01 } }
tables:
  first:
    from: ev
    where: { at: 2016-07-01 }
---

:value[day] :value[quoted] :value[time] :value[inTable]

::table[T]{data=first where="at=2016-07-01"}
`,
    });
    const html = await renderPost(root, 'content/posts/post.md');
    expect(html.split('\n')[0]?.replace(/<[^>]+>/g, '')).toBe('2 2 1 2');
    expect(html).toContain('<td>b</td>');
    // A time of day matches no cell of a date column: refused, not counted as 0.
    const post = join(root, 'content/posts/post.md');
    writeFileSync(
      post,
      readFileSync(post, 'utf8').replace('values:\n', 'values:\n  onDate: { count: ev, where: { day: 2016-07-01T23:30:00Z } }\n'),
    );
    expect(await renderError(root, 'content/posts/post.md')).toBe(
      'content/posts/post.md:9:24: The value "onDate" has a "where" that keeps no row of "ev" (3 rows): "day" holds "2016-07-01", "2016-07-02". Values match exactly, in case and spelling. Fix its definition under "values" in the frontmatter.',
    );
  });
});
