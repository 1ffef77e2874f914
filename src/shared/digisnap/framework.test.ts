import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { competenceList, type Framework, findCompetence, formatPath, maxTotal, validateFramework } from './framework';

const CONTENT_URL = new URL('../../../content/frameworks/digcompedu-2017.json', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(CONTENT_URL, 'utf8'));

function loadValid(): Framework {
  const result = validateFramework(raw);
  if (!result.ok) throw new Error(`content does not validate:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.framework;
}

/** A deep copy of the content file to break on purpose. */
function mutable(): any {
  return structuredClone(raw);
}

function problemsOf(input: unknown) {
  const result = validateFramework(input);
  if (result.ok) throw new Error('expected validation to fail');
  return result.problems;
}

function* localisedTexts(node: unknown, path = ''): Generator<{ path: string; text: Record<string, unknown> }> {
  if (Array.isArray(node)) {
    for (const [i, child] of node.entries()) yield* localisedTexts(child, `${path}[${i}]`);
  } else if (node !== null && typeof node === 'object') {
    const record = node as Record<string, unknown>;
    if ('nl' in record || 'en' in record) yield { path, text: record };
    else for (const [key, child] of Object.entries(record)) yield* localisedTexts(child, path ? `${path}.${key}` : key);
  }
}

// DOMAIN.md §2.1 (JRC names)
const EXPECTED_AREAS = [
  {
    number: 1,
    en: 'Professional Engagement',
    competences: {
      '1.1': 'Organisational communication',
      '1.2': 'Professional collaboration',
      '1.3': 'Reflective practice',
      '1.4': 'Digital Continuous Professional Development',
    },
  },
  {
    number: 2,
    en: 'Digital Resources',
    competences: {
      '2.1': 'Selecting digital resources',
      '2.2': 'Creating and modifying digital resources',
      '2.3': 'Managing, protecting and sharing digital resources',
    },
  },
  {
    number: 3,
    en: 'Teaching and Learning',
    competences: {
      '3.1': 'Teaching',
      '3.2': 'Guidance',
      '3.3': 'Collaborative learning',
      '3.4': 'Self-regulated learning',
    },
  },
  {
    number: 4,
    en: 'Assessment',
    competences: {
      '4.1': 'Assessment strategies',
      '4.2': 'Analysing evidence',
      '4.3': 'Feedback and planning',
    },
  },
  {
    number: 5,
    en: 'Empowering Learners',
    competences: {
      '5.1': 'Accessibility and inclusion',
      '5.2': 'Differentiation and personalisation',
      '5.3': 'Actively engaging learners',
    },
  },
  {
    number: 6,
    en: "Facilitating Learners' Digital Competence",
    competences: {
      '6.1': 'Information and media literacy',
      '6.2': 'Digital communication and collaboration',
      '6.3': 'Digital content creation',
      '6.4': 'Responsible use',
      '6.5': 'Digital problem solving',
    },
  },
];

describe('the DigCompEdu 2017 content file', () => {
  it('validates without problems', () => {
    expect(validateFramework(raw)).toMatchObject({ ok: true });
  });

  it('is version 2017.1 with six levels A1–C2 and bands A, B, C', () => {
    const framework = loadValid();
    expect([framework.id, framework.version]).toEqual(['digcompedu', '2017.1']);
    expect(framework.levels.map((level) => level.code)).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    expect(framework.levels.map((level) => level.name.nl)).toEqual(['Nieuwkomer', 'Ontdekker', 'Integreerder', 'Expert', 'Leider', 'Pionier']);
    expect(framework.bands.map((band) => band.code)).toEqual(['A', 'B', 'C']);
  });

  it('has the 6 areas and 22 competences of DOMAIN.md §2.1, in order and with the JRC names', () => {
    const framework = loadValid();
    expect(
      framework.areas.map((area) => ({
        number: area.number,
        en: area.name.en,
        competences: Object.fromEntries(area.competences.map((c) => [c.code, c.name.en])),
      })),
    ).toEqual(EXPECTED_AREAS);
    expect(competenceList(framework)).toHaveLength(22);
  });

  it('has a non-empty Dutch and English text everywhere', () => {
    const texts = [...localisedTexts(raw)];
    expect(texts.length).toBeGreaterThan(22 * 12);
    for (const { path, text } of texts) {
      expect(Object.keys(text).sort(), path).toEqual(['en', 'nl']);
      expect(String(text.nl).trim(), `${path}.nl`).not.toBe('');
      expect(String(text.en).trim(), `${path}.en`).not.toBe('');
    }
  });

  it('gives every item five distinct options worth 0..4 whose levels A1..C1 come from the rule, short enough for a phone, and a tip per level', () => {
    for (const competence of (raw as { areas: { competences: { item: { options: object[] } }[] }[] }).areas.flatMap((a) => a.competences)) {
      for (const option of competence.item.options) expect(option).not.toHaveProperty('level');
    }
    for (const competence of competenceList(loadValid())) {
      const { options } = competence.item;
      expect(
        options.map((o) => [o.points, o.level]),
        competence.code,
      ).toEqual([
        [0, 'A1'],
        [1, 'A2'],
        [2, 'B1'],
        [3, 'B2'],
        [4, 'C1'],
      ]);
      for (const lang of ['nl', 'en'] as const) {
        expect(new Set(options.map((o) => o.text[lang])).size, `${competence.code} ${lang}`).toBe(5);
        for (const option of options) expect(option.text[lang].length, `${competence.code} ${lang}: ${option.text[lang]}`).toBeLessThanOrEqual(160);
      }
      expect(Object.keys(competence.tips).sort(), competence.code).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    }
  });

  it('declares the CheckIn rule, its option levels as data, and keeps its cut-offs marked as unverified and sourced', () => {
    const { scoring } = loadValid();
    if (scoring.rule !== 'checkin-cutoffs') throw new Error('the 2017 file must declare the checkin-cutoffs rule');
    expect(scoring.optionLevels).toEqual(['A1', 'A2', 'B1', 'B2', 'C1']);
    expect(scoring.verified).toBe(false);
    expect(scoring.source).toMatch(/Ghomi & Redecker 2019/);
    expect(scoring.area.method).toBe('share-of-overall');
  });

  it('asks the three background questions with their options', () => {
    const framework = loadValid();
    const byId = Object.fromEntries(framework.background.map((q) => [q.id, q.options.map((o) => o.value)]));
    expect(byId).toEqual({
      educationLevel: ['pre_primary', 'primary', 'secondary', 'adult', 'special_needs', 'higher', 'other'],
      experience: ['0_5', '6_10', '11_20', '21_plus'],
      subject: ['languages', 'stem', 'humanities', 'arts', 'physical_education', 'vocational', 'general_primary', 'other'],
    });
  });
});

describe('framework helpers', () => {
  it('maxTotal sums the best option of every item', () => {
    expect(maxTotal(loadValid())).toBe(88);
  });

  it('competenceList is flat, in framework order, with the area number', () => {
    const list = competenceList(loadValid());
    expect(list.slice(0, 5).map((c) => [c.code, c.areaNumber])).toEqual([
      ['1.1', 1],
      ['1.2', 1],
      ['1.3', 1],
      ['1.4', 1],
      ['2.1', 2],
    ]);
    expect(list.at(-1)).toMatchObject({ code: '6.5', areaNumber: 6 });
  });

  it('findCompetence finds by code, or returns undefined', () => {
    const framework = loadValid();
    expect(findCompetence(framework, '4.2')).toMatchObject({ code: '4.2', areaNumber: 4, name: { en: 'Analysing evidence' } });
    expect(findCompetence(framework, '7.1')).toBeUndefined();
  });

  it('formatPath writes dotted paths with bracketed indexes', () => {
    expect(formatPath(['areas', 2, 'competences', 1, 'item', 'options', 3, 'points'])).toBe('areas[2].competences[1].item.options[3].points');
    expect(formatPath([])).toBe('');
  });
});

describe('validateFramework catches', () => {
  it('a missing Dutch text', () => {
    const input = mutable();
    delete input.areas[2].competences[1].name.nl;
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'areas[2].competences[1].name.nl' }));
  });

  it('a blank English text', () => {
    const input = mutable();
    input.areas[0].competences[0].item.options[2].text.en = '   ';
    expect(problemsOf(input)).toContainEqual({ path: 'areas[0].competences[0].item.options[2].text.en', message: 'must not be empty' });
  });

  it('a duplicate competence code', () => {
    const input = mutable();
    input.areas[1].competences[2].code = '2.1';
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({
        path: 'areas[1].competences[2].code',
        message: expect.stringContaining('used twice'),
      }),
    );
  });

  it('a competence code that does not start with its area number', () => {
    const input = mutable();
    input.areas[3].competences[0].code = '5.9';
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({
        path: 'areas[3].competences[0].code',
        message: expect.stringContaining('area number 4'),
      }),
    );
  });

  it('a duplicate area number', () => {
    const input = mutable();
    input.areas[5].number = 5;
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'areas[5].number' }));
  });

  it('a gap in the thresholds', () => {
    const input = mutable();
    input.scoring.cutoffs[2].min = 35;
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({
        path: 'scoring.cutoffs[2].min',
        message: expect.stringContaining('must be 34'),
      }),
    ]);
  });

  it('an overlap in the thresholds', () => {
    const input = mutable();
    input.scoring.cutoffs[4].min = 60;
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'scoring.cutoffs[4].min' }));
  });

  it('thresholds that do not start at 0', () => {
    const input = mutable();
    input.scoring.cutoffs[0].min = 1;
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'scoring.cutoffs[0].min' }));
  });

  it('thresholds that stop short of the maximum total', () => {
    const input = mutable();
    input.scoring.cutoffs[5].max = 87;
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({
        path: 'scoring.cutoffs[5].max',
        message: expect.stringContaining('88'),
      }),
    );
  });

  it('thresholds out of level order', () => {
    const input = mutable();
    input.scoring.cutoffs[1].level = 'B1';
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'scoring.cutoffs[2].level' }));
  });

  it('an option level without a tip', () => {
    const input = mutable();
    delete input.areas[0].competences[3].tips.B2;
    expect(problemsOf(input)).toEqual([
      expect.objectContaining({
        path: 'areas[0].competences[3].tips.B2',
        message: expect.stringContaining('no tip for B2'),
      }),
    ]);
  });

  it('points out of order', () => {
    const input = mutable();
    const options = input.areas[2].competences[1].item.options;
    [options[2].points, options[3].points] = [options[3].points, options[2].points];
    const paths = problemsOf(input).map((problem) => problem.path);
    expect(paths).toEqual(['areas[2].competences[1].item.options[2].points', 'areas[2].competences[1].item.options[3].points']);
  });

  it('option levels that fall (under the CheckIn rule, in its optionLevels)', () => {
    const input = mutable();
    input.scoring.optionLevels[3] = 'A2';
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'areas[4].competences[2].item.options[3].level' }));
  });

  it('an option that carries a level under the CheckIn rule', () => {
    const input = mutable();
    input.areas[1].competences[0].item.options[2].level = 'B1';
    expect(problemsOf(input)).toEqual([
      { path: 'areas[1].competences[0].item.options[2].level', message: expect.stringContaining('under the checkin-cutoffs rule an option carries no level') },
    ]);
  });

  it('an option the CheckIn optionLevels do not cover', () => {
    const input = mutable();
    input.scoring.optionLevels = ['A1', 'A2', 'B1', 'B2'];
    expect(problemsOf(input)).toContainEqual(
      expect.objectContaining({ path: 'areas[0].competences[0].item.options[4].level', message: expect.stringContaining('names no level for option 4') }),
    );
  });

  it('a scoring rule nobody knows', () => {
    const input = mutable();
    input.scoring.rule = 'sum-of-points';
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'scoring.rule' }));
  });

  it('an unknown level code', () => {
    const input = mutable();
    input.areas[0].competences[0].item.options[1].level = 'D1';
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'areas[0].competences[0].item.options[1].level' }));
  });

  it('a level in two bands, and a level in none', () => {
    const input = mutable();
    input.bands[1].levels = ['A2', 'B2'];
    const problems = problemsOf(input);
    expect(problems).toContainEqual(expect.objectContaining({ path: 'bands[1].levels[0]', message: expect.stringContaining('already in band A') }));
    expect(problems).toContainEqual(expect.objectContaining({ path: 'bands', message: expect.stringContaining('B1 belongs to no band') }));
  });

  it('a duplicate background option value', () => {
    const input = mutable();
    input.background[1].options[3].value = '0_5';
    expect(problemsOf(input)).toEqual([expect.objectContaining({ path: 'background[1].options[3].value' })]);
  });

  it('input that is not a framework at all', () => {
    expect(problemsOf(null)).toEqual([expect.objectContaining({ path: '' })]);
    expect(problemsOf({ id: 'x' }).length).toBeGreaterThan(3);
  });
});

describe('the DigCompEdu 2026 content file (one statement per level)', () => {
  const raw2026: unknown = JSON.parse(readFileSync(new URL('../../../content/frameworks/digcompedu-2026.json', import.meta.url), 'utf8'));
  const load2026 = (): Framework => {
    const result = validateFramework(raw2026);
    if (!result.ok) throw new Error(`content does not validate:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
    return result.framework;
  };
  const broken = (): any => structuredClone(raw2026);

  it('validates, as version 2026.1 labelled "Digisnap 2026", with the level-per-statement rule and the median', () => {
    const framework = load2026();
    expect([framework.id, framework.version, framework.label.nl, framework.label.en]).toEqual(['digcompedu', '2026.1', 'Digisnap 2026', 'Digisnap 2026']);
    expect(framework.scoring).toMatchObject({ rule: 'level-per-statement', aggregation: 'median' });
  });

  it('has the same 6 areas and 22 competences as DOMAIN.md §2.1', () => {
    const framework = load2026();
    expect(framework.areas.map((area) => ({ number: area.number, en: area.name.en, competences: Object.fromEntries(area.competences.map((c) => [c.code, c.name.en])) }))).toEqual(
      EXPECTED_AREAS,
    );
  });

  it('gives every competence six distinct, short statements, one per level A1..C2 worth 0..5, and a tip per level, in Dutch and English', () => {
    for (const competence of competenceList(load2026())) {
      const { options } = competence.item;
      expect(
        options.map((o) => [o.points, o.level]),
        competence.code,
      ).toEqual([
        [0, 'A1'],
        [1, 'A2'],
        [2, 'B1'],
        [3, 'B2'],
        [4, 'C1'],
        [5, 'C2'],
      ]);
      for (const lang of ['nl', 'en'] as const) {
        expect(new Set(options.map((o) => o.text[lang])).size, `${competence.code} ${lang}`).toBe(6);
        for (const option of options) expect(option.text[lang].split(/\s+/).length, `${competence.code} ${lang}: ${option.text[lang]}`).toBeLessThanOrEqual(25);
      }
      expect(Object.keys(competence.tips).sort(), competence.code).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
    }
    expect(maxTotal(load2026())).toBe(22 * 5);
  });

  it('has a non-empty Dutch and English text everywhere', () => {
    for (const { path, text } of localisedTexts(raw2026)) {
      expect(Object.keys(text).sort(), path).toEqual(['en', 'nl']);
      expect(String(text.nl).trim(), `${path}.nl`).not.toBe('');
      expect(String(text.en).trim(), `${path}.en`).not.toBe('');
    }
  });

  it('refuses a statement without its level', () => {
    const input = broken();
    delete input.areas[2].competences[0].item.options[4].level;
    expect(problemsOf(input)).toEqual([{ path: 'areas[2].competences[0].item.options[4].level', message: expect.stringContaining('every statement names its level') }]);
  });

  it('refuses a competence with a level missing or repeated', () => {
    const input = broken();
    input.areas[3].competences[1].item.options.pop();
    expect(problemsOf(input)).toEqual([{ path: 'areas[3].competences[1].item.options', message: expect.stringContaining('one statement per level in order') }]);
    const twice = broken();
    twice.areas[0].competences[0].item.options[5].level = 'C1';
    expect(problemsOf(twice)).toContainEqual({ path: 'areas[0].competences[0].item.options', message: expect.stringContaining('found A1, A2, B1, B2, C1, C1') });
  });

  it('refuses an aggregation nobody knows', () => {
    const input = broken();
    input.scoring.aggregation = 'mode';
    expect(problemsOf(input)).toContainEqual(expect.objectContaining({ path: 'scoring.aggregation' }));
  });
});

