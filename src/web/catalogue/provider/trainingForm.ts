import { trainingAudiences, trainingEducationLevels, trainingKinds, trainingLanguages, trainingStatuses } from '../../../shared/catalogue/codes';
import { type Province, provinces } from '../../../shared/platform/flanders';
import type { LevelCode } from '../../digisnap/types';
import type { TrainingDto, TrainingInput } from '../types';
import { decimalText, type FieldProblems, parseDecimal } from './formProblems';

/** The training form as typed: strings and ticks, turned into a `TrainingInput` only on saving. */

export interface LevelStepRow {
  /** Stable React key for the row. */
  key: number;
  competence: string;
  from: string;
  to: string;
}

export interface TrainingFormValues {
  title: string;
  summary: string;
  description: string;
  kind: string;
  language: string;
  status: string;
  educationLevels: string[];
  audiences: string[];
  levelSteps: LevelStepRow[];
  durationHours: string;
  priceEuro: string;
  payableFromIctBudget: boolean;
  accreditation: string;
  url: string;
  onlineOnly: boolean;
  address: string;
  postalCode: string;
  city: string;
  province: string;
}

let nextRowKey = 1;
export const newStepRow = (): LevelStepRow => ({ key: nextRowKey++, competence: '', from: '', to: '' });

export function emptyTrainingForm(): TrainingFormValues {
  return {
    title: '',
    summary: '',
    description: '',
    kind: 'in_person',
    language: 'nl',
    status: 'draft',
    educationLevels: [],
    audiences: ['teacher'],
    levelSteps: [newStepRow()],
    durationHours: '',
    priceEuro: '0',
    payableFromIctBudget: false,
    accreditation: '',
    url: '',
    onlineOnly: false,
    address: '',
    postalCode: '',
    city: '',
    province: '',
  };
}

export function formFromTraining(training: TrainingDto): TrainingFormValues {
  const { location } = training;
  return {
    title: training.title,
    summary: training.summary,
    description: training.description,
    kind: training.kind,
    language: training.language,
    status: training.status,
    educationLevels: [...training.educationLevels],
    audiences: [...training.audiences],
    levelSteps: training.levelSteps.map((step) => ({ ...newStepRow(), ...step })),
    durationHours: decimalText(training.durationHours),
    priceEuro: Number.isInteger(training.priceEuro) ? String(training.priceEuro) : training.priceEuro.toFixed(2).replace('.', ','),
    payableFromIctBudget: training.payableFromIctBudget,
    accreditation: training.accreditation ?? '',
    url: training.url,
    onlineOnly: location === null,
    address: location?.address ?? '',
    postalCode: location?.postalCode ?? '',
    city: location?.city ?? '',
    province: location?.province ?? '',
  };
}

const within = (text: string, min: number, max: number) => text.trim().length >= min && text.trim().length <= max;
const oneOf = (values: readonly string[], value: string) => values.includes(value);
const levelOrder = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return (url.protocol === 'https:' || url.protocol === 'http:') && text.trim().length <= 500;
  } catch {
    return false;
  }
}

/** What the server would refuse, found before sending; keys are the API's field paths. */
export function trainingFormProblems(values: TrainingFormValues): FieldProblems {
  const problems: FieldProblems = {};
  const flag = (path: string, bad: boolean) => bad && (problems[path] = true);
  flag('title', !within(values.title, 3, 200));
  flag('summary', !within(values.summary, 10, 500));
  flag('description', values.description.trim().length > 10_000);
  flag('kind', !oneOf(trainingKinds, values.kind));
  flag('language', !oneOf(trainingLanguages, values.language));
  flag('status', !oneOf(trainingStatuses, values.status));
  flag('educationLevels', values.educationLevels.length === 0);
  flag('audiences', values.audiences.length === 0);
  flag('levelSteps', values.levelSteps.length === 0 || values.levelSteps.length > 12);
  values.levelSteps.forEach((step, index) => {
    flag(`levelSteps.${index}.competence`, !/^\d\.\d$/.test(step.competence));
    flag(`levelSteps.${index}.from`, !levelOrder.includes(step.from));
    flag(`levelSteps.${index}.to`, !levelOrder.includes(step.to) || levelOrder.indexOf(step.to) <= levelOrder.indexOf(step.from));
  });
  const hours = parseDecimal(values.durationHours);
  flag('durationHours', hours === null || hours <= 0 || hours > 1000);
  const price = parseDecimal(values.priceEuro);
  flag('priceEuro', price === null || price > 100_000 || Math.abs(price * 100 - Math.round(price * 100)) > 1e-6);
  flag('accreditation', values.accreditation.trim().length > 200);
  flag('url', !isWebAddress(values.url));
  if (!values.onlineOnly) {
    flag('location.address', !within(values.address, 1, 200));
    flag('location.postalCode', !/^\d{4}$/.test(values.postalCode.trim()));
    flag('location.city', !within(values.city, 1, 100));
    flag('location.province', !oneOf(provinces, values.province));
  }
  return problems;
}

/** The values as the API wants them; call only when `trainingFormProblems` found nothing. */
export function toTrainingInput(values: TrainingFormValues): TrainingInput {
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
    kind: values.kind as TrainingInput['kind'],
    language: values.language as TrainingInput['language'],
    status: values.status as TrainingInput['status'],
    educationLevels: trainingEducationLevels.filter((level) => values.educationLevels.includes(level)),
    audiences: trainingAudiences.filter((audience) => values.audiences.includes(audience)),
    levelSteps: values.levelSteps.map(({ competence, from, to }) => ({ competence, from: from as LevelCode, to: to as LevelCode })),
    durationHours: parseDecimal(values.durationHours) ?? 0,
    priceEuro: parseDecimal(values.priceEuro) ?? 0,
    payableFromIctBudget: values.payableFromIctBudget,
    accreditation: values.accreditation.trim() || null,
    url: values.url.trim(),
    location: values.onlineOnly
      ? null
      : {
          address: values.address.trim(),
          postalCode: values.postalCode.trim(),
          city: values.city.trim(),
          province: values.province as Province,
        },
  };
}

/** The message key of a problem at a path: `levelSteps.3.to` → `levelStepTo`. */
export function trainingProblemKey(path: string): TrainingProblemKey {
  const parts = path.split('.');
  if (parts[0] === 'levelSteps' && parts.length === 3) {
    return parts[2] === 'competence' ? 'levelStepCompetence' : parts[2] === 'from' ? 'levelStepFrom' : 'levelStepTo';
  }
  if (parts[0] === 'location' && parts.length === 2) return oneOf(locationKeys, parts[1]) ? (parts[1] as TrainingProblemKey) : 'location';
  return oneOf(fieldKeys, parts[0]) ? (parts[0] as TrainingProblemKey) : 'other';
}

const fieldKeys = [
  'title',
  'summary',
  'description',
  'kind',
  'language',
  'status',
  'educationLevels',
  'audiences',
  'levelSteps',
  'durationHours',
  'priceEuro',
  'payableFromIctBudget',
  'accreditation',
  'url',
  'location',
] as const;
const locationKeys = ['address', 'postalCode', 'city', 'province'] as const;
export type TrainingProblemKey = (typeof fieldKeys)[number] | (typeof locationKeys)[number] | 'levelStepCompetence' | 'levelStepFrom' | 'levelStepTo' | 'other';
