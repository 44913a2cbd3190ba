/**
 * Calls made while the event loop handles one round of I/O, answered together: `run` gets every
 * item asked for since the last round and returns one answer per item, in order. Concurrent requests
 * (each arriving on its own socket in the same round) then share one database round trip instead of
 * one each — DataLoader's idea. An error in `run` fails every call of its batch.
 */
export function batcher<I, O>(run: (items: readonly I[]) => Promise<readonly O[]>): (item: I) => Promise<O> {
  let waiting: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  const flush = (): void => {
    const batch = waiting;
    waiting = [];
    run(batch.map((w) => w.item)).then(
      (answers) => batch.forEach((w, i) => w.resolve(answers[i] as O)),
      (e: unknown) => batch.forEach((w) => w.reject(e)),
    );
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      // setImmediate runs after the I/O callbacks of this round, so it sees every request they started.
      if (waiting.length === 0) setImmediate(flush);
      waiting.push({ item, resolve, reject });
    });
}
