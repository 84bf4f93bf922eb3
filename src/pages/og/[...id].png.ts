/** Each post's social card, /og/<post>.png (see src/site/socialCard.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { formatValue } from '../../render/format.ts';
import { type PostEntry, publishedPosts, recordOf, SITE_NAME } from '../../site/site.ts';
import { socialCard } from '../../site/socialCard.ts';

export const getStaticPaths = (async () =>
  (await publishedPosts()).map((post) => ({ params: { id: post.id }, props: { post } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const post = props.post as PostEntry;
  const headline = recordOf(post)?.headline;
  const png = await socialCard({
    site: SITE_NAME,
    title: post.data.title,
    author: post.data.author,
    date: formatValue(post.data.date, 'date'),
    ...(headline ? { headline: { text: headline.text, label: headline.label ?? headline.definition } } : {}),
  });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
