export interface ScorecardRow {
  label: string;
  /** The estimate. */
  value: number;
  /** The value it is scored against. */
  actual: number;
  /** `value − actual`: positive when the estimate was too high. */
  error: number;
  /** `|value − actual|`. */
  absError: number;
}

/**
 * Scores estimates against an actual value: one row per estimate, in the
 * given order, with its error (`value − actual`) and absolute error. For
 * shares (proportions) the errors are proportions too: 0.176 is 17.6
 * percentage points.
 */
export function scorecard(estimates: readonly { label: string; value: number }[], actual: number): ScorecardRow[] {
  return estimates.map(({ label, value }) => ({ label, value, actual, error: value - actual, absError: Math.abs(value - actual) }));
}

/** How a scorecard of shares prints: estimates and the actual value as percentages, errors in percentage points. */
export const SHARE_SCORECARD_FORMATS: Readonly<Record<string, string>> = {
  value: 'percent',
  actual: 'percent',
  error: 'points',
  absError: 'abs-points',
};

/** How a scorecard's columns are headed for readers, in `::table` and the scorecard chart's data table alike. */
export const SCORECARD_HEADERS: Readonly<Record<string, string>> = {
  label: 'Method',
  value: 'Estimate',
  actual: 'Result',
  error: 'Error',
  absError: 'Distance from the result',
};
