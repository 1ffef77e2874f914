import { z } from 'zod';
import { formatPath, localisedTextSchema, nonBlankText } from '../platform/text';
import type { Questionnaire } from '../scan/engine';
import { BAND_CODES, LEVEL_CODES } from './levels';

/**
 * A competence framework (e.g. DigCompEdu 2017) as stored in `content/frameworks/*.json`:
 * levels, bands, the scoring table, areas → competences → one scan item each, and the
 * background questions. `validateFramework` is the only way a file should enter the app.
 */

export { BAND_CODES, LEVEL_CODES } from './levels';

export const levelCodeSchema = z.enum(LEVEL_CODES);
export const bandCodeSchema = z.enum(BAND_CODES);

export { formatPath, type LocalisedText, localisedTextSchema } from '../platform/text';

/**
 * An option as the app sees it: its points and its level. In a file of the level-per-statement
 * rule each option (statement) names its level; in a file of the CheckIn rule no option does, and
 * the loader gives each option the level its points map to in the rule's `optionLevels`.
 */
const optionSchema = z.object({
  points: z.number().int().min(0),
  level: levelCodeSchema,
  text: localisedTextSchema,
});
const optionInFileSchema = optionSchema.extend({ level: levelCodeSchema.optional() });

const areaSchemaWith = <O extends z.ZodType>(option: O) =>
  z.object({
    number: z.number().int().min(1),
    name: localisedTextSchema,
    description: localisedTextSchema.optional(),
    competences: z
      .array(
        z.object({
          code: z.string().regex(/^\d+\.\d+$/, 'must look like "1.1"'),
          name: localisedTextSchema,
          item: z.object({ statement: localisedTextSchema, options: z.array(option).min(2) }),
          tips: z.partialRecord(levelCodeSchema, localisedTextSchema),
        }),
      )
      .min(1),
  });

const levelSchema = z.object({
  code: levelCodeSchema,
  name: localisedTextSchema,
  description: localisedTextSchema,
});

const bandSchema = z.object({
  code: bandCodeSchema,
  levels: z.array(levelCodeSchema).min(1),
  name: localisedTextSchema,
  description: localisedTextSchema.optional(),
});

export const thresholdSchema = z.object({
  level: levelCodeSchema,
  min: z.number().int().min(0),
  max: z.number().int().min(0),
});

/** The named rules that turn competence levels into an area's and the overall level. */
export const AGGREGATION_RULES = ['median', 'rounded-mean'] as const;
export type AggregationRule = (typeof AGGREGATION_RULES)[number];

/**
 * How a scan is scored, named in the file:
 * - `level-per-statement`: every competence offers one statement per level; the chosen statement's
 *   level is the competence's level, and areas and the whole follow `aggregation`.
 * - `checkin-cutoffs`: the DigCompEdu CheckIn model; options are worth 0, 1, 2, … points, the total
 *   is looked up in `cutoffs`, an area's share of its maximum in the same table, and a competence's
 *   level is the one its points map to in `optionLevels`.
 */
const scoringSchema = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('level-per-statement'),
    aggregation: z.enum(AGGREGATION_RULES),
    note: z.string().optional(),
  }),
  z.object({
    rule: z.literal('checkin-cutoffs'),
    cutoffs: z.array(thresholdSchema).min(1),
    optionLevels: z.array(levelCodeSchema).min(2),
    area: z.object({ method: z.literal('share-of-overall') }),
    note: z.string().optional(),
    source: nonBlankText,
    sourceUrl: z.string().optional(),
    verified: z.boolean(),
  }),
]);

/**
 * The knowledge centre's aims for a team, as data: aspirations a school works towards, never a
 * pass or fail. `share_at_or_above`: the share of the team at `band` or a higher band, aiming at
 * `target` percent; `count_at_or_above`: the number of teachers at `band` or higher, aiming at
 * `atLeast`. The report says how far the team is from each.
 */
const aimFields = {
  id: z.string().regex(/^[a-z0-9_]+$/, 'must be lower-case letters, digits and underscores'),
  band: bandCodeSchema,
  label: localisedTextSchema,
  source: z.object({ title: nonBlankText, url: z.url() }),
};
export const aimSchema = z.discriminatedUnion('kind', [
  z.object({ ...aimFields, kind: z.literal('share_at_or_above'), target: z.number().min(0).max(100) }),
  z.object({ ...aimFields, kind: z.literal('count_at_or_above'), atLeast: z.number().int().min(1) }),
]);
export type Aim = z.infer<typeof aimSchema>;

