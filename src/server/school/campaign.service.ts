import {
  type CampaignDto,
  type OpenCampaignBody,
  REMINDER_INTERVAL_HOURS,
  brusselsDate,
  campaignStatus,
  campaignWindow,
  windowsOverlap,
} from '../../shared/school/campaign';
import { AppError, conflict, notFound, validationError } from '../../shared/errors';
import type { Role } from '../../shared/platform/api';
import { comparisonsAllowed, effectiveThreshold, publicationDecision } from '../../shared/school/privacy';
import { type PreviousCampaign, type SchoolReport, buildSchoolReport } from '../../shared/school/report';
import type { DigisnapService } from '../digisnap/digisnap.service';
import type { TeamAggregate, TeamCohort } from '../digisnap/team-aggregate';
import type { AuditRepository } from '../platform/audit/audit.repository';
import type { AuthService } from '../platform/auth/auth.service';
import { newId } from '../platform/ids';
import type { MailService } from '../platform/mail/mail.service';
import type { CampaignRepository, CampaignRow, PublishedCampaign, StoredReport } from './campaign.repository';
import type { SchoolInfo, SchoolService } from './school.service';

/** Who runs a campaign (KD: the principal or the ICT coordinator requests the round). */
const managerRoles: readonly Role[] = ['principal', 'ict_coordinator'];
/** Who reads a campaign and its team report: also the board, which gets aggregates only like them. */
const readerRoles: readonly Role[] = ['principal', 'ict_coordinator', 'board_admin'];

const MAX_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

export interface CampaignDeps {
  schools: SchoolService;
  digisnap: DigisnapService;
  mail: MailService;
  auth: AuthService;
  audit: AuditRepository;
  /** Where the web app is reached, for the link in reminders. */
  appUrl: string;
  /** The clock; tests may fix it. */
  now?: () => Date;
}

/**
 * Digisnap campaigns of a school and their team report. Every public method checks access
 * first: a school the caller has no role in is not found (404), a member in another role gets
 * 403, and a campaign of another school is not found. Nothing here reads a scan: counts and
 * protected tables come from the digisnap module.
 */
export class CampaignService {
  private readonly now: () => Date;

