export interface ProjectionRow {
  label: string;
  share: number;
  /** `'projection'` for the projected value, otherwise the reference's kind. */
  kind: string;
  /** `projected.share − share`, in proportion units (0.199 for 19.9 points); 0 for the projection itself. */
  difference: number;
}

/**
 * Compares a projected share with reference shares (e.g. past results or
 * polls). The first row is the projection itself, with kind `'projection'` and
 * difference 0; then one row per reference, in the given order, with its
 * label, share and kind and `difference` = `projected.share − reference.share`.
 * Shares and differences are proportions, so a difference of 0.199 means 19.9
 * percentage points; a positive difference means the projection is higher.
 */
export function projection(
  projected: { label: string; share: number },
  references: readonly { label: string; share: number; kind: string }[],
): ProjectionRow[] {
  return [
    { label: projected.label, share: projected.share, kind: 'projection', difference: 0 },
    ...references.map(({ label, share, kind }) => ({ label, share, kind, difference: projected.share - share })),
  ];
}
