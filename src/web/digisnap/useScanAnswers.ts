import { useCallback, useRef, useState } from 'react';
import type { Background, ScanDto } from '../../shared/digisnap/api';
import { api, type ApiError } from '../api';
import { asApiError } from '../components/useAsync';

export type SaveState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: ApiError; retry: () => void };

/**
 * The answers of one scan as the teacher gives them. Each choice is saved at once;
 * when choices overtake each other, only the newest one's outcome is shown.
 */
export function useScanAnswers(scan: ScanDto) {
  const [answers, setAnswers] = useState<Record<string, number>>(scan.answers);
  const [background, setBackground] = useState<Background>(scan.background);
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const latest = useRef(new Map<string, number>());
  const inFlight = useRef(new Set<Promise<unknown>>());
  const sequence = useRef(0);

  const track = useCallback((key: string, send: () => Promise<ScanDto>, retry: () => void) => {
    const mine = ++sequence.current;
    latest.current.set(key, mine);
    setSaves((all) => ({ ...all, [key]: { state: 'saving' } }));
    const request = send()
      .then(() => {
        if (latest.current.get(key) === mine) setSaves((all) => ({ ...all, [key]: { state: 'saved' } }));
      })
      .catch((error: unknown) => {
        if (latest.current.get(key) === mine) {
          setSaves((all) => ({ ...all, [key]: { state: 'failed', error: asApiError(error), retry } }));
        }
      })
      .finally(() => inFlight.current.delete(request));
    inFlight.current.add(request);
  }, []);

  const choose = useCallback(
    (code: string, option: number) => {
      setAnswers((all) => ({ ...all, [code]: option }));
      const send = () => api.saveAnswer(scan.id, code, option);
      const retry = () => track(code, send, retry);
      track(code, send, retry);
    },
    [scan.id, track],
  );

  const chooseBackground = useCallback(
    (field: keyof Background, value: string) => {
      setBackground((all) => ({ ...all, [field]: value }));
      const send = () => api.saveBackground(scan.id, { [field]: value });
      const retry = () => track(`background.${field}`, send, retry);
      track(`background.${field}`, send, retry);
    },
    [scan.id, track],
  );

  /** Resolves once every save sent so far has finished (before submitting). */
  const settled = useCallback(async () => {
    await Promise.allSettled([...inFlight.current]);
  }, []);

  return { answers, background, saves, choose, chooseBackground, settled };
}
