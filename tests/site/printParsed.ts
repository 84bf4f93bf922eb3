/**
 * Preloaded into `npm run check` by tests/site/check.test.ts (`node --import`): prints on stderr, as the process
 * exits, how many times it parsed each data file (src/data/loadDataset.ts's parsedFiles), as one JSON line.
 */
process.on('exit', () => {
  const parsed = (globalThis as Record<symbol, unknown>)[Symbol.for('soundings.parsedDataFiles')] as Map<string, number> | undefined;
  process.stderr.write(`parsed: ${JSON.stringify(Object.fromEntries(parsed ?? []))}\n`);
});
