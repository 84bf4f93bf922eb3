/** A campaign, as a post's frontmatter defines it. */
export interface Campaign {
  /** Short identifier used in keys, e.g. `keepcorbyn`. */
  id: string;
  /** Display label, e.g. `#KeepCorbyn`. */
  label: string;
  /** Hashtags (without "#") that count as this campaign; matched case-insensitively. */
  hashtags: string[];
  /** CSS colour used in charts and clouds. */
  color: string;
}
