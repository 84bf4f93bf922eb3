const cache = new Map<string, Int32Array>();

/**
 * The points of d3-cloud's Archimedean spiral around (0, 0), stretched to the
 * board's aspect ratio, as integer offsets [dx0, dy0, dx1, dy1, …]: the
 * order in which positions are tried, nearest to the centre first, without
 * repeats. `direction` (±1) turns it either way. Ends once it has left a
 * `width` × `height` box around its start entirely. Computed once per size
 * and direction: a cloud walks it hundreds of times.
 */
export function spiral(width: number, height: number, direction: 1 | -1): Int32Array {
  const key = `${width}×${height}×${direction}`;
  const known = cache.get(key);
  if (known) return known;
  const e = width / height;
  const points: number[] = [];
  let lastX = Number.NaN;
  let lastY = Number.NaN;
  for (let t = 0; ; t++) {
    const a = t * 0.1 * direction;
    const dx = Math.trunc(e * a * Math.cos(a));
    const dy = Math.trunc(a * Math.sin(a));
    if (Math.abs(dx) > width && Math.abs(dy) > height) break;
    if (dx === lastX && dy === lastY) continue;
    lastX = dx;
    lastY = dy;
    points.push(dx, dy);
  }
  const result = Int32Array.from(points);
  if (cache.size > 64) cache.clear();
  cache.set(key, result);
  return result;
}
