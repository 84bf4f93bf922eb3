import { defineCollection } from 'astro:content';
import { frontmatterSchema } from './markdown/frontmatter.ts';
import { soundingsLoader } from './site/soundingsLoader.ts';

const posts = defineCollection({
  loader: soundingsLoader(),
  schema: frontmatterSchema,
});

export const collections = { posts };