describe('names of levels and bands, on every framework file', () => {
  const frameworkDir = new URL('../../../content/frameworks/', import.meta.url);
  const files = readdirSync(frameworkDir).filter((name) => name.endsWith('.json'));

  it('finds both framework files', () => {
    expect(files).toEqual(expect.arrayContaining(['digcompedu-2017.json', 'digcompedu-2026.json']));
  });

  for (const name of files) {
    it(`${name}: no band is named like a level and no two levels share a name, in Dutch and English`, () => {
      const file = JSON.parse(readFileSync(new URL(name, frameworkDir), 'utf8')) as Framework;
      for (const language of ['nl', 'en'] as const) {
        const levelNames = file.levels.map((level) => level.name[language].toLowerCase());
        expect(new Set(levelNames).size).toBe(levelNames.length);
        for (const band of file.bands) expect(levelNames).not.toContain(band.name[language].toLowerCase());
      }
    });
  }

  it('the validator refuses a band named like a level and two levels with one name', () => {
    const bandLikeLevel = mutable();
    bandLikeLevel.bands[2].name = { nl: 'Expert', en: 'Leader' };
    expect(problemsOf(bandLikeLevel)).toEqual([
      { path: 'bands[2].name.nl', message: 'band C has the same name as level B2' },
      { path: 'bands[2].name.en', message: 'band C has the same name as level C1' },
    ]);
    const twoLevels = mutable();
    twoLevels.levels[5].name.en = 'newcomer';
    expect(problemsOf(twoLevels)).toEqual([{ path: 'levels[5].name.en', message: 'level C2 has the same name as level A1' }]);
  });
});

