/**
 * A file's or a dataset's size as Soundings' terminal messages give it: in megabytes of 2^20 bytes, whole from 10 MB,
 * with one decimal below. Decided: one unit for every message (the progress line, the large-download warning, the JSON
 * streaming limit of 32 MB), the one `ls -lh` and `du -h` count in; the same file was "115 MB" in the progress line and
 * "121 MB" in the download warning of one build when the two counted differently.
 */
export function megabytes(bytes: number): string {
  const mb = bytes / 2 ** 20;
  return `${mb.toLocaleString('en-GB', { maximumFractionDigits: mb < 10 ? 1 : 0 })} MB`;
}