  constructor(
    private readonly repo: CampaignRepository,
    private readonly deps: CampaignDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async openCampaign(userId: string, schoolId: string, body: OpenCampaignBody): Promise<CampaignDto> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, managerRoles);
    const current = this.deps.digisnap.currentFramework();
    const frameworkVersion = body.frameworkVersion ?? current.version;
    if (!this.deps.digisnap.hasFramework(current.id, frameworkVersion)) {
      throw validationError('body.frameworkVersion', `${current.id} has no version ${frameworkVersion}`);
    }
    this.checkDates(body.opensOn, body.closesOn);
    const school = (await this.deps.schools.schoolOf(schoolId))!;
    const now = this.now().toISOString();
    const row: CampaignRow = {
      id: newId(),
      school_id: schoolId,
      framework_id: current.id,
      framework_version: frameworkVersion,
      opens_on: body.opensOn,
      closes_on: body.closesOn,
      team_moment: body.teamMoment ? new Date(body.teamMoment).toISOString() : null,
      min_group_size: effectiveThreshold(body.minGroupSize),
      education_level: school.educationLevel,
      opened_by: userId,
      created_at: now,
      closed_at: null,
      reminder_rounds: 0,
      reminders_sent: 0,
      reminded_at: null,
    };
    const clash = await this.repo.insertUnlessOverlapping(row, (others) => overlapping(others, campaignWindow(datesOf(row))));
    if (clash) throw overlapError(clash);
    await this.deps.audit.record({ actorId: userId, action: 'campaign_opened', subject: row.id, details: { schoolId, opensOn: row.opens_on, closesOn: row.closes_on } });
    return this.toDto(row);
  }

  async listCampaigns(userId: string, schoolId: string): Promise<CampaignDto[]> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, readerRoles);
    const rows = await this.repo.listOfSchool(schoolId);
    return Promise.all(rows.map((row) => this.toDto(row)));
  }

  async getCampaign(userId: string, schoolId: string, campaignId: string): Promise<CampaignDto> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, readerRoles);
    return this.toDto(await this.campaignOf(schoolId, campaignId));
  }

  async closeCampaign(userId: string, schoolId: string, campaignId: string): Promise<CampaignDto> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, managerRoles);
    const campaign = await this.campaignOf(schoolId, campaignId);
    const now = this.now();
    if (campaignStatus(datesOf(campaign), now) === 'closed' || !(await this.repo.close(campaign.id, now.toISOString()))) {
      throw conflict('This campaign is closed already', 'params.campaignId');
    }
    await this.deps.audit.record({ actorId: userId, action: 'campaign_closed', subject: campaign.id });
    return this.toDto((await this.repo.find(schoolId, campaignId))!);
  }

  /**
   * Opens a closed campaign again, to its old last day or a new one. Scans submitted since the
   * first day count again, whether or not it was closed meanwhile. What the report showed
   * before stays until enough respondents came (see `schoolReport`).
   */
  async reopenCampaign(userId: string, schoolId: string, campaignId: string, body: { closesOn?: string }): Promise<CampaignDto> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, managerRoles);
    const campaign = await this.campaignOf(schoolId, campaignId);
    if (campaignStatus(datesOf(campaign), this.now()) !== 'closed') throw conflict('Only a closed campaign can be reopened', 'params.campaignId');
    const closesOn = body.closesOn ?? campaign.closes_on;
    if (closesOn < brusselsDate(this.now())) throw validationError('body.closesOn', 'The last day has passed: give a new closesOn, today or later');
    this.checkDates(campaign.opens_on, closesOn);
    const window = campaignWindow({ opensOn: campaign.opens_on, closesOn, closedAt: null });
    const clash = await this.repo.reopenUnlessOverlapping(campaign, closesOn, (others) => overlapping(others, window));
    if (clash) throw overlapError(clash);
    await this.deps.audit.record({ actorId: userId, action: 'campaign_reopened', subject: campaign.id, details: { closesOn } });
    return this.toDto((await this.repo.find(schoolId, campaignId))!);
  }

  /**
   * Mails the members who have not submitted a scan in the campaign yet. The caller learns how
   * many were sent, never to whom; one round a day at most (429 rate_limited).
   */
  async remindCampaign(userId: string, schoolId: string, campaignId: string): Promise<{ sent: number; sentAt: string }> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, managerRoles);
    const campaign = await this.campaignOf(schoolId, campaignId);
    const now = this.now();
    if (campaignStatus(datesOf(campaign), now) !== 'open') throw conflict('Reminders go out only while the campaign is open', 'params.campaignId');
    const notAfter = new Date(now.getTime() - REMINDER_INTERVAL_HOURS * 3_600_000).toISOString();
    if (campaign.reminded_at !== null && campaign.reminded_at > notAfter) throw reminderTooSoon(campaign.reminded_at);
    const { notCompletedIds } = await this.participation(campaign);
    const recipients = await this.deps.auth.usersByIds(notCompletedIds);
    if (!(await this.repo.recordReminders(campaign.id, recipients.length, now.toISOString(), notAfter))) throw reminderTooSoon(now.toISOString());
    const school = (await this.deps.schools.schoolOf(schoolId))!;
    for (const recipient of recipients) await this.deps.mail.send(reminderMail(recipient, school, campaign, this.deps.appUrl));
    await this.deps.audit.record({ actorId: userId, action: 'campaign_reminded', subject: campaign.id, details: { sent: recipients.length } });
    return { sent: recipients.length, sentAt: now.toISOString() };
  }

  /**
   * The team report of a campaign. It is built from the live aggregate and stored as it is
   * shown; a later request shows a new state only when at least the threshold of respondents
   * came or went since (privacy.ts, publicationDecision). Otherwise it shows the stored state
   * with a note, so two reports can never be subtracted to find one teacher. No report is made
   * for fewer respondents than the threshold (422 too_few_respondents).
   */
  async schoolReport(userId: string, schoolId: string, campaignId: string): Promise<SchoolReport> {
    await this.deps.schools.requireSchoolRole(userId, schoolId, readerRoles);
    const campaign = await this.campaignOf(schoolId, campaignId);
    const school = (await this.deps.schools.schoolOf(schoolId))!;
    const report = await this.currentReport(campaign, school);
    if (!report) {
      throw new AppError('too_few_respondents', `A report needs at least ${effectiveThreshold(campaign.min_group_size)} respondents; ask the team to finish their scan`);
    }
    return report;
  }

  // ------------------------------------------------------------ internals

  private async currentReport(campaign: CampaignRow, school: SchoolInfo): Promise<SchoolReport | null> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const [live, published] = await Promise.all([this.liveAggregate(campaign), this.repo.latestReport(campaign.id)]);
      const decision = publicationDecision(published ?? null, live, campaign.min_group_size);
      if (decision.kind === 'too_few') return null;
      if (decision.kind === 'keep') return keptReport(published!, campaign, school, decision.changed);
      const publishedAt = this.now().toISOString();
      const report = buildSchoolReport({
        campaign: campaignRef(campaign, school),
        framework: this.frameworkOf(campaign),
        team: live.team!,
        publishedAt,
        previous: await this.previousCampaign(campaign, school),
        ...(await this.comparisons(campaign, school)),
      });
      const stored = await this.repo.insertReport({
        campaignId: campaign.id,
        seq: (published?.seq ?? 0) + 1,
        publishedAt,
        respondents: live.respondents,
        respondentKeys: live.respondentKeys,
        body: JSON.stringify(report),
      });
      if (stored) return report;
      // Another request published first: decide again against what it stored.
    }
    throw new Error(`The report of campaign ${campaign.id} kept changing while it was published`);
  }

  private liveAggregate(campaign: CampaignRow): Promise<TeamAggregate> {
    return this.cohortAggregate(campaign, [this.cohortOf(campaign.school_id, campaignWindow(datesOf(campaign)))]);
  }

  private async cohortOf(schoolId: string, window: { from: string; to: string }): Promise<TeamCohort> {
    return { userIds: await this.deps.schools.teacherIdsOf(schoolId), ...window };
  }

  private async cohortAggregate(campaign: CampaignRow, cohorts: Array<Promise<TeamCohort>>, salt = campaign.id): Promise<TeamAggregate> {
    return this.deps.digisnap.teamAggregate({
      cohorts: await Promise.all(cohorts),
      frameworkId: campaign.framework_id,
      frameworkVersion: campaign.framework_version,
      threshold: campaign.min_group_size,
      respondentSalt: salt,
    });
  }

  /** The school's latest earlier campaign on the same framework with a report, as it stands. */
  private async previousCampaign(campaign: CampaignRow, school: SchoolInfo): Promise<PreviousCampaign | null> {
    const earlier = (await this.repo.listOfSchool(campaign.school_id)).filter(
      (other) => other.id !== campaign.id && other.framework_id === campaign.framework_id && other.opens_on < campaign.opens_on,
    );
    for (const other of earlier) {
      const report = await this.currentReport(other, school);
      if (report) return { campaignId: other.id, opensOn: other.opens_on, report };
    }
    return null;
  }

  /**
   * Other schools' campaigns on the same framework version, each school by its latest campaign
   * with a published report, and only the scans in that published state. Groups of fewer than
   * COMPARISON_MIN_SCHOOLS schools are not shown (privacy.ts, comparisonsAllowed).
   */
  private async comparisons(campaign: CampaignRow, school: SchoolInfo) {
    const latestPerSchool = new Map<string, PublishedCampaign>();
    for (const other of await this.repo.publishedCampaigns(campaign.framework_id, campaign.framework_version, campaign.school_id)) {
      if (!latestPerSchool.has(other.schoolId)) latestPerSchool.set(other.schoolId, other);
    }
    const all = [...latestPerSchool.values()];
    const sameLevel = school.educationLevel === null ? null : all.filter((other) => other.educationLevel === school.educationLevel);
    const allowed = comparisonsAllowed(all.length, sameLevel?.length ?? null);
    const aggregate = async (group: PublishedCampaign[]) => {
      const cohorts = group.map((other) => {
        const window = campaignWindow({ opensOn: other.opensOn, closesOn: other.closesOn, closedAt: other.closedAt });
        return this.cohortOf(other.schoolId, { from: window.from, to: window.to < other.publishedAt ? window.to : other.publishedAt });
      });
      return (await this.cohortAggregate(campaign, cohorts, 'comparison')).team;
    };
    const flandersTeam = allowed.flanders ? await aggregate(all) : null;
    const sameLevelTeam = allowed.sameLevel ? await aggregate(sameLevel!) : null;
    return {
      flanders: flandersTeam && { schools: all.length, team: flandersTeam },
      sameLevel: sameLevelTeam && { schools: sameLevel!.length, educationLevel: school.educationLevel!, team: sameLevelTeam },
    };
  }

  private async participation(campaign: CampaignRow) {
    return this.deps.digisnap.teamParticipation(await this.deps.schools.teacherIdsOf(campaign.school_id), {
      ...campaignWindow(datesOf(campaign)),
      frameworkId: campaign.framework_id,
      frameworkVersion: campaign.framework_version,
    });
  }

  private async toDto(row: CampaignRow): Promise<CampaignDto> {
    const [participation, report] = await Promise.all([this.participation(row), this.repo.latestReport(row.id)]);
    return {
      id: row.id,
      schoolId: row.school_id,
      frameworkId: row.framework_id,
      frameworkVersion: row.framework_version,
      opensOn: row.opens_on,
      closesOn: row.closes_on,
      teamMoment: row.team_moment,
      minGroupSize: Number(row.min_group_size),
      status: campaignStatus(datesOf(row), this.now()),
      closedAt: row.closed_at,
      createdAt: row.created_at,
      participation: { invited: participation.invited, started: participation.started, completed: participation.completed },
      reminders: { rounds: Number(row.reminder_rounds), sent: Number(row.reminders_sent), lastSentAt: row.reminded_at },
      report: {
        available: report !== undefined || participation.completed >= effectiveThreshold(Number(row.min_group_size)),
        publishedAt: report?.publishedAt ?? null,
      },
    };
  }

  private async campaignOf(schoolId: string, campaignId: string): Promise<CampaignRow> {
    const campaign = await this.repo.find(schoolId, campaignId);
    if (!campaign) throw notFound('Campaign', 'params.campaignId');
    return campaign;
  }

  private frameworkOf(campaign: CampaignRow) {
    const framework = this.deps.digisnap.frameworkLookup()(campaign.framework_id, campaign.framework_version);
    if (!framework) throw new Error(`Framework ${campaign.framework_id}@${campaign.framework_version} of campaign ${campaign.id} is not loaded`);
    return framework;
  }

  private checkDates(opensOn: string, closesOn: string): void {
    if (closesOn < opensOn) throw validationError('body.closesOn', 'closesOn must be on or after opensOn');
    if (closesOn < brusselsDate(this.now())) throw validationError('body.closesOn', 'closesOn must be today or later');
    const days = (Date.parse(closesOn) - Date.parse(opensOn)) / DAY_MS + 1;
    if (days > MAX_WINDOW_DAYS) throw validationError('body.closesOn', `A campaign lasts at most ${MAX_WINDOW_DAYS} days`);
  }
}

