import { describe, expect, it } from 'vitest';
import type { FlandersPicture, PictureCell } from '../../shared/centre/digisnap-picture';
import { type PictureBreakdown, pictureBreakdowns } from '../../shared/centre/picture-vocabulary';
import { digisnapPictureDatasets } from './digisnap-picture.dataset';

const cell = (count: number | null, share: number | null = null): PictureCell => ({ count, share, hidden: count === null });
const distribution = {
  total: cell(10),
  levels: [
    { level: 'A1' as const, ...cell(null) },
    { level: 'B1' as const, ...cell(6, 60) },
  ],
};

/** A release with one group per breakdown: Limburg's primary schools, say. */
const picture = (breakdown: PictureBreakdown): FlandersPicture => ({
  release: {
    id: 'r7',
    releasedAt: '2026-12-01T10:00:00.000Z',
    from: '2025-11-30T23:00:00.000Z',
    threshold: 5,
    noise: { epsilon: 1, histograms: 145, expectedError: 0.85, bound: 2, confidence: 0.9 },
    epsilon: 145,
  },
  breakdown,
  histogram: 'all',
  frameworkId: 'digcompedu',
  frameworkVersion: '2026',
  areas: [],
  competences: [],
  groups: [
    {
      key: breakdown === 'none' ? 'flanders' : 'limburg',
      schools: 3,
      schoolsWithFinishedRound: 1,
      teachers: 12,
      respondents: cell(10),
      participation: 83.3,
      overall: distribution,
      areas: [{ number: 1, ...distribution }],
      competences: [{ code: '1.1', areaNumber: 1, ...distribution }],
    },
  ],
});

describe('the Digisnap picture as open data', () => {
  const [participation, levels] = digisnapPictureDatasets({ picture: async () => Object.fromEntries(pictureBreakdowns.map((b) => [b, picture(b)])) as never });

  it('has a row per group of every breakdown, shares from 0 to 1', async () => {
    const rows = await participation.rows();
    expect(rows).toHaveLength(pictureBreakdowns.length);
    expect(rows[0]).toEqual({
      release: 'r7',
      from: '2025-11-30',
      breakdown: 'none',
      group: 'flanders',
      schools: 3,
      schools_with_finished_round: 1,
      teachers: 12,
      respondents: 10,
      participation: 0.833,
    });
    for (const row of rows) expect(Object.keys(row)).toEqual(participation.columns.map((column) => column.id));
  });

  it('has a row per level of every histogram, a hidden count empty, never 0', async () => {
    const rows = await levels.rows();
    expect(rows).toHaveLength(pictureBreakdowns.length * 3 * 2);
    expect(rows.filter((row) => row.breakdown === 'province').map((row) => [row.histogram, row.level, row.count, row.share])).toEqual([
      ['overall', 'A1', null, null],
      ['overall', 'B1', 6, 0.6],
      ['area:1', 'A1', null, null],
      ['area:1', 'B1', 6, 0.6],
      ['competence:1.1', 'A1', null, null],
      ['competence:1.1', 'B1', 6, 0.6],
    ]);
    for (const row of rows) expect(Object.keys(row)).toEqual(levels.columns.map((column) => column.id));
  });
});
