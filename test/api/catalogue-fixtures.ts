import type { SessionInput, TrainingInput } from '../../src/shared/catalogue/api';
import type { TestApp, TestClient } from '../support/test-app';

/** Shared set-up of the catalogue API tests: provider accounts, trainings and sessions. */

let providers = 0;

/** A provider organisation with an account that works for it, logged in. */
export async function providerAccount(t: TestApp, name?: string): Promise<{ client: TestClient; providerId: string }> {
  providers += 1;
  const provider = await t.app.services.catalogue.addProvider({
    name: name ?? `Opleider ${providers}`,
    contactEmail: `info${providers}@opleider.test`,
    website: null,
  });
  const client = await t.user('provider');
  await t.app.services.catalogue.addProviderMember(client.userId, provider.id);
  return { client, providerId: provider.id };
}

export function trainingInput(overrides: Partial<TrainingInput> = {}): TrainingInput {
  return {
    title: 'Digitaal evalueren in de klas',
    summary: 'Leer formatief evalueren met digitale middelen.',
    description: 'Een praktische opleiding voor leraren.',
    kind: 'in_person',
    language: 'nl',
    educationLevels: ['primary'],
    audiences: ['teacher'],
    levelSteps: [{ competence: '4.1', from: 'A2', to: 'B1' }],
    durationHours: 3,
    priceEuro: 45,
    payableFromIctBudget: true,
    location: { address: 'Kerkstraat 1', postalCode: '9000', city: 'Gent', province: 'oost-vlaanderen' },
    accreditation: null,
    url: 'https://opleider.test/evalueren',
    status: 'published',
    ...overrides,
  };
}

const day = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A session starting `inDays` from now (negative: in the past), with deadlines a day and two days before. */
export function sessionInput(inDays: number, overrides: Partial<SessionInput> = {}): SessionInput {
  const start = Date.now() + inDays * day;
  return {
    startsAt: iso(start),
    endsAt: iso(start + 3 * 3600_000),
    place: 'Gent',
    online: false,
    capacity: 20,
    enrolmentDeadline: iso(start - day),
    cancellationDeadline: iso(start - 2 * day),
    ...overrides,
  };
}

export async function createTraining(client: TestClient, overrides: Partial<TrainingInput> = {}): Promise<{ id: string }> {
  const response = await client.request({ method: 'POST', url: '/api/trainings', payload: trainingInput(overrides) });
  if (response.statusCode !== 201) throw new Error(`createTraining: ${response.statusCode} ${response.body}`);
  return response.json();
}

export async function createSession(client: TestClient, trainingId: string, input: SessionInput): Promise<{ id: string }> {
  const response = await client.request({ method: 'POST', url: `/api/trainings/${trainingId}/sessions`, payload: input });
  if (response.statusCode !== 201) throw new Error(`createSession: ${response.statusCode} ${response.body}`);
  return response.json();
}
