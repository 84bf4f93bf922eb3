import type { Campaign } from '../../src/analysis/types.ts';
import type { Post, PostsDataset } from '../../src/data/types.ts';

/** Two campaigns with posts, one (`empty`) that no post references. */
export const campaigns: Campaign[] = [
  { id: 'labour', label: '#SaveLabour', hashtags: ['SaveLabour', 'SavingLabour'], color: '#d50000' },
  { id: 'corbyn', label: '#KeepCorbyn', hashtags: ['KeepCorbyn'], color: '#ff8f00' },
  { id: 'empty', label: '#NobodyUsesThis', hashtags: ['NobodyUsesThis'], color: '#2962ff' },
];

let next = 0;
/** A post at an ISO instant (must end in `Z`), with the given hashtags. */
export function post(iso: string, ...hashtags: string[]): Post {
  if (!iso.endsWith('Z')) throw new Error(`fixture times must be UTC: ${iso}`);
  next += 1;
  return { id: `p${next}`, time: new Date(iso).getTime(), author: 'someone', text: '', hashtags };
}

/** A post of an X export: `id`, at the ISO instant `iso`, by `author`, with the given hashtags. */
export function tweet(id: string, iso: string, author: string, ...hashtags: string[]): Post {
  return { id, time: Date.parse(iso), author, text: hashtags.map((h) => `#${h}`).join(' '), hashtags };
}

/**
 * A loaded posts dataset `id` holding `rows` (only what the analysis reads), its period worked out as the loader
 * works it out, and `counts` of the records it dropped.
 */
export function postsDataset(
  id: string,
  rows: Post[],
  counts: { duplicates?: number; deleted?: number; synthetic?: string } = {},
): PostsDataset {
  const times = rows.map((p) => p.time);
  return {
    id,
    kind: 'posts',
    dir: `data/${id}`,
    manifest: { title: id, synthetic: counts.synthetic === undefined ? false : { script: counts.synthetic } },
    files: [],
    digest: id,
    rows,
    duplicates: counts.duplicates ?? 0,
    deleted: counts.deleted ?? 0,
    ...(rows.length > 0 ? { period: [Math.min(...times), Math.max(...times)] as [number, number] } : {}),
  } as unknown as PostsDataset;
}
