import { describe, expect, it } from 'vitest';
import { trailingTimer, type TimerHost } from './trailing-timer';

/** A fake clock: timers run when `advance` passes their due time, in due order. */
function fakeHost() {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const host: TimerHost & { advance(ms: number): void; armed(): number } = {
    now: () => now,
    setTimeout(fn, ms) {
      timers.set(++seq, { at: now + ms, fn });
      return seq;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    advance(ms) {
      const end = now + ms;
      for (;;) {
        const next = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
    },
    armed: () => timers.size,
  };
  return host;
}

describe('trailingTimer', () => {
  it('runs once, ms after the last touch', () => {
    const host = fakeHost();
    let runs = 0;
    const t = trailingTimer(() => runs++, 100, host);
    t.touch();
    host.advance(60);
    t.touch();
    host.advance(60);
    t.touch();
    host.advance(99);
    expect(runs).toBe(0);
    host.advance(1);
    expect(runs).toBe(1);
    host.advance(1000);
    expect(runs).toBe(1);
  });

  it('keeps a single timer however often it is touched', () => {
    const host = fakeHost();
    const t = trailingTimer(() => undefined, 100, host);
    for (let i = 0; i < 50; i++) {
      t.touch();
      host.advance(10);
      expect(host.armed()).toBe(1);
    }
  });

  it('runs again after a later touch, and not at all once cancelled', () => {
    const host = fakeHost();
    let runs = 0;
    const t = trailingTimer(() => runs++, 100, host);
    t.touch();
    host.advance(100);
    t.touch();
    host.advance(100);
    expect(runs).toBe(2);
    t.touch();
    host.advance(50);
    t.cancel();
    host.advance(500);
    expect(runs).toBe(2);
    expect(host.armed()).toBe(0);
  });
});
