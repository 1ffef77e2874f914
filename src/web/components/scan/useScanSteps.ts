import { useEffect } from 'react';
import { navigate, useLocation } from '../../router';
import { nextStep, parseStep, previousStep, resumeStep, type ScanStep, stepParam, unansweredCodes } from './scanSteps';
import { type Answering, itemAnswer } from './useAnswerSaving';

interface Options {
  /** The scan's address; the screen goes in `?step=`. */
  path: string;
  /** The item ids in scan order. */
  codes: string[];
  /** The answers as they are being given, with their saves. */
  saving: Answering;
  /** The answers the scan was loaded with, which say where it resumes. */
  openedWith: Record<string, number>;
  /** The intro was answered already (e.g. background given), so a resumed scan skips it. */
  introDone?: boolean;
}

/**
 * The screen a scan's address names and the moves between screens, for any scan on the
 * engine. Moves go through the address, so the browser's back button and a reload keep the
 * place. With no (valid) step in the address the scan resumes where it was left (see
 * `resumeStep`) and the address is corrected to name that screen.
 */
export function useScanSteps({ path, codes, saving, openedWith, introDone = false }: Options) {
  const { query } = useLocation();
  const total = codes.length;
  const step = parseStep(query.get('step'), total);
  const hrefOf = (target: ScanStep) => `${path}?step=${stepParam(target)}`;

  useEffect(() => {
    if (!step) navigate(hrefOf(resumeStep(codes, openedWith, introDone)), { replace: true });
  });

  const move = (towards: typeof nextStep) => () => {
    if (step) navigate(hrefOf(towards(step, total)));
  };
  const next = move(nextStep);
  const back = move(previousStep);

  return {
    step,
    total,
    next,
    /** What ItemStep needs for the item at `number` beside the item itself. */
    itemProps: (number: number) => ({
      total,
      answered: total - unansweredCodes(codes, saving.answers).length,
      ...itemAnswer(saving, codes[number - 1]),
      onBack: back,
      onNext: next,
    }),
    /** What ScanSummary's wrappers need beside the items and the submit. */
    summaryProps: { stepHref: (number: number) => hrefOf({ kind: 'item', number }), onBack: back },
  };
}
