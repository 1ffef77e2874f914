import { describe, expect, it } from 'vitest';
import type { ProfileDto } from '../../shared/digisnap/api';
import { groupByArea, previousScan, scoresByArea } from './profileView';

const point = (scanId: string, total: number) => ({
  scanId,
  submittedAt: `2026-0${total % 9 || 1}-01T10:00:00Z`,
  frameworkVersion: '1',
  total,
  level: 'B1' as const,
  areas: [],
});

describe('previousScan', () => {
  it('is the last earlier scan when there is growth to show', () => {
    const profile = {
      scanId: 'c',
      history: [point('a', 30), point('b', 40), point('c', 50)],
      growth: { since: '2026-04-01T10:00:00Z', totalChange: 10, areas: [] },
    } as unknown as ProfileDto;
    expect(previousScan(profile)?.scanId).toBe('b');
  });

  it('is absent for a first scan', () => {
    const profile = { scanId: 'a', history: [point('a', 30)], growth: null } as unknown as ProfileDto;
    expect(previousScan(profile)).toBeUndefined();
  });
});

describe('scoresByArea and groupByArea', () => {
  it('orders scores by area and fills gaps with 0', () => {
    expect(
      scoresByArea(
        [
          { number: 2, score: 5 },
          { number: 1, score: 7 },
        ],
        [1, 2, 3],
      ),
    ).toEqual([7, 5, 0]);
  });

  it('groups items under their area in area order', () => {
    const groups = groupByArea([
      { code: '2.1', areaNumber: 2 },
      { code: '1.1', areaNumber: 1 },
      { code: '2.2', areaNumber: 2 },
    ]);
    expect(groups.map((g) => [g.areaNumber, g.items.map((i) => i.code)])).toEqual([
      [1, ['1.1']],
      [2, ['2.1', '2.2']],
    ]);
  });
});