describe('the aims in a framework file', () => {
  it('are read with their kind, band and source', () => {
    expect(loadValid().aims.map((aim) => [aim.id, aim.kind, aim.band, aim.kind === 'share_at_or_above' ? aim.target : aim.atLeast])).toEqual([
      ['every_teacher_at_least_b', 'share_at_or_above', 'B', 100],
      ['some_c_in_every_school', 'count_at_or_above', 'C', 1],
    ]);
  });

  it('refuses a target above 100 %, an atLeast of 0, a source without a URL, a band the file lacks and one id twice', () => {
    const bad = mutable();
    bad.aims[0].target = 101;
    bad.aims[1].atLeast = 0;
    bad.aims[1].source = { title: 'somewhere' };
    expect(
      problemsOf(bad)
        .map((p) => p.path)
        .sort(),
    ).toEqual(['aims[0].target', 'aims[1].atLeast', 'aims[1].source.url']);
    const twice = mutable();
    twice.aims[1].id = twice.aims[0].id;
    twice.bands = twice.bands.slice(0, 2);
    twice.bands[1].levels = ['B1', 'B2', 'C1', 'C2'];
    expect(problemsOf(twice)).toEqual([
      { path: 'aims[1].id', message: 'aim every_teacher_at_least_b is defined twice' },
      { path: 'aims[1].band', message: "band C is not one of the framework's bands" },
    ]);
  });
});
