/**
 * Whether a column holds years by its name: "year", "Year", "election_year", "poll-year", "electionYear". A year is
 * read without a thousands separator (2016, not "2,016"), so where Soundings chooses a whole number's format itself
 * (a table's cells, a dataset page's range) such a column's numbers get {@link YEAR_FORMAT}.
 *
 * Decided: by name, because a manifest types a column as an integer, not as a year, and a year is the one whole number
 * in common use that a separator garbles; a column of years named otherwise is given a format by the analyst
 * (`formats:` of a table under `tables`, README "Computed tables"), and one named so that is not years can be too.
 */
export function isYearColumn(name: string): boolean {
  return /(?:^|[_\s-])year$/i.test(name) || /[a-z\d]Year$/.test(name);
}

/** d3-format's whole number without grouping: 2016. */
export const YEAR_FORMAT = 'd';
