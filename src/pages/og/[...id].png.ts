/** Each post's social card, /og/<post>.png (see src/site/socialCard.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatValue } from '../../render/format.ts';
import { type PostEntry, publishedPosts, recordOf } from '../../site/site.ts';
import { siteSettings } from '../../site/siteSettings.ts';
import { socialCard } from '../../site/socialCard.ts';

export const getStaticPaths = (async () =>
  (await publishedPosts()).map((post) => ({ params: { id: post.id }, props: { post } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const post = props.post as PostEntry;
  const headline = recordOf(post)?.headline;
  const png = await socialCard({
    site: siteSettings().name,
    title: post.data.title,
    author: post.data.author,
    date: formatValue(post.data.date, 'date'),
    ...(headline ? { headline: { text: headline.text, label: headline.label ?? headline.definition } } : {}),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
