/**
 * One value for the whole process, however many copies of its module are
 * loaded: Astro loads the config, the content config and the pages in
 * separate module graphs, each with its own copy of a module, so the state
 * they share (caches, the dev server, render failures) lives on `globalThis`
 * under a registered symbol, made by `init` the first time it is asked for.
 */
export function processGlobal<T>(name: string, init: () => T): T {
  const key = Symbol.for(`soundings.${name}`);
  const slot = globalThis as Record<symbol, unknown>;
  if (!(key in slot)) slot[key] = init();
  return slot[key] as T;
}
