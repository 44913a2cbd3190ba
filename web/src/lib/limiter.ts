/**
 * Runs at most `slots` of the tasks given to it at once, the others waiting in the order they came.
 * The import page previews each dropped PDF/Word/Excel file on the server: thirty files dropped at
 * once would otherwise be thirty documents parsed (and held in memory) by the server together.
 */
export function limiter(slots: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = (): void => {
    if (running >= slots) return;
    const start = waiting.shift();
    if (start === undefined) return;
    running += 1;
    start();
  };
  return <T>(task: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.push(() => {
        // A task that throws before returning its promise still frees its slot.
        Promise.resolve()
          .then(task)
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            next();
          });
      });
      next();
    });
}
