import fc from 'fast-check';
import {
  type TrainingInput,
  trainingAudiences,
  trainingEducationLevels,
  trainingInputSchema,
  trainingKinds,
  trainingLanguages,
  trainingStatuses,
} from '../../src/shared/catalogue/api';
import { provinces } from '../../src/shared/platform/flanders';

/**
 * Valid trainings as a provider could enter them, for property tests of the export and import:
 * text with accents, the CSV delimiter, quotes, formula-like starts and line ends (LF; a CR in a
 * text is read back as a line end, as CSV cannot tell them apart), amounts in cents and hours to
 * the hundredth, the competences of DigCompEdu with a step up. Normalised by the schema, as stored.
 */
const COMPETENCES = ['1.1', '1.2', '1.3', '1.4', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2', '6.3', '6.4', '6.5'];
const LEVELS = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789éèëçàöÉ€;,."\'=+-@|\n\t:>/()'];

const text = (minLength: number, maxLength: number) =>
  fc
    .array(fc.constantFrom(...CHARACTERS), { minLength: minLength + 2, maxLength })
    .map((chars) => chars.join('').trim())
    .filter((value) => value.length >= minLength);

const levelStep = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }))
  .filter(([from, up]) => from + up < LEVELS.length)
  .map(([from, up]) => ({ from: LEVELS[from], to: LEVELS[from + up] }));

export const trainingArbitrary: fc.Arbitrary<TrainingInput> = fc
  .record({
    title: text(3, 60),
    summary: text(10, 80),
    description: fc.oneof(fc.constant(''), text(1, 120)),
    kind: fc.constantFrom(...trainingKinds),
    language: fc.constantFrom(...trainingLanguages),
    educationLevels: fc.uniqueArray(fc.constantFrom(...trainingEducationLevels), { minLength: 1, maxLength: 5 }),
    audiences: fc.uniqueArray(fc.constantFrom(...trainingAudiences), { minLength: 1, maxLength: 3 }),
    levelSteps: fc
      .uniqueArray(fc.constantFrom(...COMPETENCES), { minLength: 1, maxLength: 4 })
      .chain((codes) => fc.tuple(...codes.map((competence) => levelStep.map((step) => ({ competence, ...step }))))),
    durationHours: fc.integer({ min: 1, max: 100_000 }).map((hundredths) => hundredths / 100),
    priceEuro: fc.integer({ min: 0, max: 10_000_000 }).map((cents) => cents / 100),
    payableFromIctBudget: fc.boolean(),
    location: fc.option(
      fc.record({
        address: text(1, 40),
        postalCode: fc.integer({ min: 1000, max: 9999 }).map(String),
        city: text(1, 30),
        province: fc.constantFrom(...provinces),
      }),
      { nil: null },
    ),
    accreditation: fc.option(text(1, 40), { nil: null }),
    url: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9]{0,10}(-[a-z0-9]{1,10})?$/), fc.stringMatching(/^[a-z0-9/_-]{0,30}$/)).map(([host, path]) => `https://${host}.test/${path}`),
    status: fc.constantFrom(...trainingStatuses),
  })
  .map((training) => trainingInputSchema.parse(training));
