/**
 * The page `astro dev` serves for a post being re-rendered (its entry in the content store Astro is replacing has no
 * HTML yet): it reloads as soon as the post is ready, so that the page a reader has open goes from a data error's
 * overlay to the fixed post in one step.
 *
 * Astro reloads the open pages once the store is replaced, over HMR, so the page loads Vite's client as every page
 * does. A client that connects after that reload went out would wait forever: the page also asks for itself every
 * 250 ms, and reloads once the answer is not this page (the post, or its error page). It used to refresh itself every
 * second with a `<meta>` tag alone, which it had no other way to leave: a data error fixed in a file took about 1.9 s
 * to show, in three page loads, where the post was ready in 0.9 s. Without JavaScript, that refresh is still there.
 */
const WAITING_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Re-rendering</title>
<noscript><meta http-equiv="refresh" content="1"></noscript>
<script type="module">
import '/@vite/client';
const poll = async () => {
  try {
    const answer = await fetch(location.href, { cache: 'no-store' });
    if (answer.status !== 503) return location.reload();
  } catch {
    // The server restarting: ask again.
  }
  setTimeout(poll, 250);
};
setTimeout(poll, 250);
</script>
</head>
<body>
<p>This post is being re-rendered; the page reloads when it is ready.</p>
</body>
</html>
`;

/** The 503 page for a post being re-rendered, which reloads itself once the post is ready. */
export function devWaitingPage(): Response {
  return new Response(WAITING_PAGE, { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