const datesOf = (row: Pick<CampaignRow, 'opens_on' | 'closes_on' | 'closed_at'>) => ({ opensOn: row.opens_on, closesOn: row.closes_on, closedAt: row.closed_at });

function overlapping(others: CampaignRow[], window: { from: string; to: string }): CampaignRow | undefined {
  return others.find((other) => windowsOverlap(campaignWindow(datesOf(other)), window));
}

/** Each scan counts for one campaign at most: two reports over overlapping windows could be subtracted. */
const overlapError = (clash: CampaignRow) =>
  conflict(`The window overlaps campaign ${clash.id} (${clash.opens_on} – ${clash.closes_on}); a scan counts for one campaign only`, 'body.opensOn');

const reminderTooSoon = (last: string) =>
  new AppError('rate_limited', `Reminders went out at ${last}; the next round can go ${REMINDER_INTERVAL_HOURS} hours later`, 'params.campaignId');

const campaignRef = (campaign: CampaignRow, school: SchoolInfo): SchoolReport['campaign'] => ({
  id: campaign.id,
  schoolId: campaign.school_id,
  schoolName: school.name,
  frameworkId: campaign.framework_id,
  frameworkVersion: campaign.framework_version,
  opensOn: campaign.opens_on,
  closesOn: campaign.closes_on,
});

