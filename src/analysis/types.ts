/** A campaign, as a post's frontmatter defines it. */
export interface Campaign {
  /** Short identifier used in keys, e.g. `keepcorbyn`. */
  id: string;
  /** Display label, e.g. `#KeepCorbyn`. */
  label: string;
  /** Hashtags (without "#") that count as this campaign; matched case-insensitively. */
  hashtags: string[];
  /** Hashtags spelt close to `hashtags` that are not the campaign's: no near-miss warning is given for them. */
  unrelated?: string[] | undefined;
  /** CSS colour used in charts and clouds. */
  color: string;
}
