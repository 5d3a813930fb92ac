// Batches redraws: state changes mark regions dirty and one pass after the current task
// redraws each of them once, however many events a frame carried.

const renderers = new Map();
const dirty = new Set();
let queued = false;

/** Register the function that redraws region `name`. */
export function onRender(name, fn) {
  renderers.set(name, fn);
}

/** Mark regions dirty (all of them when called without names). */
export function invalidate(...names) {
  for (const n of names.length ? names : renderers.keys()) dirty.add(n);
  if (!queued) {
    queued = true;
    queueMicrotask(flush);
  }
}

function flush() {
  queued = false;
  const names = [...dirty];
  dirty.clear();
  for (const n of names) renderers.get(n)?.();
}
