// A binary min-heap of mentor indices keyed by a lexicographic distance (d1 first, then d2), stored in
// typed arrays owned by the caller so the shortest-path searches allocate nothing per step.
// `heapPos[item]` tracks each item's slot, which decrease-key needs.
export type LexHeap = {
  heap: Int32Array;
  heapPos: Int32Array;
  d1: Int32Array;
  d2: Float64Array;
};

/** Places `item` (whose keys are already in d1/d2) at slot `at` and moves it up to where it belongs. */
export function heapSiftUp({ heap, heapPos, d1, d2 }: LexHeap, item: number, from: number): void {
  const k1 = d1[item] ?? 0;
  const k2 = d2[item] ?? 0;
  let at = from;
  while (at > 0) {
    const parentAt = (at - 1) >> 1;
    const parent = heap[parentAt] ?? 0;
    const p1 = d1[parent] ?? 0;
    if (p1 < k1 || (p1 === k1 && (d2[parent] ?? 0) <= k2)) break;
    heap[at] = parent;
    heapPos[parent] = at;
    at = parentAt;
  }
  heap[at] = item;
  heapPos[item] = at;
}

/** After the root was taken and the size cut to `size`, moves the last item to the root and down. */
export function heapRefillRoot({ heap, heapPos, d1, d2 }: LexHeap, size: number): void {
  if (size === 0) return;
  const last = heap[size] ?? 0;
  const l1 = d1[last] ?? 0;
  const l2 = d2[last] ?? 0;
  let at = 0;
  for (;;) {
    let child = 2 * at + 1;
    if (child >= size) break;
    const right = child + 1;
    if (right < size) {
      const a = heap[child] ?? 0;
      const b = heap[right] ?? 0;
      if ((d1[b] ?? 0) < (d1[a] ?? 0) || ((d1[b] ?? 0) === (d1[a] ?? 0) && (d2[b] ?? 0) < (d2[a] ?? 0)))
        child = right;
    }
    const a = heap[child] ?? 0;
    if (l1 < (d1[a] ?? 0) || (l1 === (d1[a] ?? 0) && l2 <= (d2[a] ?? 0))) break;
    heap[at] = a;
    heapPos[a] = at;
    at = child;
  }
  heap[at] = last;
  heapPos[last] = at;
}
