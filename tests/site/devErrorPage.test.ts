import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeFrame, devErrorPage, overlayPayload } from '../../src/site/devErrorPage.ts';
import { locatedError } from '../../src/site/renderFailure.ts';
import { tempProject } from '../data/helpers.ts';

describe('devErrorPage (astro dev)', () => {
  const rows = Array.from({ length: 20 }, (_, i) => `${i + 2},2016-07-01T10:00:00Z,u${i},#Red`);
  const root = tempProject({
    'data/t/a.csv': ['id,created_at,user,text', ...rows.slice(0, 9), '11,<img src=x onerror=alert(1)>,z,</script>', ...rows.slice(10)].join(
      '\n',
    ),
  });

  it("frames the error's line with the lines around it, numbered from the first shown, as text", () => {
    const frame = codeFrame(join(root, 'data', 't', 'a.csv'), 11) ?? '';
    expect(frame).toContain('<code style="counter-reset: step 6">');
    expect(frame.match(/class="line/g)).toHaveLength(9);
    expect(frame).toContain('<span class="line error-line">11,&lt;img src=x onerror=alert(1)&gt;,z,&lt;/script&gt;</span>');
    expect(codeFrame(join(root, 'data', 't', 'missing.csv'), 2)).toBeUndefined();
  });

  it('frames a line deep in a large file, after a line longer than one read, in CRLF or UTF-16', () => {
    const many = Array.from({ length: 200_000 }, (_, i) => `${i + 2},2016-07-01T10:00:00Z,u${i},#Red`);
    const long = `1,${'x'.repeat(200_000)},u,#Red`; // longer than one read (64 KB)
    const dir = tempProject({
      'data/t/big.csv': ['id,created_at,user,text', long, ...many].join('\r\n'),
      'data/t/last.csv': 'id,text\n1,a\n2,b',
    });
    writeFileSync(
      join(dir, 'data', 't', 'utf16.csv'),
      Buffer.from(`\uFEFF${['id,text', '1,Łódź', '2,Ελλάδα', '3,ok'].join('\r\n')}`, 'utf16le'),
    );
    const frame = codeFrame(join(dir, 'data', 't', 'big.csv'), 150_002) ?? '';
    expect(frame).toContain('<code style="counter-reset: step 149997">');
    expect(frame.match(/class="line/g)).toHaveLength(9);
    expect(frame).toContain('<span class="line error-line">150001,2016-07-01T10:00:00Z,u149999,#Red</span>');
    expect(frame).not.toContain('\r');
    expect(codeFrame(join(dir, 'data', 't', 'big.csv'), 2)).toContain(`<span class="line error-line">${long}</span>`);
    // The last line, without a line break after it; a line past the end has no frame.
    expect(codeFrame(join(dir, 'data', 't', 'last.csv'), 3)).toContain('<span class="line error-line">2,b</span>');
    expect(codeFrame(join(dir, 'data', 't', 'last.csv'), 4)).toBeUndefined();
    const utf16 = codeFrame(join(dir, 'data', 't', 'utf16.csv'), 3) ?? '';
    expect(utf16).toContain('<span class="line">id,text</span>');
    expect(utf16).toContain('<span class="line error-line">2,Ελλάδα</span>');
  });

  it('is a 500 page that opens the overlay with the message, its file:line:column and code frame, and shows it as text', async () => {
    const message = 'data/t/a.csv:11:2: "created_at" must be an ISO date-time, got "<img src=x onerror=alert(1)></script>". Fix the row.';
    const error = locatedError(root, 'Soundings could not render this post', message);
    const payload = overlayPayload(root, error);
    expect([payload.name, payload.title]).toEqual(['Soundings', 'Soundings could not render this post']);
    expect(payload.loc).toEqual({ file: join(root, 'data', 't', 'a.csv'), line: 11, column: 2 });
    expect(payload.message).toBe(message.replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;'));
    expect(payload.highlightedCode).toContain('error-line');
    const response = devErrorPage(root, error);
    expect(response.status).toBe(500);
    const html = await response.text();
    expect(html).toContain('<title>Soundings could not render this post</title>');
    // The data's text cannot end the script that carries the payload, nor become markup on the page.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<img');
    const json = /<script type="application\/json" id="soundings-error">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(json)).toEqual(payload);
  });
});
