/**
 * How the build's JavaScript heap grows. After each full collection V8 lets the heap grow to up to
 * four times what is live before collecting again; the build makes garbage fast (every row read,
 * every page rendered) over a live set of a few hundred megabytes, so its memory peaked far above
 * what it used. Growing by at most 100% of the live set keeps the peak near it, for a few percent
 * more CPU time, and still grows as far as a larger org needs (unlike a fixed heap limit).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

export const HEAP_GROWING_PERCENT = 100;

/** Sets the heap's growing factor for this process; call at start-up. */
export function keepHeapNearLiveSize(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/**
 * Collects garbage now, in full. The build calls it once, between the metrics and the render: the
 * tables it has just let go are garbage the size of the exports, and the render would otherwise
 * start on top of them, so that the build's peak came at the start of the render.
 */
export function collectGarbageNow(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}
