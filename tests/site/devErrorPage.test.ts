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

  it('is a 500 page that opens the overlay with the message, its file:line:column and code frame, and shows it as text', async () => {
    const message = 'data/t/a.csv:11:2: "created_at" must be an ISO date-time, got "<img src=x onerror=alert(1)></script>". Fix the row.';
    const error = locatedError(root, 'Soundings could not render this post', message);
    const payload = overlayPayload(root, error);
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
