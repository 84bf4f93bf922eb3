/**
 * The RSS feed: every published post, newest first, with its full rendered
 * article (numbers, charts and tables are static HTML, so they survive in
 * feed readers). Links are absolute, from `site`.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { escapeHtml, xmlSafe } from '../render/escape.ts';
import { postUrl, publishedPosts } from '../site/site.ts';
import { siteSettings } from '../site/siteSettings.ts';

/**
 * A feed reader applies no page styles, so it would show each chart and cloud twice: the phone drawings
 * (src/render/narrowChart.ts, the clouds' phone layouts), and the caption's sentence about them, are left out.
 */
const wideOnly = (html: string) =>
  html
    .replace(/<div class="(?:chart|wordcloud)-narrow">[\s\S]*?<\/div>/g, '')
    .replace(/<span class="wordcloud-narrow">[\s\S]*?<\/span>/g, '');

export const GET: APIRoute = async (context) => {
  const posts = await publishedPosts();
  const settings = siteSettings();
  // siteConfig.ts always sets `site` (SOUNDINGS_SITE, site.yaml's url, or the example origin).
  const site = context.site as URL;
  // Relative links in an article (#method-…, chart CSVs) would not resolve in a reader: make them absolute.
  const absolute = (html: string, base: string) =>
    html.replace(
      /\b(href|src)="(?![a-z][a-z0-9+.-]*:|\/\/)([^"]*)"/gi,
      (_, attr: string, url: string) => `${attr}="${new URL(url, base).href}"`,
    );
  return rss({
    // The builder escapes text (a name with "&" stays text); xmlSafe takes out what XML cannot hold at all.
    title: xmlSafe(settings.name),
    description: xmlSafe(settings.description),
    site,
    items: posts.map((post) => ({
      title: xmlSafe(post.data.title),
      link: postUrl(post.id),
      pubDate: post.data.date,
      // A feed's description is HTML (readers decode it and render it), and the summary is plain text.
      description: xmlSafe(escapeHtml(post.data.summary)),
      author: xmlSafe(post.data.author),
      categories: post.data.tags.map(xmlSafe),
      content: xmlSafe(absolute(wideOnly(post.rendered?.html ?? ''), new URL(postUrl(post.id), site).href)),
    })),
    // customData is written as it is: the tag is validated (letters, digits, hyphens), and escaped all the same.
    customData: `<language>${escapeHtml(settings.language.toLowerCase())}</language>`,
  });
};
