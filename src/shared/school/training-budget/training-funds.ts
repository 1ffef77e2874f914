/**
 * The money a school has for ICT training, as data with its sources (DOMAIN.md §3). The rules
 * that count with it live in `training-budget.ts`; the content test checks every `source` here
 * names a URL.
 */

export interface FundSource {
  title: string;
  url: string;
}

/** The most full-time posts a school can enter: far above any one school, low enough to catch a typo. */
export const ENVELOPE_POSTS_MAX = 5_000;

/** One payment of the envelope: its share of the whole and the day it was paid by at the latest. */
export interface EnvelopeTranche {
  sharePercent: number;
  paidBy: string;
}

export interface IctTrainingEnvelope {
  id: string;
  /** Euro cents per full-time post. */
  perPostCents: number;
  /** What is counted: full-time organic posts in a management or teaching office. */
  basis: 'full_time_organic_posts_management_and_teaching';
  /** The day whose situation gives the count of posts. */
  countedOn: string;
  /** Trainings followed from this day on count (included). */
  spendFrom: string;
  /** The last day the envelope may be spent (included); after it the envelope is closed. */
  spendUntil: string;
  tranches: readonly EnvelopeTranche[];
  source: FundSource;
}

/**
 * The Digisprong envelope for ICT training: one-off, not yearly; €120 per full-time organic post
 * of management and teaching staff on 1 February 2021, paid 60% by 31 August 2022 and 40% by
 * 31 December 2022, for ICT trainings followed from 1 June 2022 until 31 July 2026.
 */
export const ictTrainingEnvelope: IctTrainingEnvelope = {
  id: 'digisprong-ict-training-envelope',
  perPostCents: 12_000,
  basis: 'full_time_organic_posts_management_and_teaching',
  countedOn: '2021-02-01',
  spendFrom: '2022-06-01',
  spendUntil: '2026-07-31',
  tranches: [
    { sharePercent: 60, paidBy: '2022-08-31' },
    { sharePercent: 40, paidBy: '2022-12-31' },
  ],
  source: { title: 'Eduzine, "Extra nascholingsmiddelen voor ICT-opleidingen"', url: 'https://eduzine.be/artikel/extra-nascholingsmiddelen-voor-ict-opleidingen' },
};

export interface RegularTrainingBudget {
  id: string;
  /** About this many euro cents per staff member and school year; a school sets its own amount. */
  perStaffCents: number;
  /** A school year runs from 1 September to 31 August. */
  period: 'school_year';
  source: FundSource;
}

/** The normal training budget beside it: about €64 per staff member each school year. */
export const regularTrainingBudget: RegularTrainingBudget = {
  id: 'regular-training-budget',
  perStaffCents: 6_400,
  period: 'school_year',
  source: {
    title: 'Schoolit, "Vlaamse overheid maakt 20 miljoen euro vrij voor ICT-bijscholing"',
    url: 'https://schoolit.be/nieuws/innovatie/vlaamse-overheid-maakt-20-miljoen-euro-vrij-voor-ict-bijscholing/',
  },
};
