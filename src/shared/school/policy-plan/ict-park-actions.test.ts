import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type FundingPart, type IctParkPolicyFacts, ictParkSuggestions } from './ict-park-actions';
import { suggestedActionSchema } from './suggested-action';

type Scheme = IctParkPolicyFacts['funding'][number];

const scheme = (overrides: Partial<Scheme> = {}): Scheme => ({
  scheme: 'digisprong',
  name: { nl: 'Digisprong', en: 'Digisprong' },
  deadline: '2024-08-31',
  deviceGoal: { goal: 48, bought: 10, met: false },
  left: [{ part: 'devices', leftCents: 1_234_56 }],
  ...overrides,
});
const facts = (overrides: Partial<IctParkPolicyFacts> = {}): IctParkPolicyFacts => ({ today: '2024-03-01', replacement: [], funding: [scheme()], ...overrides });
const keys = (input: IctParkPolicyFacts) => ictParkSuggestions(input, 'school-1').map((s) => s.key);

describe('ictParkSuggestions', () => {
  it('offers money left until the deadline day itself, not the day after', () => {
    expect(keys(facts({ today: '2024-08-31' }))).toContain('funding_digisprong_devices');
    expect(keys(facts({ today: '2024-09-01' }))).not.toContain('funding_digisprong_devices');
    expect(keys(facts({ funding: [scheme({ deadline: null })] }))).not.toContain('funding_digisprong_devices');
  });

  it('offers a part only while a cent of it is left', () => {
    expect(keys(facts({ funding: [scheme({ left: [{ part: 'devices', leftCents: 1 }] })] }))).toContain('funding_digisprong_devices');
    expect(keys(facts({ funding: [scheme({ left: [{ part: 'devices', leftCents: 0 }] })] }))).not.toContain('funding_digisprong_devices');
  });

  it('offers the device goal while one device is missing, not once it is met or when there is no goal', () => {
    expect(keys(facts({ funding: [scheme({ deviceGoal: { goal: 48, bought: 47, met: false } })] }))).toContain('device_goal_digisprong');
    expect(keys(facts({ funding: [scheme({ deviceGoal: { goal: 48, bought: 48, met: true } })] }))).not.toContain('device_goal_digisprong');
    expect(keys(facts({ funding: [scheme({ deviceGoal: { goal: 0, bought: 0, met: true } })] }))).not.toContain('device_goal_digisprong');
  });

  it('writes the figures in each language’s format', () => {
    const [money, goal, year] = ictParkSuggestions(
      facts({ replacement: [{ startYear: 2024, devices: 1, costCents: 64_900 }], funding: [scheme({ deviceGoal: { goal: 48, bought: 47, met: false } })] }),
      'school-1',
    );
    expect(money.title.nl).toBe('€ 1.235 van Digisprong (toestellen) besteden vóór 31/08/2024');
    expect(goal.title.en).toBe('Reach the Digisprong device goal: 1 device to go');
    expect(year.title).toEqual({ nl: '1 toestel vervangen in schooljaar 2024-2025', en: 'Replace 1 device in school year 2024-2025' });
    expect(year.why.nl).toContain('€ 649');
  });

  const part = fc.constantFrom<FundingPart>('infrastructure', 'devices', 'either');
  const day = fc.integer({ min: 0, max: 3000 }).map((n) => new Date(Date.UTC(2021, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const arbitraryFacts = fc.record({
    today: day,
    replacement: fc
      .array(fc.record({ devices: fc.nat(500), costCents: fc.nat(10_000_000) }), { maxLength: 5 })
      .map((years) => years.map((year, i) => ({ ...year, startYear: 2024 + i }))),
    funding: fc.uniqueArray(
      fc.record({
        scheme: fc.constantFrom('digisprong', 'digiplan', 'other'),
        name: fc.constant({ nl: 'Regeling', en: 'Scheme' }),
        deadline: fc.option(day, { nil: null }),
        deviceGoal: fc.record({ goal: fc.nat(1000), bought: fc.nat(1000) }).map((g) => ({ ...g, met: g.bought >= g.goal })),
        left: fc.uniqueArray(fc.record({ part, leftCents: fc.integer({ min: -1_000_00, max: 10_000_000 }) }), { selector: (p) => p.part }),
      }),
      { selector: (s) => s.scheme, maxLength: 3 },
    ),
  });

  it('makes valid suggestions with distinct keys, each from a fact that calls for it', () => {
    fc.assert(
      fc.property(arbitraryFacts, (input) => {
        const suggestions = ictParkSuggestions(input, 'school-1');
        for (const suggestion of suggestions) suggestedActionSchema.parse(suggestion);
        expect(new Set(suggestions.map((s) => s.key)).size).toBe(suggestions.length);
        const expected =
          input.funding.reduce(
            (sum, s) =>
              sum + (s.deadline !== null && s.deadline >= input.today ? s.left.filter((p) => p.leftCents > 0).length : 0) + (s.deviceGoal.met || s.deviceGoal.goal === 0 ? 0 : 1),
            0,
          ) + input.replacement.filter((y) => y.devices > 0).length;
        expect(suggestions).toHaveLength(expected);
        expect(suggestions.every((s) => s.source.kind === 'ict_park' && s.source.id === 'school-1')).toBe(true);
        // Most urgent first.
        expect(suggestions.map((s) => s.priority)).toEqual([...suggestions.map((s) => s.priority)].sort((a, b) => a - b));
      }),
    );
  });
});
