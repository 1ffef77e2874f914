import type { EnrolmentDto, LevelStep, SessionDto, TrainingInput, TrainingSummaryDto } from '../../shared/catalogue/api';
import type { Province } from '../../shared/platform/flanders';
import { type ProviderRow, parseCodeList, type SessionRow, type SummaryRow, type TrainingRow } from './catalogue.repository';
import type { EnrolmentRow, EnrolmentWithSession } from './enrolment.repository';

/** Rows to the contract's shapes, with fields in the contract's order. */

export type ProviderRef = TrainingSummaryDto['provider'];

export const toProviderRef = (row: Pick<ProviderRow, 'id' | 'name' | 'verified'>): ProviderRef => ({ id: row.id, name: row.name, verified: Number(row.verified) === 1 });

export const toProviderDto = (row: ProviderRow) => ({
  name: row.name,
  contactEmail: row.contact_email,
  website: row.website,
  id: row.id,
  verified: Number(row.verified) === 1,
  createdAt: row.created_at,
});

export const priceOf = (row: Pick<TrainingRow, 'price_cents'>) => Number(row.price_cents) / 100;

export function toTrainingInput(row: TrainingRow, steps: LevelStep[]): TrainingInput {
  return {
    title: row.title,
    summary: row.summary,
    description: row.description,
    kind: row.kind as TrainingInput['kind'],
    language: row.language as TrainingInput['language'],
    educationLevels: parseCodeList(row.education_levels),
    audiences: parseCodeList(row.audiences) as TrainingInput['audiences'],
    levelSteps: steps,
    durationHours: Number(row.duration_hours),
    priceEuro: priceOf(row),
    payableFromIctBudget: Number(row.payable_from_ict_budget) === 1,
    location: row.province === null ? null : { address: row.address ?? '', postalCode: row.postal_code ?? '', city: row.city ?? '', province: row.province as Province },
    accreditation: row.accreditation,
    url: row.url,
    status: row.status as TrainingInput['status'],
  };
}

export const seatsLeft = (session: SessionRow) => Math.max(0, Number(session.capacity) - Number(session.enrolled_count));

export function toSummary(row: SummaryRow, provider: ProviderRef, steps: LevelStep[], next: SessionRow | undefined): TrainingSummaryDto {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    kind: row.kind as TrainingSummaryDto['kind'],
    language: row.language,
    provider,
    levelSteps: steps,
    educationLevels: parseCodeList(row.education_levels),
    durationHours: Number(row.duration_hours),
    priceEuro: priceOf(row),
    payableFromIctBudget: Number(row.payable_from_ict_budget) === 1,
    province: row.province as Province | null,
    city: row.city,
    status: row.status as TrainingSummaryDto['status'],
    nextSession: next ? { id: next.id, startsAt: next.starts_at, seatsLeft: seatsLeft(next), online: Number(next.online) === 1 } : null,
  };
}

export function toSessionDto(row: SessionRow, mine: EnrolmentRow | undefined): SessionDto {
  return {
    id: row.id,
    trainingId: row.training_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    online: Number(row.online) === 1,
    capacity: Number(row.capacity),
    enrolled: Number(row.enrolled_count),
    waitlisted: Number(row.waitlist_count),
    seatsLeft: seatsLeft(row),
    enrolmentDeadline: row.enrolment_deadline,
    cancellationDeadline: row.cancellation_deadline,
    myEnrolment: mine && mine.status !== 'cancelled' ? { id: mine.id, status: mine.status, position: mine.position === null ? null : Number(mine.position) } : null,
  };
}

export function toEnrolmentDto(row: EnrolmentRow, session: { starts_at: string; training_title: string }): EnrolmentDto {
  return {
    id: row.id,
    sessionId: row.session_id,
    trainingId: row.training_id,
    trainingTitle: session.training_title,
    startsAt: session.starts_at,
    status: row.status,
    position: row.position === null ? null : Number(row.position),
    createdAt: row.created_at,
  };
}

export const toEnrolmentDtoWithSession = (row: EnrolmentWithSession) => toEnrolmentDto(row, row);
