/**
 * Lets the event loop run other work (requests, timers) before going on: a long loop over an
 * upload awaits this every so many items, so one large import never holds up the other requests.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Items a loop over an upload handles between two turns of the event loop. */
export const ITEMS_PER_TURN = 500;
