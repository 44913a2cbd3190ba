/**
 * Calls made while the event loop handles one round of I/O, answered together: `run` gets every
 * item asked for since the last round and returns one answer per item, in order. Concurrent requests
 * (each arriving on its own socket in the same round) then share one database round trip instead of
 * one each — DataLoader's idea. An error in `run` fails every call of its batch.
 *
 * At most `maxInFlight` runs are in flight: calls made while that many are running wait for one to
 * finish and go out together. Under load the batches grow instead of the statements multiplying, so
 * the database spends its share of the CPU on rows rather than on per-statement overhead.
 */
export function batcher<I, O>(
  run: (items: readonly I[]) => Promise<readonly O[]>,
  maxInFlight = Number.POSITIVE_INFINITY,
): (item: I) => Promise<O> {
  let waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;
  const schedule = (): void => {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    // setImmediate runs after the I/O callbacks of this round, so it sees every request they started.
    setImmediate(flush);
  };
  const flush = (): void => {
    scheduled = false;
    if (inFlight >= maxInFlight) return; // the run that finishes next schedules these
    const batch = waiting;
    waiting = [];
    inFlight += 1;
    run(batch.map((w) => w.item))
      .then(
        (answers) => batch.forEach((w, i) => w.resolve(answers[i] as O)),
        (e: unknown) => batch.forEach((w) => w.reject(e)),
      )
      .finally(() => {
        inFlight -= 1;
        schedule();
      });
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      schedule();
    });
}
