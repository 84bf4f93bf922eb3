import type { Campaign } from '../../src/analysis/types.ts';
import type { Post } from '../../src/data/types.ts';

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
