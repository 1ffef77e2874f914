import { useCallback, useState } from 'react';
import type { Background, ScanDto } from '../../shared/digisnap/api';
import { digisnapEndpoints } from '../../shared/digisnap/endpoints';
import { call } from '../api';
import { useAnswerSaving } from '../components/scan/useAnswerSaving';

/** A Digisnap scan's answers and background as the teacher gives them, each saved at once. */
export function useScanAnswers(scan: ScanDto) {
  const saveAnswer = useCallback(
    (code: string, option: number) => call(digisnapEndpoints.answerScanItem, { params: { scanId: scan.id, competence: code }, body: { option } }),
    [scan.id],
  );
  const { answers, saves, choose, track, settled } = useAnswerSaving(scan.answers, saveAnswer);
  const [background, setBackground] = useState<Background>(scan.background);

  const chooseBackground = useCallback(
    (field: keyof Background, value: string) => {
      setBackground((all) => ({ ...all, [field]: value }));
      track(`background.${field}`, () => call(digisnapEndpoints.answerScanBackground, { params: { scanId: scan.id }, body: { [field]: value } }));
    },
    [scan.id, track],
  );

  return { answers, background, saves, choose, chooseBackground, settled };
}
