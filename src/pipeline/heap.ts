/**
 * Keeps a long pass's heap near what is live. V8 collects its old generation only once it has
 * grown to several times what survived the last collection: over a newsroom build (40,000
 * editions) the objects that outlive a couple of young-generation collections — a few hundred
 * kilobytes every few articles — pile up until the heap is four or five times the live set, and
 * the process holds that memory. A full collection whenever the heap has grown by `slack` bytes
 * since the last one keeps it at the live set plus `slack`, at the cost of a few dozen
 * collections (tens of milliseconds each) per pass.
 *
 * `gc` is V8's own (--expose-gc, set at run time and read through a new context, which is
 * where V8 installs it); where that is not available the keeper does nothing.
 */
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

function gcFunction(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

/** Returns a function to call once per unit of work (an article); it collects when the heap has grown by `slack`. */
export function heapKeeper(slack = 32 * 2 ** 20, every = 16): () => void {
  const gc = gcFunction();
  if (!gc) return () => {};
  let floor = getHeapStatistics().used_heap_size;
  let n = 0;
  return () => {
    if (++n % every !== 0) return;
    if (getHeapStatistics().used_heap_size < floor + slack) return;
    gc();
    floor = getHeapStatistics().used_heap_size;
  };
}