const backgroundQuestionSchema = z.object({
  id: nonBlankText,
  question: localisedTextSchema,
  options: z.array(z.object({ value: nonBlankText, label: localisedTextSchema })).min(2),
});

const frameworkSchemaWith = <O extends z.ZodType>(option: O) =>
  z.object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
    version: nonBlankText,
    /** How a scan taken with this version is labelled wherever it is shown ("Digisnap 2026"). */
    label: localisedTextSchema,
    name: localisedTextSchema,
    description: localisedTextSchema,
    source: z.object({ title: nonBlankText, url: z.string().optional() }).optional(),
    levels: z.array(levelSchema).min(1),
    bands: z.array(bandSchema).min(1),
    scoring: scoringSchema,
    aims: z.array(aimSchema),
    areas: z.array(areaSchemaWith(option)).min(1),
    background: z.array(backgroundQuestionSchema),
  });

/** A loaded framework: every option carries its level. */
export const frameworkSchema = frameworkSchemaWith(optionSchema);
/** A framework file as written: under the CheckIn rule its options carry no level. */
export const frameworkFileSchema = frameworkSchemaWith(optionInFileSchema);

export type LevelCode = z.infer<typeof levelCodeSchema>;
export type BandCode = z.infer<typeof bandCodeSchema>;
export type Threshold = z.infer<typeof thresholdSchema>;
export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type Scoring = Framework['scoring'];
export type Area = Framework['areas'][number];
export type Competence = Area['competences'][number];
export type AnswerOption = Competence['item']['options'][number];
export type BackgroundQuestion = Framework['background'][number];
export type CompetenceInArea = Competence & { areaNumber: number };

export type FrameworkProblem = { path: string; message: string };
export type FrameworkValidation = { ok: true; framework: Framework } | { ok: false; problems: FrameworkProblem[] };

/** Schema check first; semantic checks only run on a structurally valid framework. */
export function validateFramework(raw: unknown): FrameworkValidation {
  const parsed = frameworkFileSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return { ok: false, problems };
  }
  const file = parsed.data;
  const optionProblems = checkOptionLevels(file);
  if (optionProblems.length > 0) return { ok: false, problems: optionProblems };
  const framework = withOptionLevels(file);
  const problems = [
    ...checkLevels(framework),
    ...checkBands(framework),
    ...checkNames(framework),
    ...checkAims(framework),
    ...checkAreasAndCodes(framework),
    ...checkItemsAndTips(framework),
    ...checkScoring(framework),
    ...checkBackground(framework),
  ];
  return problems.length === 0 ? { ok: true, framework } : { ok: false, problems };
}

/**
 * Where the levels of the options come from is the rule's business: one statement per level names
 * it; under the CheckIn rule only `optionLevels` does, so an option level there would be a second,
 * possibly contradicting source.
 */
function checkOptionLevels(file: FrameworkFile): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const checkin = file.scoring.rule === 'checkin-cutoffs';
  file.areas.forEach((area, a) =>
    area.competences.forEach((competence, c) =>
      competence.item.options.forEach((option, o) => {
        const path = `areas[${a}].competences[${c}].item.options[${o}].level`;
        if (checkin && option.level !== undefined) problems.push(problem(path, 'under the checkin-cutoffs rule an option carries no level: scoring.optionLevels gives it'));
        if (!checkin && option.level === undefined) problems.push(problem(path, 'under the level-per-statement rule every statement names its level'));
        if (checkin && file.scoring.rule === 'checkin-cutoffs' && o >= file.scoring.optionLevels.length) {
          problems.push(problem(path, `scoring.optionLevels names no level for option ${o}`));
        }
      }),
    ),
  );
  return problems;
}

function withOptionLevels(file: FrameworkFile): Framework {
  const scoring = file.scoring;
  const levelOf = (option: FrameworkFile['areas'][number]['competences'][number]['item']['options'][number], index: number): LevelCode =>
    scoring.rule === 'checkin-cutoffs' ? scoring.optionLevels[index] : (option.level as LevelCode);
  return {
    ...file,
    areas: file.areas.map((area) => ({
      ...area,
      competences: area.competences.map((competence) => ({
        ...competence,
        item: { ...competence.item, options: competence.item.options.map((option, o) => ({ ...option, level: levelOf(option, o) })) },
      })),
    })),
  };
}

/** The highest total a teacher can score: the best option of every item. */
export function maxTotal(framework: Framework): number {
  return competenceList(framework).reduce((sum, competence) => sum + maxPoints(competence), 0);
}

export function maxPoints(competence: Competence): number {
  return Math.max(...competence.item.options.map((option) => option.points));
}

const questionnaires = new WeakMap<Framework, Questionnaire>();

