import { useCallback, useRef, useState } from 'react';
import { type ApiError, asApiError } from '../../api';

export type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: ApiError; retry: () => void };

/**
 * Saving a scan's answers as they are given, for any scan on the engine: each save runs at
 * once; when saves of one key overtake each other, only the newest one's outcome is shown;
 * a failed save offers a retry; `settled` waits for every save sent so far (before submit).
 */
export function useSaveTracking() {
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const latest = useRef(new Map<string, number>());
  const inFlight = useRef(new Set<Promise<unknown>>());
  const sequence = useRef(0);

  const track = useCallback((key: string, send: () => Promise<unknown>) => {
    const run = () => {
      const mine = ++sequence.current;
      latest.current.set(key, mine);
      setSaves((all) => ({ ...all, [key]: { state: 'saving' } }));
      const request = send()
        .then(() => {
          if (latest.current.get(key) === mine) setSaves((all) => ({ ...all, [key]: { state: 'saved' } }));
        })
        .catch((error: unknown) => {
          if (latest.current.get(key) === mine) {
            setSaves((all) => ({ ...all, [key]: { state: 'failed', error: asApiError(error), retry: run } }));
          }
        })
        .finally(() => inFlight.current.delete(request));
      inFlight.current.add(request);
    };
    run();
  }, []);

  const settled = useCallback(async () => {
    await Promise.allSettled([...inFlight.current]);
  }, []);

  return { saves, track, settled };
}

/** The answers of one scan (item id → option index), each choice saved at once with `save`. */
export function useAnswerSaving(initial: Record<string, number>, save: (itemId: string, option: number) => Promise<unknown>) {
  const [answers, setAnswers] = useState<Record<string, number>>(initial);
  const { saves, track, settled } = useSaveTracking();

  const choose = useCallback(
    (itemId: string, option: number) => {
      setAnswers((all) => ({ ...all, [itemId]: option }));
      track(itemId, () => save(itemId, option));
    },
    [save, track],
  );

  return { answers, saves, choose, track, settled };
}

/** The part of useAnswerSaving (or a scan's own hook built on it) that answering an item uses. */
export type Answering = Pick<ReturnType<typeof useAnswerSaving>, 'answers' | 'saves' | 'choose'>;

/** What the item screen needs of one item's answer: the choice, the state of its save, and how to change it. */
export function itemAnswer({ answers, saves, choose }: Answering, itemId: string) {
  return { answer: answers[itemId], save: saves[itemId], onChoose: (option: number) => choose(itemId, option) };
}
