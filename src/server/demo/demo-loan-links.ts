import type { Services } from '../app';

/** The demo teacher borrows the spare laptop through her account: her start page lists it, whatever she is called later. */
export async function seedDemoBoundLoan(services: Services, schoolId: string, ictUserId: string, teacherId: string): Promise<void> {
  await services.loans.seedLoans(ictUserId, schoolId, 'staff', {
    identifiedBy: 'name',
    className: null,
    lentOn: '2026-11-02',
    dueOn: '2027-06-30',
    depositCents: null,
    contributionCents: null,
    conditions: 'Leraarslaptop voor het schooljaar.',
    loans: [{ assetTag: 'LT-009', borrower: 'Lore Leerkracht', borrowerUserId: teacherId }],
  });
}