/**
 * The framework as the scan engine sees it: each area a section, each competence one item
 * whose id is the competence code. Built once per loaded framework.
 */
export function questionnaireOf(framework: Framework): Questionnaire {
  let questionnaire = questionnaires.get(framework);
  if (!questionnaire) {
    questionnaire = {
      sections: framework.areas.map((area) => ({
        id: String(area.number),
        name: area.name,
        items: area.competences.map((competence) => ({ id: competence.code, ...competence.item })),
      })),
    };
    questionnaires.set(framework, questionnaire);
  }
  return questionnaire;
}

const competenceLists = new WeakMap<Framework, readonly CompetenceInArea[]>();

/**
 * All competences in framework order, each with the number of its area. A loaded framework never
 * changes, so the list is built once per framework and shared: scoring one scan asks for it a
 * dozen times, and rebuilding it each time was most of the cost of a submit (see bench/).
 */
export function competenceList(framework: Framework): readonly CompetenceInArea[] {
  let list = competenceLists.get(framework);
  if (!list) {
    list = framework.areas.flatMap((area) => area.competences.map((competence) => ({ ...competence, areaNumber: area.number })));
    competenceLists.set(framework, list);
  }
  return list;
}

export function findCompetence(framework: Framework, code: string): CompetenceInArea | undefined {
  return competenceList(framework).find((competence) => competence.code === code);
}

/** Position of a level in the framework's own order (A1 = 0 …); -1 when unknown. */
export function levelRank(framework: Framework, level: LevelCode): number {
  return framework.levels.findIndex((candidate) => candidate.code === level);
}

// ---------------------------------------------------------------- semantic checks

const problem = (path: string, message: string): FrameworkProblem => ({ path, message });

function checkLevels(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  let previousRank = -1;
  framework.levels.forEach((level, i) => {
    const rank = LEVEL_CODES.indexOf(level.code);
    if (rank <= previousRank) {
      problems.push(problem(`levels[${i}].code`, `level ${level.code} is repeated or out of order (${LEVEL_CODES.join(' < ')})`));
    }
    previousRank = Math.max(previousRank, rank);
  });
  return problems;
}

function checkBands(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const known = new Set(framework.levels.map((level) => level.code));
  const bandOf = new Map<LevelCode, BandCode>();
  const bandCodes = new Set<BandCode>();
  framework.bands.forEach((band, b) => {
    if (bandCodes.has(band.code)) problems.push(problem(`bands[${b}].code`, `band ${band.code} is defined twice`));
    bandCodes.add(band.code);
    band.levels.forEach((level, l) => {
      const path = `bands[${b}].levels[${l}]`;
      if (!known.has(level)) problems.push(problem(path, `level ${level} is not one of the framework's levels`));
      else if (bandOf.has(level)) problems.push(problem(path, `level ${level} is already in band ${bandOf.get(level)}`));
      else bandOf.set(level, band.code);
    });
  });
  for (const level of known) {
    if (!bandOf.has(level)) problems.push(problem('bands', `level ${level} belongs to no band`));
  }
  return problems;
}

/**
 * One word, one thing: no two levels share a name and no band is called like a level, in either
 * language (a band C "Expert" beside level B2 "Expert" made one page name two things).
 */
function checkNames(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  for (const language of ['nl', 'en'] as const) {
    const levelNames = new Map<string, LevelCode>();
    framework.levels.forEach((level, l) => {
      const name = level.name[language].trim().toLowerCase();
      const other = levelNames.get(name);
      if (other) problems.push(problem(`levels[${l}].name.${language}`, `level ${level.code} has the same name as level ${other}`));
      else levelNames.set(name, level.code);
    });
    framework.bands.forEach((band, b) => {
      const level = levelNames.get(band.name[language].trim().toLowerCase());
      if (level) problems.push(problem(`bands[${b}].name.${language}`, `band ${band.code} has the same name as level ${level}`));
    });
  }
  return problems;
}

function checkAims(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const bands = new Set(framework.bands.map((band) => band.code));
  const ids = new Set<string>();
  framework.aims.forEach((aim, a) => {
    if (ids.has(aim.id)) problems.push(problem(`aims[${a}].id`, `aim ${aim.id} is defined twice`));
    ids.add(aim.id);
    if (!bands.has(aim.band)) problems.push(problem(`aims[${a}].band`, `band ${aim.band} is not one of the framework's bands`));
  });
  return problems;
}

