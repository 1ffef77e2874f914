import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestedActionSchema } from '../policy-plan/suggested-action';
import { type ReportForActions, teamReportSuggestions, WEAKEST_COMPETENCES } from './team-report-actions';

const name = (text: string) => ({ nl: `${text} (nl)`, en: text });

function report(overrides: Partial<ReportForActions> = {}): ReportForActions {
  return {
    campaign: { id: 'campaign-1' },
    threshold: 5,
    respondents: 20,
    overall: { bands: [{ band: 'A' }, { band: 'B' }, { band: 'C' }] },
    norms: [
      { id: 'every_teacher_at_least_b', kind: 'share_at_or_above', band: 'B', aim: 100, label: name('Every teacher at B') },
      { id: 'some_c_in_every_school', kind: 'count_at_or_above', band: 'C', aim: 1, label: name('Some teachers at C') },
    ],
    priorityArea: { number: 6, name: name('Learners'), basis: 'largest_share_at_a', shareAtA: 45.5 },
    areas: [
      { number: 1, name: name('Engagement'), bands: [{ band: 'C', count: 5 }] },
      { number: 6, name: name('Learners'), bands: [{ band: 'C', count: 0 }] },
    ],
    competences: [
      { code: '1.1', areaNumber: 1, name: name('Communication'), bOrAbove: { share: 40 } },
      { code: '6.1', areaNumber: 6, name: name('Media literacy'), bOrAbove: { share: 25 } },
      { code: '6.2', areaNumber: 6, name: name('Communication'), bOrAbove: { share: 60 } },
      { code: '2.1', areaNumber: 2, name: name('Selecting'), bOrAbove: { share: 100 } },
    ],
    ...overrides,
  };
}

describe('teamReportSuggestions', () => {
  it('suggests the priority area, the weakest competences by their published share at B or above, and the areas showing nobody at C', () => {
    const suggestions = teamReportSuggestions(report());
    expect(suggestions.map((s) => [s.key, s.priority])).toEqual([
      ['priority-area-6', 1],
      ['competence-6.1', 2],
      ['competence-1.1', 2],
      ['competence-6.2', 2],
      ['some-c-area-6', 3],
    ]);
    for (const s of suggestions) expect(suggestedActionSchema.parse(s)).toMatchObject({ front: 'skills', source: { kind: 'team_report', id: 'campaign-1' } });
    expect(suggestions[0].target).toEqual({ kind: 'digcompedu_area', code: '6', label: name('Learners') });
    expect(suggestions[0].why.nl).toContain('45,5%');
    expect(suggestions[0].why.en).toContain('45.5%');
    expect(suggestions[1]).toMatchObject({ target: { kind: 'digcompedu_competence', code: '6.1' } });
    expect(suggestions[1].why.en).toContain('25%');
    expect(suggestions[4].why.en).toContain('no colleagues at level C or above');
    expect(suggestions[4].why.en).toContain('Some teachers at C');
  });

  it('takes the counted aim from the report (the framework file), not from the code', () => {
    const [shareAim, countAim] = report().norms;
    const threeAtC = report({ norms: [shareAim, { ...countAim, aim: 3 }], areas: [{ number: 1, name: name('Engagement'), bands: [{ band: 'C', count: 2 }] }] });
    expect(
      teamReportSuggestions(threeAtC)
        .filter((s) => s.priority === 3)
        .map((s) => [s.key, s.why.nl]),
    ).toEqual([['some-c-area-1', "Het directierapport toont in dit domein 2 collega's op niveau C of hoger; het streefdoel van het Kenniscentrum: Some teachers at C (nl)."]]);
    expect(teamReportSuggestions(report({ norms: [shareAim] })).filter((s) => s.priority === 3)).toEqual([]);
  });

  it('suggests nothing when the report names no priority, every competence is at B and C shows everywhere', () => {
    const suggestions = teamReportSuggestions(
      report({ priorityArea: null, areas: [{ number: 2, name: name('Resources'), bands: [{ band: 'C', count: 8 }] }], competences: [report().competences[3]] }),
    );
    expect(suggestions).toEqual([]);
  });

  it('keeps keys unique, priorities ordered, and suggests at most the weakest few competences, each below 100 %', () => {
    const anyReport = fc.record({
      competences: fc.uniqueArray(fc.record({ code: fc.constantFrom('1.1', '1.2', '2.1', '3.4', '5.3', '6.5'), share: fc.integer({ min: 0, max: 1000 }).map((n) => n / 10) }), {
        selector: (c) => c.code,
        maxLength: 6,
      }),
      atC: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }),
    });
    fc.assert(
      fc.property(anyReport, ({ competences, atC }) => {
        const input = report({
          competences: competences.map((c) => ({ code: c.code, areaNumber: Number(c.code[0]), name: name(c.code), bOrAbove: { share: c.share } })),
          areas: atC.map((count, i) => ({ number: i + 1, name: name(`area ${i + 1}`), bands: [{ band: 'C', count }] })),
        });
        const suggestions = teamReportSuggestions(input);
        const keys = suggestions.map((s) => s.key);
        expect(new Set(keys).size).toBe(keys.length);
        expect([...suggestions].sort((a, b) => a.priority - b.priority)).toEqual(suggestions);
        const competenceKeys = suggestions.filter((s) => s.target.kind === 'digcompedu_competence');
        expect(competenceKeys.length).toBeLessThanOrEqual(WEAKEST_COMPETENCES);
        for (const s of competenceKeys) expect(input.competences.find((c) => c.code === s.target.code)!.bOrAbove.share).toBeLessThan(100);
        expect(suggestions.filter((s) => s.key.startsWith('some-c-area-')).length).toBe(atC.filter((count) => count === 0).length);
      }),
    );
  });
});
