import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestedActionSchema } from '../policy-plan/suggested-action';
import { competenceShareAtBOrAbove, type ReportForActions, teamReportSuggestions, WEAKEST_COMPETENCES } from './team-report-actions';

const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const name = (text: string) => ({ nl: `${text} (nl)`, en: text });
type Cell = { level: string; count: number | null; suppressed: boolean };
const shown = (level: string, count: number): Cell => ({ level, count, suppressed: false });
const hidden = (level: string): Cell => ({ level, count: null, suppressed: true });

function report(overrides: Partial<ReportForActions> = {}): ReportForActions {
  return {
    campaign: { id: 'campaign-1' },
    threshold: 5,
    respondents: 20,
    overall: { bands: [{ band: 'A' }, { band: 'B' }, { band: 'C' }] },
    priorityArea: { number: 6, name: name('Learners'), basis: 'largest_share_at_a', shareAtA: 45.5, meanShare: 30 },
    areas: [
      { number: 1, name: name('Engagement'), bands: [{ band: 'C', count: 5, suppressed: false }] },
      { number: 6, name: name('Learners'), bands: [{ band: 'C', count: null, suppressed: true }] },
    ],
    competences: [
      { code: '1.1', areaNumber: 1, name: name('Communication'), levels: [shown('A1', 5), hidden('A2'), hidden('B1'), shown('B2', 10)] },
      { code: '6.1', areaNumber: 6, name: name('Media literacy'), levels: [shown('A1', 10), shown('A2', 5), hidden('B1'), hidden('B2')] },
      { code: '6.2', areaNumber: 6, name: name('Communication'), levels: [shown('A1', 5), hidden('A2'), shown('B1', 5), hidden('B2')] },
      { code: '2.1', areaNumber: 2, name: name('Selecting'), levels: [shown('B1', 12), shown('C1', 8)] },
    ],
    ...overrides,
  };
}

describe('competenceShareAtBOrAbove', () => {
  it('reads the shown B-and-up cells, else the shown A cells, else nothing', () => {
    const [c11, c61, c62, c21] = report().competences;
    expect(competenceShareAtBOrAbove(c61, 20, 'A')).toBe(25);
    expect(competenceShareAtBOrAbove(c21, 20, 'A')).toBe(100);
    expect(competenceShareAtBOrAbove(c11, 20, 'A')).toBeNull();
    expect(competenceShareAtBOrAbove(c62, 20, 'A')).toBeNull();
    expect(competenceShareAtBOrAbove(c21, 0, 'A')).toBeNull();
  });
});

describe('teamReportSuggestions', () => {
  it('suggests the priority area, the weakest competence it can read and the areas without a group at C', () => {
    const suggestions = teamReportSuggestions(report());
    expect(suggestions.map((s) => [s.key, s.priority])).toEqual([
      ['priority-area-6', 1],
      ['competence-6.1', 2],
      ['some-c-area-6', 3],
    ]);
    for (const s of suggestions) expect(suggestedActionSchema.parse(s)).toMatchObject({ front: 'skills', source: { kind: 'team_report', id: 'campaign-1' } });
    expect(suggestions[0].target).toEqual({ kind: 'digcompedu_area', code: '6', label: name('Learners') });
    expect(suggestions[0].why.nl).toContain('45,5%');
    expect(suggestions[0].why.en).toContain('45.5%');
    expect(suggestions[1]).toMatchObject({ target: { kind: 'digcompedu_competence', code: '6.1' } });
    expect(suggestions[1].why.en).toContain('25%');
    expect(suggestions[2].why.en).toContain('at least 5');
  });

  it('explains a priority by its mean when no area shows its A count', () => {
    const [first] = teamReportSuggestions(report({ priorityArea: { number: 3, name: name('Teaching'), basis: 'lowest_mean', shareAtA: null, meanShare: 41.2 } }));
    expect(first.why.en).toContain('lowest mean score (41.2% of the maximum)');
  });

  it('suggests nothing when the report names no priority, every competence is at B and C shows everywhere', () => {
    const suggestions = teamReportSuggestions(
      report({ priorityArea: null, areas: [{ number: 2, name: name('Resources'), bands: [{ band: 'C', count: 8, suppressed: false }] }], competences: [report().competences[3]] }),
    );
    expect(suggestions).toEqual([]);
  });

  /** A competence row as a report holds it: counts that add up to the respondents, small ones hidden, some more hidden at random. */
  const row = (respondents: number) =>
    fc.tuple(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 6, maxLength: 6 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })).map(([weights, extraHide]) => {
      const sum = weights.reduce((a, b) => a + b, 0) || 1;
      const counts = weights.map((w) => Math.floor((w / sum) * respondents));
      counts[0] += respondents - counts.reduce((a, b) => a + b, 0);
      return LEVELS.map((level, i): Cell => (counts[i] < 5 || extraHide[i] ? hidden(level) : shown(level, counts[i])));
    });
  const anyReport = fc.integer({ min: 5, max: 200 }).chain((respondents) =>
    fc.record({
      respondents: fc.constant(respondents),
      competences: fc.uniqueArray(fc.record({ code: fc.constantFrom('1.1', '1.2', '2.1', '3.4', '5.3', '6.5'), levels: row(respondents) }), {
        selector: (c) => c.code,
        maxLength: 6,
      }),
      hiddenC: fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
    }),
  );

  it('keeps keys unique, priorities ordered, shares within 0–100, and reads no competence whose B share is unknown', () => {
    fc.assert(
      fc.property(anyReport, ({ respondents, competences, hiddenC }) => {
        const input = report({
          respondents,
          competences: competences.map((c) => ({ ...c, areaNumber: Number(c.code[0]), name: name(c.code) })),
          areas: hiddenC.map((hide, i) => ({ number: i + 1, name: name(`area ${i + 1}`), bands: [{ band: 'C', count: hide ? null : 6, suppressed: hide }] })),
        });
        const suggestions = teamReportSuggestions(input);
        const keys = suggestions.map((s) => s.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...suggestions].sort((a, b) => a.priority - b.priority)).toEqual(suggestions);
        const competenceKeys = suggestions.filter((s) => s.target.kind === 'digcompedu_competence');
        expect(competenceKeys.length).toBeLessThanOrEqual(WEAKEST_COMPETENCES);
        for (const s of competenceKeys) {
          const source = input.competences.find((c) => c.code === s.target.code)!;
          const share = competenceShareAtBOrAbove(source, respondents, 'A');
          expect(share).not.toBeNull();
          expect(share!).toBeGreaterThanOrEqual(0);
          expect(share!).toBeLessThan(100);
        }
        expect(suggestions.filter((s) => s.key.startsWith('some-c-area-')).length).toBe(hiddenC.filter(Boolean).length);
      }),
    );
  });
});
