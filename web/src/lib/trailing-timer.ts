/** The clock and timer a trailing timer runs on; the browser's by default, a fake one in tests. */
export interface TimerHost {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserHost: TimerHost = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface TrailingTimer {
  /** Something happened: `fn` runs `ms` after the last touch. */
  touch(): void;
  /** Forget the pending run, if any. */
  cancel(): void;
}

/**
 * A trailing debounce that arms one timer per quiet spell instead of one per touch: when the timer
 * fires early (touched meanwhile) it re-arms for the remainder. Typing calls `touch` on every
 * keystroke, where clearing and setting a timer each time costs the editor a noticeable share of its
 * per-keystroke budget; reading the clock does not.
 */
export function trailingTimer(fn: () => void, ms: number, host: TimerHost = browserHost): TrailingTimer {
  let last = 0;
  let handle: unknown = null;
  const fire = () => {
    const left = last + ms - host.now();
    if (left > 0) {
      handle = host.setTimeout(fire, left);
      return;
    }
    handle = null;
    fn();
  };
  return {
    touch() {
      last = host.now();
      if (handle === null) handle = host.setTimeout(fire, ms);
    },
    cancel() {
      if (handle !== null) host.clearTimeout(handle);
      handle = null;
    },
  };
}