function checkAreasAndCodes(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const areaNumbers = new Set<number>();
  const codes = new Set<string>();
  framework.areas.forEach((area, a) => {
    if (areaNumbers.has(area.number)) problems.push(problem(`areas[${a}].number`, `area number ${area.number} is used twice`));
    areaNumbers.add(area.number);
    area.competences.forEach((competence, c) => {
      const path = `areas[${a}].competences[${c}].code`;
      if (codes.has(competence.code)) problems.push(problem(path, `competence code ${competence.code} is used twice`));
      codes.add(competence.code);
      if (!competence.code.startsWith(`${area.number}.`)) {
        problems.push(problem(path, `competence code ${competence.code} does not start with its area number ${area.number}`));
      }
    });
  });
  return problems;
}

function checkItemsAndTips(framework: Framework): FrameworkProblem[] {
  return framework.areas.flatMap((area, a) => area.competences.flatMap((competence, c) => checkCompetenceItem(framework, competence, `areas[${a}].competences[${c}]`)));
}

function checkCompetenceItem(framework: Framework, competence: Competence, path: string): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  let previousRank = -1;
  competence.item.options.forEach((option, o) => {
    const optionPath = `${path}.item.options[${o}]`;
    if (option.points !== o) {
      problems.push(problem(`${optionPath}.points`, `option ${o} must be worth ${o} points (0, 1, 2, … in order), found ${option.points}`));
    }
    const rank = levelRank(framework, option.level);
    if (rank === -1) {
      problems.push(problem(`${optionPath}.level`, `level ${option.level} is not one of the framework's levels`));
      return;
    }
    if (rank < previousRank) {
      problems.push(problem(`${optionPath}.level`, `level ${option.level} is lower than the level of the option before it`));
    }
    previousRank = Math.max(previousRank, rank);
    if (!competence.tips[option.level]) {
      problems.push(problem(`${path}.tips.${option.level}`, `option ${o} has level ${option.level} but there is no tip for ${option.level}`));
    }
  });
  return problems;
}

function checkScoring(framework: Framework): FrameworkProblem[] {
  return framework.scoring.rule === 'checkin-cutoffs' ? checkThresholds(framework, framework.scoring.cutoffs) : checkOneStatementPerLevel(framework);
}

/** Each competence offers exactly the framework's levels, one statement each, lowest first. */
function checkOneStatementPerLevel(framework: Framework): FrameworkProblem[] {
  const codes = framework.levels.map((level) => level.code);
  return framework.areas.flatMap((area, a) =>
    area.competences.flatMap((competence, c) => {
      const levels = competence.item.options.map((option) => option.level);
      return levels.length === codes.length && levels.every((level, i) => level === codes[i])
        ? []
        : [problem(`areas[${a}].competences[${c}].item.options`, `must hold one statement per level in order (${codes.join(', ')}), found ${levels.join(', ')}`)];
    }),
  );
}

/** The table must tile 0..maxTotal exactly, so every possible total has exactly one level. */
function checkThresholds(framework: Framework, overall: readonly Threshold[]): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  let previousRank = -1;
  overall.forEach((threshold, i) => {
    const path = `scoring.cutoffs[${i}]`;
    const expectedMin = i === 0 ? 0 : overall[i - 1].max + 1;
    if (threshold.min !== expectedMin) {
      const rule = i === 0 ? 'the first threshold must start at 0' : `must be ${expectedMin}, right after the previous max`;
      problems.push(problem(`${path}.min`, `min ${threshold.min}: ${rule} (no gap or overlap)`));
    }
    if (threshold.max < threshold.min) problems.push(problem(`${path}.max`, `max ${threshold.max} is below min ${threshold.min}`));
    const rank = levelRank(framework, threshold.level);
    if (rank === -1) problems.push(problem(`${path}.level`, `level ${threshold.level} is not one of the framework's levels`));
    else if (rank <= previousRank) problems.push(problem(`${path}.level`, `level ${threshold.level} is repeated or out of level order`));
    previousRank = Math.max(previousRank, rank);
  });
  const last = overall.length - 1;
  const highest = maxTotal(framework);
  if (overall[last].max !== highest) {
    problems.push(problem(`scoring.cutoffs[${last}].max`, `must end at the maximum possible total ${highest}, found ${overall[last].max}`));
  }
  return problems;
}

function checkBackground(framework: Framework): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const ids = new Set<string>();
  framework.background.forEach((question, q) => {
    if (ids.has(question.id)) problems.push(problem(`background[${q}].id`, `background question ${question.id} is defined twice`));
    ids.add(question.id);
    const values = new Set<string>();
    question.options.forEach((option, o) => {
      const path = `background[${q}].options[${o}].value`;
      if (values.has(option.value)) problems.push(problem(path, `value ${option.value} is used twice in ${question.id}`));
      values.add(option.value);
    });
  });
  return problems;
}
