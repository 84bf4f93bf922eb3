/**
 * A post whose frontmatter YAML does not parse reaches Soundings' own checks, which say where.
 *
 * glob() (node_modules/astro/dist/content/loaders/glob.js, syncData) reads an entry's frontmatter with the entry
 * type's `getEntryInfo` before it calls the loader's `parseData`; Astro's Markdown type
 * (vite-plugin-markdown/content-entry-type.js, safeParseFrontmatter) throws on a YAML syntax error. In `astro dev`
 * glob() catches that for an edited post and logs `Failed to reload post.md: <js-yaml's reason>` (no column, no
 * hint), and the post keeps its old page as if nothing were wrong: silent, as the loader took that log for a render
 * failure Astro had printed already. So the `.md` type here hands such a post on with no data: the loader's
 * parseData then meets the syntax error itself (postSource.ts: FrontmatterInvalid at post.md:line:column, with the
 * "#" comment trap), and stops a build with it or, in `astro dev`, keeps the post's last good data and fails its
 * render with the same message, which its page shows (renderFailure.ts), as for any other frontmatter mistake.
 */
import { fileURLToPath } from 'node:url';
import type { ContentEntryType } from 'astro';
import { SoundingsError } from '../errors.ts';
import { postBody, postSource } from '../markdown/postSource.ts';

/** What Astro hands a loader as `entryTypes` (content-layer.js), which its LoaderContext type leaves out. */
export type EntryTypes = Map<string, ContentEntryType>;

/** `entryTypes` with `.md`'s getEntryInfo giving a post whose YAML does not parse no data, rather than throwing. */
export function readableFrontmatter(entryTypes: EntryTypes): EntryTypes {
  const markdown = entryTypes.get('.md');
  if (!markdown) return entryTypes;
  const tolerant: ContentEntryType = {
    ...markdown,
    async getEntryInfo(params) {
      try {
        return await markdown.getEntryInfo(params);
      } catch (e) {
        if (!yamlSyntaxError(params.contents, fileURLToPath(params.fileUrl))) throw e;
        return { data: {}, body: postBody(params.contents), slug: '', rawData: '' };
      }
    },
  };
  return new Map([...entryTypes, ['.md', tolerant]]);
}

/** Whether the post's frontmatter is not YAML (postSource throws a located FrontmatterInvalid for it). */
function yamlSyntaxError(contents: string, file: string): boolean {
  try {
    postSource(contents, file);
    return false;
  } catch (e) {
    return e instanceof SoundingsError;
  }
}
