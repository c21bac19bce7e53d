/**
 * How the build's JavaScript heap grows. After each full collection V8 lets the heap grow to up to
 * four times what is live before collecting again; the build makes garbage fast (every row read,
 * every page rendered) over a live set of a few hundred megabytes, so its memory peaked far above
 * what it used. Growing by at most 100% of the live set keeps the peak near it, for a few percent
 * more CPU time, and still grows as far as a larger org needs (unlike a fixed heap limit).
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 100;

/** Sets the heap's growing factor for this process; call at start-up. */
export function keepHeapNearLiveSize(): void {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
