import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ProfileDto } from './api';
import { LEVEL_CODES } from './framework';
import { buildProfile, type SubmittedResult } from './profile';
import { type RankingProfile, rankingProfileOf } from './profile-ranking';
import type { ScanResult } from './scoring';

/** The one definition: the ranking's fields read from the whole parsed profile. */
function expected(body: string): RankingProfile {
  const profile = JSON.parse(body) as ProfileDto;
  return {
    scanId: profile.scanId,
    frameworkId: profile.frameworkId,
    frameworkVersion: profile.frameworkVersion,
    submittedAt: profile.submittedAt,
    competences: profile.result.competences.map((c) => ({ code: c.code, level: c.level, points: c.points })),
    priorities: profile.result.priorities.map((p) => p.code),
  };
}

// Texts that look like the keys the narrow read looks for, quotes and braces included.
const nastyText = fc.oneof(
  fc.string(),
  fc.constantFrom('"competences":[', '},"history":', ',"result":{"', '\\"}', '"]}', 'é ☃ \u0000'),
  fc.tuple(fc.string(), fc.constantFrom('"competences":[', '},"history":', ',"result":{"'), fc.string()).map((parts) => parts.join('')),
);
const levelArb = fc.constantFrom(...LEVEL_CODES);
const competenceArb = fc.record({ code: nastyText, areaNumber: fc.integer({ min: 1, max: 6 }), points: fc.integer({ min: 0, max: 5 }), level: levelArb });
const resultArb: fc.Arbitrary<ScanResult> = fc.record({
  total: fc.integer({ min: 0, max: 110 }),
  maxTotal: fc.constant(110),
  level: levelArb,
  band: fc.constantFrom('A', 'B', 'C'),
  areas: fc.array(fc.record({ number: fc.integer({ min: 1, max: 6 }), score: fc.nat(25), max: fc.constant(25), level: levelArb, band: fc.constantFrom('A', 'B', 'C') }), {
    maxLength: 6,
  }),
  competences: fc.array(competenceArb, { maxLength: 22 }),
  priorities: fc.array(
    fc.record({ code: nastyText, areaNumber: fc.integer({ min: 1, max: 6 }), points: fc.nat(5), level: levelArb, tip: fc.record({ nl: nastyText, en: nastyText }) }),
    {
      maxLength: 3,
    },
  ),
}) as fc.Arbitrary<ScanResult>;
const scanArb: fc.Arbitrary<SubmittedResult> = fc.record({
  scanId: nastyText,
  frameworkId: nastyText,
  frameworkVersion: nastyText,
  submittedAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  result: resultArb,
});

describe('rankingProfileOf', () => {
  it('reads a stored profile (JSON.stringify of buildProfile) as the whole parse does', () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 3 }), (scans) => {
        const body = JSON.stringify(buildProfile(scans));
        expect(rankingProfileOf(body)).toEqual(expected(body));
      }),
      { numRuns: 300 },
    );
  });

  it('reads any other layout of the same profile whole, with the same answer', () => {
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 2 }), fc.nat(), (scans, seed) => {
        const profile = buildProfile(scans)!;
        const entries = Object.entries(profile);
        const rotated = [...entries.slice(seed % entries.length), ...entries.slice(0, seed % entries.length)];
        const body = JSON.stringify(Object.fromEntries(rotated));
        expect(rankingProfileOf(body)).toEqual(expected(body));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a profile whose result comes first, whose history comes first, or that is pretty-printed', () => {
    const profile = buildProfile([{ scanId: 's1', frameworkId: 'digcompedu', frameworkVersion: '2026.1', submittedAt: '2026-03-01T10:00:00.000Z', result: sampleResult() }])!;
    const { result, history, ...rest } = profile;
    for (const body of [JSON.stringify({ result, ...rest, history }), JSON.stringify({ history, ...rest, result }), JSON.stringify(profile, null, 2), JSON.stringify(profile)]) {
      expect(rankingProfileOf(body)).toEqual(expected(body));
    }
    expect(rankingProfileOf(JSON.stringify(profile))).toEqual({
      scanId: 's1',
      frameworkId: 'digcompedu',
      frameworkVersion: '2026.1',
      submittedAt: '2026-03-01T10:00:00.000Z',
      competences: [
        { code: '1.1', level: 'B1', points: 2 },
        { code: '1.2', level: 'A2', points: 1 },
      ],
      priorities: ['1.2'],
    });
  });

  it('fails as the whole parse fails on text that is not JSON', () => {
    expect(() => rankingProfileOf('{"scanId":"x","result":{"competences":[')).toThrow(SyntaxError);
    expect(() => rankingProfileOf('')).toThrow(SyntaxError);
  });
});

function sampleResult(): ScanResult {
  return {
    total: 3,
    maxTotal: 10,
    level: 'A2',
    band: 'A',
    areas: [{ number: 1, score: 3, max: 10, level: 'A2', band: 'A' }],
    competences: [
      { code: '1.1', areaNumber: 1, points: 2, level: 'B1' },
      { code: '1.2', areaNumber: 1, points: 1, level: 'A2' },
    ],
    priorities: [{ code: '1.2', areaNumber: 1, points: 1, level: 'A2', tip: { nl: 'Probeer het.', en: 'Try it.' } }],
  } as ScanResult;
}
