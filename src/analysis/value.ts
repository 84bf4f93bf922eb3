export const VALUE_TYPES = ['count', 'mean', 'share', 'ratio', 'number', 'audience', 'date', 'points', 'distance', 'text'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

/** One computed figure a post can print, with how it was computed. */
export interface Value {
  key: string;
  value: number | Date | string;
  type: ValueType;
  /** A sentence saying how it was computed, with its inputs; shown in methods. */
  definition: string;
  label?: string;
  /** The keys of the values it is computed from (a ratio's a and b), listed with their exact values in methods. */
  inputs?: string[];
}

/** The format each kind of value gets when a directive does not choose one. */
export const DEFAULT_FORMAT: Record<ValueType, string> = {
  count: 'thousands',
  // A mean of counts (posts a week) is not a count: 7.5 a week printed as "8" would be wrong with small data.
  mean: 'decimal',
  share: 'percent',
  ratio: 'ratio',
  number: 'number',
  audience: 'compact',
  date: 'date',
  points: 'points',
  distance: 'abs-points',
  text: 'text',
};
