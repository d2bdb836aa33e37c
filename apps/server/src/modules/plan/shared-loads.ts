/**
 * Loads shared by the requests that ask for the same thing while it is being read: one load per
 * key in flight, each numbered in the order it began (`loadedAs`), so that a cache keeps a newer
 * snapshot over one read before it. The plan caches (`PlanCache`, `StampedCache`) load through it.
 */
export class SharedLoads<T> {
  private readonly inFlight = new Map<string, Promise<T & { loadedAs: number }>>();
  private began = 0;

  /** The load of `key` in flight, or `load` begun now. */
  run(key: string, load: () => Promise<T>): Promise<T & { loadedAs: number }> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      const loadedAs = ++this.began;
      pending = load()
        .then((r) => ({ ...r, loadedAs }))
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }
}
