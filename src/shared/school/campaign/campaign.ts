import { z } from 'zod';
import { MIN_GROUP_SIZE } from '../../digisnap/privacy';
import { brusselsDate, brusselsDayStart } from '../../platform/brussels-time';

/**
 * Digisnap campaigns (KD: a round a school *requests*): contracts shared by server, web app
 * and tests. Participation is counts only; nobody sees who took part.
 */

const dateSchema = z.iso.date('a date as YYYY-MM-DD');

export const campaignParamsSchema = z.object({ schoolId: z.string().min(1).max(100), campaignId: z.string().min(1).max(100) });

/** The privacy threshold a school may raise for its own reports, never below the floor. */
export const minGroupSizeSchema = z.number().int().min(MIN_GROUP_SIZE, `never below ${MIN_GROUP_SIZE}`).max(500).default(MIN_GROUP_SIZE);

export const openCampaignBodySchema = z
  .object({
    frameworkVersion: z.string().min(1).max(40).optional().describe('Version of DigCompEdu to take the scan with; the current one by default'),
    opensOn: dateSchema.describe('First day (Brussels time) a submitted scan counts'),
    closesOn: dateSchema.describe('Last day (Brussels time) a submitted scan counts'),
    teamMoment: z.iso.datetime({ offset: true, message: 'an ISO 8601 date-time' }).nullable().optional().describe('The joint session, if any'),
    minGroupSize: minGroupSizeSchema.describe('The smallest group the report shows a number of; never below 5'),
  })
  .strict();
export type OpenCampaignBody = z.infer<typeof openCampaignBodySchema>;

export const reopenCampaignBodySchema = z.object({ closesOn: dateSchema.optional().describe('A new last day; needed when the old one has passed') }).strict();

export const campaignStatusSchema = z.enum(['scheduled', 'open', 'closed']);

export const campaignSchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    teamMoment: z.string().nullable(),
    minGroupSize: z.number().int().min(MIN_GROUP_SIZE),
    status: campaignStatusSchema,
    closedAt: z.string().nullable().describe('When it was closed before its last day'),
    createdAt: z.string(),
    participation: z
      .object({
        invited: z.number().int().describe('Teachers and ICT coordinators of the school'),
        started: z.number().int().describe('Of them, with a scan begun during the campaign (completed ones included)'),
        completed: z.number().int().describe('Of them, with a scan submitted during the campaign'),
      })
      .describe('Counts only, never who'),
    reminders: z.object({ rounds: z.number().int(), sent: z.number().int(), lastSentAt: z.string().nullable() }),
    report: z.object({
      available: z.boolean().describe('A report exists or can be made (enough respondents)'),
      publishedAt: z.string().nullable(),
    }),
  })
  .meta({ id: 'Campaign' });
export type CampaignDto = z.infer<typeof campaignSchema>;

export const campaignListSchema = z.object({ items: z.array(campaignSchema) }).meta({ id: 'CampaignList' });

/** A campaign open now in a school where the caller takes Digisnap: where a scan submitted now goes, as part of a team aggregate. */
export const myCampaignSchema = z
  .object({
    campaignId: z.string(),
    schoolId: z.string(),
    schoolName: z.string(),
    closesOn: z.string(),
    minGroupSize: z.number().int().min(5).describe('No report for fewer respondents than this'),
  })
  .meta({ id: 'MyCampaign' });
export const myCampaignListSchema = z.object({ items: z.array(myCampaignSchema) }).meta({ id: 'MyCampaignList' });
export type MyCampaignDto = z.infer<typeof myCampaignSchema>;

export const reminderResultSchema = z
  .object({
    sent: z.number().int().describe('Reminders sent to teachers who have not finished; never who'),
    sentAt: z.string().nullable().describe('Null when everyone had finished: nothing went out and the day’s round is still to be used'),
  })
  .meta({ id: 'ReminderResult' });

export const reportQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  lang: z.enum(['nl', 'en']).default('nl').describe('Language of the CSV or XLSX headers and names'),
});

/** How long after one round of reminders the next may go out. */
export const REMINDER_INTERVAL_HOURS = 24;

// ---------------------------------------------------------------- the window on the Brussels clock

/** Re-exported: the services, the benchmark and the tests take "today" from the campaign contract. */
export { brusselsDate };

export interface CampaignDates {
  opensOn: string;
  closesOn: string;
  closedAt: string | null;
}

export const MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * What is wrong with the days a campaign or reflection round runs (`what` names it in the
 * message), against today in Brussels; null when they will do. The field is always closesOn.
 */
export function windowProblem(opensOn: string, closesOn: string, today: string, what: 'campaign' | 'round'): string | null {
  if (closesOn < opensOn) return 'closesOn must be on or after opensOn';
  if (closesOn < today) return 'closesOn must be today or later';
  const days = (Date.parse(closesOn) - Date.parse(opensOn)) / DAY_MS + 1;
  if (days > MAX_WINDOW_DAYS) return `A ${what} lasts at most ${MAX_WINDOW_DAYS} days`;
  return null;
}

/** When scans count: from the first day's start to the end of the last day, or to the early close. ISO-8601 UTC; `to` excluded. */
export function campaignWindow(campaign: CampaignDates): { from: string; to: string } {
  const from = brusselsDayStart(campaign.opensOn).toISOString();
  const end = brusselsDayStart(campaign.closesOn, 1).toISOString();
  return { from, to: campaign.closedAt !== null && campaign.closedAt < end ? campaign.closedAt : end };
}

export function campaignStatus(campaign: CampaignDates, now: Date): z.infer<typeof campaignStatusSchema> {
  const { from, to } = campaignWindow(campaign);
  const at = now.toISOString();
  if (at >= to) return 'closed';
  return at < from ? 'scheduled' : 'open';
}

/** Two windows overlap when each begins before the other ends; an empty one (closed before it opened) overlaps nothing. */
export function windowsOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  if (a.from >= a.to || b.from >= b.to) return false;
  return a.from < b.to && b.from < a.to;
}
