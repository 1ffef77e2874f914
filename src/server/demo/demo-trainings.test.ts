import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sessionInputSchema, trainingInputSchema, trainingKinds } from '../../shared/catalogue/api';
import { competenceList, validateFramework } from '../../shared/digisnap/framework';
import { provinces } from '../../shared/platform/flanders';
import { demoCompetenceCodes, demoProviders, generateDemoTrainings } from './demo-trainings';
import { seededRandom } from './simulated-answers';

const NOW = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const trainings = generateDemoTrainings(300, seededRandom(42), NOW);

const framework = (() => {
  const result = validateFramework(JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2017.json', import.meta.url), 'utf8')));
  if (!result.ok) throw new Error('the framework content does not validate');
  return result.framework;
})();

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const share = (predicate: (t: (typeof trainings)[number]) => boolean) => trainings.filter(predicate).length / trainings.length;

describe('demoProviders', () => {
  it('are about ten fictional providers on example.be, with unique keys', () => {
    expect(demoProviders.length).toBeGreaterThanOrEqual(8);
    expect(demoProviders.length).toBeLessThanOrEqual(12);
    expect(new Set(demoProviders.map((p) => p.key)).size).toBe(demoProviders.length);
    for (const provider of demoProviders) {
      expect(provider.contactEmail).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example\.be$/);
      expect(new URL(provider.website).hostname).toMatch(/\.example\.be$/);
    }
    expect(demoProviders.some((p) => !p.verified)).toBe(true);
  });
});

