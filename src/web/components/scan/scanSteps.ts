/**
 * The screens of a scan on the engine: an intro (background questions, or what the scan is
 * about), one item per screen, and the summary. The address names the screen (`?step=`), so a
 * scan resumes where it was left, on any device.
 */
export type ScanStep = { kind: 'intro' } | { kind: 'item'; number: number } | { kind: 'summary' };

/** `?step=` value → step; null when absent or not a step of this scan. */
export function parseStep(value: string | null, total: number): ScanStep | null {
  if (value === 'intro') return { kind: 'intro' };
  if (value === 'summary') return { kind: 'summary' };
  if (value === null || !/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 && number <= total ? { kind: 'item', number } : null;
}

export function stepParam(step: ScanStep): string {
  return step.kind === 'item' ? String(step.number) : step.kind;
}

export function nextStep(step: ScanStep, total: number): ScanStep {
  if (step.kind === 'intro') return total > 0 ? { kind: 'item', number: 1 } : { kind: 'summary' };
  if (step.kind === 'item' && step.number < total) return { kind: 'item', number: step.number + 1 };
  return { kind: 'summary' };
}

export function previousStep(step: ScanStep, total: number): ScanStep {
  if (step.kind === 'summary') return total > 0 ? { kind: 'item', number: total } : { kind: 'intro' };
  if (step.kind === 'item' && step.number > 1) return { kind: 'item', number: step.number - 1 };
  return { kind: 'intro' };
}

/** Item ids (in scan order) that have no answer yet. */
export function unansweredCodes(codes: string[], answers: Record<string, number>): string[] {
  return codes.filter((code) => answers[code] === undefined);
}

/**
 * Where a scan opens when the address names no step: a fresh scan at the intro,
 * a scan in progress at its first unanswered item, a complete one at the summary.
 * `introDone` says whether the intro was already answered (e.g. background given).
 */
export function resumeStep(codes: string[], answers: Record<string, number>, introDone = false): ScanStep {
  const answeredAny = codes.some((code) => answers[code] !== undefined);
  if (!answeredAny && !introDone) return { kind: 'intro' };
  const first = codes.findIndex((code) => answers[code] === undefined);
  return first === -1 ? { kind: 'summary' } : { kind: 'item', number: first + 1 };
}
