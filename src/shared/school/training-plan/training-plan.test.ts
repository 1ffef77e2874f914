import { describe, expect, it } from 'vitest';
import { focusOfReport, type ReportForPlan, stepServes, studyDayCost } from './training-plan';

const name = { nl: 'n', en: 'n' };
const shown = (level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1', count: number) => ({ level, count, share: count * 10 });
const zero = (level: 'A1' | 'A2' | 'B1' | 'B2' | 'C1') => shown(level, 0);

describe('focusOfReport', () => {
  it('takes, per competence of the priority area, the level with the largest published count, ties to the lower level; all zero: left out', () => {
    const report: ReportForPlan = {
      priorityArea: { number: 6 },
      competences: [
        { code: '1.1', areaNumber: 1, name, levels: [shown('A1', 9)] },
        { code: '6.1', areaNumber: 6, name, levels: [zero('A1'), shown('A2', 5), shown('B1', 5), zero('B2')] },
        { code: '6.2', areaNumber: 6, name, levels: [zero('A1'), zero('A2'), shown('B1', 7)] },
        { code: '6.3', areaNumber: 6, name, levels: [zero('A1'), zero('A2')] },
      ],
    };
    expect(focusOfReport(report)).toEqual([
      { competence: '6.1', name, level: 'A2', count: 5, share: 50 },
      { competence: '6.2', name, level: 'B1', count: 7, share: 70 },
    ]);
    expect(focusOfReport({ ...report, priorityArea: null })).toEqual([]);
  });
});

describe('stepServes and studyDayCost', () => {
  it('a step serves a level it starts at or passes; a team price replaces price × participants', () => {
    const steps = [{ competence: '6.1', from: 'A1', to: 'B1' }];
    expect(stepServes(steps, '6.1', 'A2')).toBeDefined();
    expect(stepServes(steps, '6.1', 'B1')).toBeUndefined();
    expect(stepServes(steps, '6.2', 'A1')).toBeUndefined();
    expect(studyDayCost(4_500, 20, null)).toBe(90_000);
    expect(studyDayCost(4_500, 20, 60_000)).toBe(60_000);
  });
});
