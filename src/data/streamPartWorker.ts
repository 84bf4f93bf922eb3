/**
 * A thread that reads one part of a large CSV file for streamed campaign statistics (streamParts.ts): it types each
 * record as the posts' thread would (postMapping.ts), matches its hashtags to the campaigns, and hands back the
 * columns de-duplicating and counting need (countedColumns.ts). It reports no problem: any record it cannot read, or
 * anything else going wrong, and the posts' thread reads the part itself, and says what is wrong, where.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { campaignMatcher } from '../analysis/campaignMatcher.ts';
import { SoundingsError } from '../errors.ts';
import { CountedColumns } from './countedColumns.ts';
import { postPrint } from './idSet.ts';
import { postMapper } from './postMapping.ts';
import type { PartData, PartResult, PartStart } from './streamParts.ts';
import { streamCsv } from './streamRecords.ts';

const data = workerData as PartData;

async function countPart({ start, end, header, line }: PartStart): Promise<PartResult & { transfer: ArrayBuffer[] }> {
  const mapper = postMapper(data.manifest, data.file);
  mapper.header(header, line);
  const match = campaignMatcher(data.campaigns);
  const columns = new CountedColumns();
  // Counted from line 1: the posts' thread knows where the part starts once the parts before it are read.
  const stream = streamCsv(data.path, data.file, data.delimiter, 1, { end, from: { start, line: 1, header } });
  await stream.each((r) => {
    const post = mapper.map(r);
    columns.push(post.id, postPrint(post), post.time, match(post.hashtags));
  });
  const { arrays, transfer } = columns.arrays();
  return { ok: true, arrays, lines: stream.nextLine - 1, transfer };
}

parentPort?.once('message', (part: PartStart) => {
  countPart(part).then(
    ({ transfer, ...result }) => parentPort?.postMessage(result, transfer),
    (e: unknown) =>
      parentPort?.postMessage({
        ok: false,
        reason: e instanceof Error ? e.message : String(e),
        data: e instanceof SoundingsError,
      } satisfies PartResult),
  );
});
