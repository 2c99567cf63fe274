/**
 * Cooperative time slicing for long work on the main process: call the returned function often;
 * it yields to the event loop (setImmediate, so that I/O and clicks are served) once `sliceMs`
 * has passed since the last yield, and costs next to nothing otherwise.
 */
export function timeSlicer(sliceMs = 8): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}
