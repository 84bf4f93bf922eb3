/**
 * Where a warning is printed (src/warnings.ts): through the logger Astro gives while it runs, tagged [WARN] as Astro's
 * own; held until then in `npm run build`, whose second thread starts before Astro; on the console otherwise.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepingWarnings, UnknownKey, warn } from '../src/errors.ts';
import { holdWarnings, printWarning, printWarningsWith } from '../src/warnings.ts';

afterEach(() => {
  printWarningsWith(undefined);
  vi.restoreAllMocks();
});

const at = (line: number) => ({ file: 'content/posts/a.md', line, column: 3 });

describe('warn(data, location) and printWarning(message)', () => {
  it("print through Astro's logger once it is given, not on the console, and a render's warnings are still kept", async () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const logged: string[] = [];
    printWarningsWith({ warn: (message) => logged.push(message) });
    warn(UnknownKey, at(1), 'posts.totl', ['posts.total']);
    printWarning("The build's second thread stopped (out of memory); this one reads the data and draws the charts.");
    const kept: string[] = [];
    await keepingWarnings(kept, async () => warn(UnknownKey, at(2), 'posts.totl', ['posts.total']));
    expect(logged).toEqual([
      expect.stringMatching(/^content\/posts\/a\.md:1:3: There is no value "posts\.totl"/),
      "The build's second thread stopped (out of memory); this one reads the data and draws the charts.",
    ]);
    expect(kept).toEqual([expect.stringMatching(/^content\/posts\/a\.md:2:3: /)]);
    expect(consoleWarn).not.toHaveBeenCalled();
    // Outside Astro (npm run check, a script): on the console, as ever.
    printWarningsWith(undefined);
    warn(UnknownKey, at(4), 'posts.totl', ['posts.total']);
    expect(consoleWarn).toHaveBeenCalledTimes(1);
    expect(String(consoleWarn.mock.calls[0]?.[0])).toMatch(/^content\/posts\/a\.md:4:3: /);
  });

  it('hold what is warned of before Astro gives its logger, and print it through the logger then, in order', () => {
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    holdWarnings();
    warn(UnknownKey, at(1), 'posts.totl', ['posts.total']);
    warn(UnknownKey, at(2), 'posts.totl', ['posts.total']);
    expect(consoleWarn).not.toHaveBeenCalled();
    const logged: string[] = [];
    printWarningsWith({ warn: (message) => logged.push(message) });
    warn(UnknownKey, at(3), 'posts.totl', ['posts.total']);
    expect(logged.map((m) => m.slice(0, m.indexOf(': ')))).toEqual([
      'content/posts/a.md:1:3',
      'content/posts/a.md:2:3',
      'content/posts/a.md:3:3',
    ]);
    expect(consoleWarn).not.toHaveBeenCalled();
  });

  it('print what is held on the console when the process ends without a logger (Astro stopped before it gave one)', async () => {
    const warnings = join(import.meta.dirname, '..', 'src', 'warnings.ts');
    const script = `const w = await import(${JSON.stringify(warnings)}); w.holdWarnings(); w.printWarning('data/a/b.csv:1: held');`;
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout).toBe('');
    expect(stderr).toBe('data/a/b.csv:1: held\n');
  });
});
