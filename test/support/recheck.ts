import { vi } from 'vitest';

/** How far each read moves the clock on: further every time, as the services' clocks never go back. */
let shift = 0;

/**
 * Reads with the clock moved past a process's recheck of the versions it keeps answers by (the
 * centre's fronts and needs recheck them at most once a second), so a write in another module is
 * seen by then.
 */
export async function afterRecheck<T>(read: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    shift += 10_000;
    vi.setSystemTime(Date.now() + shift);
    return await read();
  } finally {
    vi.useRealTimers();
  }
}
