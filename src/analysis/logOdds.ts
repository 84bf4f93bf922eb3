export interface LogOddsRow {
  key: string;
  /** Count in corpus a and in corpus b. */
  a: number;
  b: number;
  /** Log-odds ratio with the prior, a over b (positive: more typical of a). */
  delta: number;
  /** Its approximate variance. */
  variance: number;
  /** delta ÷ √variance. |z| ≥ 1.96 distinguishes a side at the 5% level. */
  z: number;
}

/**
 * The weighted log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi & Quinn 2008, "Fightin' Words", §3.5), for every term of
 * two corpora given as term → count maps.
 *
 * The prior is the pooled corpus, scaled to α0 pseudo-counts:
 * αw = α0 · (aw + bw) / (na + nb), where α0 = min(`alpha0`, na + nb): 1,000
 * by default, or the size of the pooled corpus if smaller, so that the prior
 * never outweighs the data of two small campaigns. Then, with n = Σ counts,
 *
 *   δw = ln((aw + αw) / (na + α0 − aw − αw)) − ln((bw + αw) / (nb + α0 − bw − αw))
 *   σ²w ≈ 1 / (aw + αw) + 1 / (bw + αw)
 *   zw = δw / σw
 *
 * Rows come in code-point order of the key; callers sort by z.
 */
export function logOdds(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, alpha0 = 1000): LogOddsRow[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  const n = na + nb;
  const a0 = Math.min(alpha0, n);
  return keys.map((key) => {
    const ya = a.get(key) ?? 0;
    const yb = b.get(key) ?? 0;
    const alpha = n === 0 ? 0 : (a0 * (ya + yb)) / n;
    const delta = Math.log((ya + alpha) / (na + a0 - ya - alpha)) - Math.log((yb + alpha) / (nb + a0 - yb - alpha));
    const variance = 1 / (ya + alpha) + 1 / (yb + alpha);
    return { key, a: ya, b: yb, delta, variance, z: delta / Math.sqrt(variance) };
  });
}