describe('generateDemoTrainings', () => {
  it('generates exactly the number asked for', () => {
    expect(trainings).toHaveLength(300);
    expect(generateDemoTrainings(0, seededRandom(1), NOW)).toEqual([]);
    expect(generateDemoTrainings(7, seededRandom(1), NOW)).toHaveLength(7);
  });

  it('produces trainings and sessions that pass the API schemas', () => {
    for (const { training, sessions } of trainings) {
      const parsed = trainingInputSchema.safeParse(training);
      expect(parsed.success, `${training.title}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(parsed.data).toEqual(training); // nothing trimmed or defaulted away
      for (const session of sessions) {
        const parsedSession = sessionInputSchema.safeParse(session);
        expect(parsedSession.success, JSON.stringify(parsedSession.error?.issues)).toBe(true);
      }
    }
  });

  it("belongs to known providers and links to the provider's own domain", () => {
    const byKey = new Map(demoProviders.map((p) => [p.key, p]));
    for (const { providerKey, training } of trainings) {
      const provider = byKey.get(providerKey);
      expect(provider).toBeDefined();
      expect(new URL(training.url).hostname).toBe(new URL(provider!.website).hostname);
    }
    expect(new Set(trainings.map((t) => t.training.url)).size).toBe(trainings.length);
  });

  it('covers all 22 competences of DigCompEdu, every kind, every province, free and paid', () => {
    expect([...demoCompetenceCodes].sort()).toEqual(
      competenceList(framework)
        .map((c) => c.code)
        .sort(),
    );
    const competences = new Set(trainings.flatMap((t) => t.training.levelSteps.map((s) => s.competence)));
    expect([...competences].sort()).toEqual(
      competenceList(framework)
        .map((c) => c.code)
        .sort(),
    );
    expect(new Set(trainings.map((t) => t.training.kind))).toEqual(new Set(trainingKinds));
    expect(new Set(trainings.flatMap((t) => (t.training.location ? [t.training.location.province] : [])))).toEqual(new Set(provinces));
    expect(trainings.some((t) => t.training.priceEuro === 0)).toBe(true);
    expect(trainings.some((t) => t.training.priceEuro > 0)).toBe(true);
  });

  it("names every other competence a training's steps claim in its description, so none is recommended for a competence it does not address", () => {
    const also = { nl: /Je leert ook /g, en: /You also learn /g, fr: /aussi la compétence /g } as const;
    const several = trainings.filter((t) => t.training.levelSteps.length > 1);
    expect(several.length).toBeGreaterThan(0);
    for (const { training } of trainings) {
      const language = training.language as keyof typeof also;
      expect(training.description.match(also[language])?.length ?? 0).toBe(training.levelSteps.length - 1);
      if (language === 'fr') for (const step of training.levelSteps.slice(1)) expect(training.description).toContain(`compétence ${step.competence} `);
    }
  });

  it('covers every one-level step and some two-level steps', () => {
    const steps = new Set(trainings.flatMap((t) => t.training.levelSteps.map((s) => `${s.from}>${s.to}`)));
    for (const step of ['A1>A2', 'A2>B1', 'B1>B2', 'B2>C1', 'C1>C2']) expect(steps).toContain(step);
    expect([...steps].filter((step) => !['A1>A2', 'A2>B1', 'B1>B2', 'B2>C1', 'C1>C2'].includes(step)).length).toBeGreaterThan(0);
  });

  it('has a realistic spread of price, budget, language, status and place', () => {
    expect(share((t) => t.training.priceEuro === 0)).toBeGreaterThan(0.2);
    expect(share((t) => t.training.priceEuro === 0)).toBeLessThan(0.4);
    expect(Math.max(...trainings.map((t) => t.training.priceEuro))).toBeLessThanOrEqual(450);
    expect(trainings.some((t) => !Number.isInteger(t.training.priceEuro))).toBe(true); // prices with cents
    expect(share((t) => t.training.payableFromIctBudget)).toBeGreaterThan(0.45);
    expect(share((t) => t.training.payableFromIctBudget)).toBeLessThan(0.75);
    expect(share((t) => t.training.language === 'nl')).toBeGreaterThan(0.75);
    expect(new Set(trainings.map((t) => t.training.language))).toEqual(new Set(['nl', 'en', 'fr']));
    expect(share((t) => t.training.status === 'published')).toBeGreaterThan(0.75);
    expect(new Set(trainings.map((t) => t.training.status))).toEqual(new Set(['published', 'draft', 'archived']));
    expect(share((t) => t.training.location === null)).toBeGreaterThan(0.1);
    expect(share((t) => t.training.location === null)).toBeLessThan(0.6);
    for (const { training } of trainings) {
      expect(training.durationHours).toBeGreaterThanOrEqual(1);
      expect(training.durationHours).toBeLessThanOrEqual(40);
      if (training.priceEuro === 0) expect(training.payableFromIctBudget).toBe(false);
    }
    expect(new Set(trainings.flatMap((t) => t.training.educationLevels)).size).toBe(5);
    expect(new Set(trainings.flatMap((t) => t.training.audiences)).size).toBe(3);
  });

  it('gives sessions only to kinds that need them, around now, with sensible deadlines', () => {
    const now = NOW.getTime();
    let past = 0;
    let total = 0;
    for (const { training, sessions } of trainings) {
      if (training.kind === 'self_paced' || training.kind === 'learning_resource') {
        expect(sessions).toEqual([]);
        expect(training.location).toBeNull();
        continue;
      }
      expect(sessions.length).toBeGreaterThanOrEqual(1);
      expect(sessions.length).toBeLessThanOrEqual(4);
      for (const session of sessions) {
        total += 1;
        const start = Date.parse(session.startsAt);
        if (start < now) past += 1;
        expect(start).toBeGreaterThanOrEqual(now - 62 * DAY);
        expect(start).toBeLessThanOrEqual(now + 280 * DAY);
        expect(Date.parse(session.endsAt)).toBeGreaterThan(start);
        const enrolmentDays = (start - Date.parse(session.enrolmentDeadline)) / DAY;
        const cancellationDays = (start - Date.parse(session.cancellationDeadline)) / DAY;
        expect(enrolmentDays).toBeGreaterThanOrEqual(2);
        expect(enrolmentDays).toBeLessThanOrEqual(7);
        expect(cancellationDays).toBeGreaterThanOrEqual(6);
        expect(cancellationDays).toBeLessThanOrEqual(8);
        expect(session.capacity).toBeGreaterThanOrEqual(8);
        expect(session.capacity).toBeLessThanOrEqual(40);
        if (training.location) {
          expect(session.online).toBe(false);
          expect(session.place).toContain(training.location.city);
        } else {
          expect(session.online).toBe(true);
          expect(session.place).toBeNull();
        }
      }
    }
    expect(past).toBeGreaterThan(0);
    expect(past / total).toBeLessThan(0.4);
  });

  it('writes varied texts with diacritics that fold to plain letters for search', () => {
    const nl = trainings.filter((t) => t.training.language === 'nl');
    expect(new Set(nl.map((t) => t.training.title)).size).toBeGreaterThan(nl.length * 0.8);
    expect(new Set(nl.map((t) => t.training.summary)).size).toBeGreaterThan(nl.length * 0.7);
    const allText = trainings
      .map((t) => `${t.training.title} ${t.training.summary} ${t.training.description}`)
      .join(' ')
      .toLowerCase();
    for (const word of ['coöperatief', 'ideeën', 'creëren', 'belgië']) expect(allText.includes(word), word).toBe(true);
    const folded = fold(allText);
    for (const word of ['cooperatief', 'ideeen', 'creeren', 'belgie']) expect(folded.includes(word), word).toBe(true);
    for (const { training } of trainings) {
      expect(training.summary).toMatch(/[.!?]$/);
      expect(training.description.length).toBeGreaterThan(training.summary.length / 2);
      expect(training.title).not.toMatch(/\bvoor\b.*\bvoor\b/);
    }
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemoTrainings(50, seededRandom(42), NOW)).toEqual(trainings.slice(0, 50));
    expect(generateDemoTrainings(50, seededRandom(43), NOW)).not.toEqual(trainings.slice(0, 50));
  });

  it('generates the 20,000 trainings of the benchmark, each valid', () => {
    const many = generateDemoTrainings(20_000, seededRandom(7), NOW);
    expect(many).toHaveLength(20_000);
    expect(many.every(({ training }) => trainingInputSchema.safeParse(training).success)).toBe(true);
  });
});
