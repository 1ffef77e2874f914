import { simulatedAnswers } from '../src/server/demo/simulated-answers';
import type { ScanAnswersTable, ScansTable } from '../src/server/digisnap/digisnap.tables';
import { newId, newToken, sha256 } from '../src/server/platform/ids';
import type { Framework } from '../src/shared/digisnap/framework';
import { scoreAnswers } from '../src/shared/digisnap/scoring';
import { educationLevels, provinces } from '../src/shared/platform/flanders';

/**
 * Plausible Flemish schools, teachers and scans as plain rows, from a seeded random source.
 * No I/O here: generate.ts writes these rows, so what a row holds is decided in one place.
 */

const DAY_MS = 86_400_000;
const TWO_YEARS_MS = 730 * DAY_MS;

const schoolKinds = ['Basisschool', 'Vrije Basisschool', 'GO! Basisschool', 'Sint-Jozefscollege', 'Atheneum', 'Technisch Instituut', 'Lyceum', 'CVO'];
const places = ['Aalst', 'Antwerpen', 'Brugge', 'Genk', 'Gent', 'Hasselt', 'Kortrijk', 'Leuven', 'Mechelen', 'Ostende', 'Roeselare', 'Turnhout', 'Lier', 'Geel'];
const firstNames = [
  'An',
  'Bram',
  'Charlotte',
  'Dries',
  'Elke',
  'Fien',
  'Gert',
  'Hanne',
  'Ilias',
  'Jana',
  'Kobe',
  'Lotte',
  'Mohamed',
  'Nina',
  'Olivier',
  'Pieter',
  'Roos',
  'Sara',
  'Tom',
  'Yasmine',
];
const lastNames = ['Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet', 'Dubois', 'Lambert', 'El Amrani', 'Vermeulen', 'Hermans'];

export type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const iso = (ms: number) => new Date(ms).toISOString();

export interface SchoolRow {
  id: string;
  name: string;
  institution_number: string;
  education_level: string;
  province: string;
  created_at: string;
}

/** `first`: the number of schools made before, so names and institution numbers stay distinct. */
export function makeSchools(count: number, random: Random, now: number, first = 0): SchoolRow[] {
  return Array.from({ length: count }, (_, j) => j + first).map((i) => ({
    id: newId(),
    name: `${pick(random, schoolKinds)} ${pick(random, places)} ${i + 1}`,
    // Distinct six-digit numbers, like the ministry's institution numbers.
    institution_number: String(100_000 + i * 7_919),
    // Roughly the Flemish mix: most schools are primary.
    education_level: random() < 0.7 ? 'primary' : random() < 0.95 ? 'secondary' : pick(random, educationLevels),
    province: pick(random, provinces),
    created_at: iso(now - TWO_YEARS_MS - DAY_MS),
  }));
}

export interface TeacherRows {
  user: { id: string; email: string; display_name: string; locale: string; created_at: string };
  membership: { school_id: string; role: string; created_at: string };
  /** The cookie token stays in the manifest; the database keeps only its hash, as login does. */
  session: { token: string; id: string; csrf_token: string; created_at: string; expires_at: string };
}

export function makeTeacher(n: number, schools: SchoolRow[], random: Random, now: number, sessionIdleHours: number): TeacherRows {
  const first = pick(random, firstNames);
  const last = pick(random, lastNames);
  const createdAt = iso(now - TWO_YEARS_MS - DAY_MS);
  const token = newToken();
  // A session logged in just now: its expiry is fresh, so reads do not slide it (no write per request).
  const loginAt = now - Math.floor(random() * 60_000);
  return {
    user: {
      id: newId(),
      email: `${first}.${last}.${n}@bench.digisprong.be`.toLowerCase().replace(/\s+/g, ''),
      display_name: `${first} ${last}`,
      locale: random() < 0.95 ? 'nl' : 'en',
      created_at: createdAt,
    },
    membership: { school_id: pick(random, schools).id, role: 'teacher', created_at: createdAt },
    session: {
      token,
      id: sha256(token),
      csrf_token: newToken(),
      created_at: iso(loginAt),
      expires_at: iso(now + sessionIdleHours * 3_600_000),
    },
  };
}

export interface ScanRows {
  /** A `scans` row as the service writes it, less its owner (set when written). */
  scan: Omit<ScansTable, 'user_id'>;
  answers: Array<Omit<ScanAnswersTable, 'scan_id'>>;
}

/** One to three submitted scans, oldest first, spread over the past two years; skill grows a little between them. */
export function makeSubmittedScans(framework: Framework, random: Random, now: number): ScanRows[] {
  const count = 1 + Math.floor(random() * 3);
  const submittedAts = Array.from({ length: count }, () => now - Math.floor(random() * TWO_YEARS_MS)).sort((a, b) => a - b);
  let skill = 0.15 + random() * 0.6;
  return submittedAts.map((submittedAt) => {
    const scan = makeScan(framework, skill, random, submittedAt, 'submitted');
    skill = Math.min(1, skill + random() * 0.12);
    return scan;
  });
}

/** One submitted scan, at `at` (ms): a report teacher's scan in the campaign window. */
export function makeSubmittedScanAt(framework: Framework, random: Random, at: number): ScanRows {
  return makeScan(framework, 0.15 + random() * 0.7, random, at, 'submitted');
}

/** A scan with every competence answered in the last day, waiting for its submit. */
export function makeAnsweredScan(framework: Framework, random: Random, now: number): ScanRows {
  return makeScan(framework, 0.15 + random() * 0.7, random, now - Math.floor(random() * DAY_MS), 'in_progress');
}

function makeScan(framework: Framework, skill: number, random: Random, endAt: number, status: 'in_progress' | 'submitted'): ScanRows {
  const answers = simulatedAnswers(framework, skill, random);
  const codes = Object.keys(answers);
  // About 15 minutes for 22 items, as the scan is designed for.
  const startedAt = endAt - (8 + Math.floor(random() * 25)) * 60_000;
  const step = (endAt - startedAt) / (codes.length + 1);
  const result = status === 'submitted' ? scoreAnswers(framework, answers) : null;
  return {
    scan: {
      id: newId(),
      framework_id: framework.id,
      framework_version: framework.version,
      status,
      background: JSON.stringify(random() < 0.6 ? background(framework, random) : {}),
      started_at: iso(startedAt),
      updated_at: iso(endAt),
      submitted_at: result ? iso(endAt) : null,
      total: result?.total ?? null,
      level: result?.level ?? null,
      band: result?.band ?? null,
      result: result ? JSON.stringify(result) : null,
    },
    answers: codes.map((code, i) => ({
      competence_code: code,
      option_index: answers[code],
      answered_at: iso(startedAt + Math.round(step * (i + 1))),
    })),
  };
}

function background(framework: Framework, random: Random): Record<string, string> {
  return Object.fromEntries(framework.background.map((question) => [question.id, pick(random, question.options).value]));
}