/** The stored state, as it was published, under the campaign's current dates. */
function keptReport(stored: StoredReport, campaign: CampaignRow, school: SchoolInfo, changed: number): SchoolReport {
  const report = JSON.parse(stored.body) as SchoolReport;
  const threshold = effectiveThreshold(campaign.min_group_size);
  return {
    ...report,
    campaign: campaignRef(campaign, school),
    state: changed === 0 ? 'current' : 'kept',
    note:
      changed === 0
        ? null
        : {
            id: 'earlier_state_kept',
            message:
              `These are the numbers published at ${stored.publishedAt}. They change once at least ${threshold} respondents ` +
              'have come or gone since, so that no single teacher’s answers can be read from the difference.',
          },
  };
}

function reminderMail(recipient: { displayName: string; email: string }, school: SchoolInfo, campaign: CampaignRow, appUrl: string) {
  const link = `${appUrl.replace(/\/$/, '')}/scan`;
  const moment = campaign.team_moment ? `\nTeammoment / team session: ${campaign.team_moment}` : '';
  return {
    to: recipient.email,
    // Who gets a reminder is who has not finished: nobody may read that back from the outbox.
    confidential: true,
    subject: `Digisnap – ${school.name}: herinnering / reminder`,
    text:
      `Dag ${recipient.displayName},\n\n${school.name} neemt deel aan Digisnap tot en met ${campaign.closes_on}. ` +
      `Je hebt je scan nog niet ingediend; het duurt ongeveer 15 minuten: ${link}\n` +
      'Je antwoorden blijven van jou: je school ziet alleen groepscijfers.' +
      moment +
      `\n\n—\n\nHello ${recipient.displayName},\n\n${school.name} takes part in Digisnap until ${campaign.closes_on} inclusive. ` +
      `You have not submitted your scan yet; it takes about 15 minutes: ${link}\n` +
      'Your answers stay yours: your school only sees group figures.\n',
  };
}
