import { decidePublication, effectiveThreshold, type PublicationDecision, publicationDecision } from '../../../shared/digisnap/privacy';
import type { PublishedTeam, TeamSource, TeamState } from '../../../shared/digisnap/team-aggregates';
import { AppError, conflict, notFound, validationError } from '../../../shared/errors';
import { formatDate } from '../../../shared/i18n/format';
import {
  brusselsDate,
  type CampaignDto,
  campaignStatus,
  campaignWindow,
  type MyCampaignDto,
  type OpenCampaignBody,
  REMINDER_INTERVAL_HOURS,
  windowProblem,
  windowsOverlap,
} from '../../../shared/school/campaign/campaign';
import { buildSchoolReport, type PreviousCampaign, type SchoolReport, type SchoolReportInput, schoolReportSchema } from '../../../shared/school/campaign/report';
import type { AccessPolicy } from '../../platform/access/access';
import type { AuditRepository } from '../../platform/audit/audit.repository';
import type { AuthService } from '../../platform/auth/auth.service';
import { newId } from '../../platform/ids';
import type { MailService } from '../../platform/mail/mail.service';
import type { DigisnapAggregates } from '../school.needs';
import { type SchoolInfo, type SchoolService, schoolRolesOf } from '../school.service';
import type { CampaignRepository, CampaignRow, ReportView } from './campaign.repository';

export interface CampaignDeps {
  /** The access check every use case starts with. */
  access: AccessPolicy;
  schools: SchoolService;
  digisnap: DigisnapAggregates;
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
  /**
   * The answer last made from each report view, while the repository keeps that view (a second
   * at most): a repeated read sends the same bytes instead of building a 22 KB buffer again.
   */
  private readonly answers = new WeakMap<ReportView, { changed: number; answer: Buffer }>();

  constructor(
    private readonly repo: CampaignRepository,
    private readonly deps: CampaignDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  async openCampaign(userId: string, schoolId: string, body: OpenCampaignBody): Promise<CampaignDto> {
    await this.deps.access.require(userId, 'manageCampaigns', schoolId);
    const current = this.deps.digisnap.currentFramework();
    const frameworkVersion = body.frameworkVersion ?? current.version;
    if (!this.deps.digisnap.hasFramework(current.id, frameworkVersion)) {
      throw validationError('body.frameworkVersion', `${current.id} has no version ${frameworkVersion}`);
    }
    // A campaign that opened in the past would count scans its teachers took before anyone asked them.
    if (body.opensOn < brusselsDate(this.now())) throw validationError('body.opensOn', 'opensOn must be today or later: a campaign cannot open in the past');
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

  /**
   * The caller's own view: the campaigns open now in the schools where they take Digisnap, so
   * the scan can say before submitting which schools will count it. Needs no capability: it
   * names only the caller's own schools, and nothing of anyone else.
   */
  async myOpenCampaigns(userId: string): Promise<MyCampaignDto[]> {
    const now = this.now();
    const items: MyCampaignDto[] = [];
    for (const school of await this.deps.schools.takerSchoolsOf(userId)) {
      for (const row of await this.repo.listOfSchool(school.schoolId)) {
        if (campaignStatus(datesOf(row), now) !== 'open') continue;
        items.push({
          campaignId: row.id,
          schoolId: school.schoolId,
          schoolName: school.schoolName,
          closesOn: row.closes_on,
          minGroupSize: effectiveThreshold(Number(row.min_group_size)),
        });
      }
    }
    return items;
  }

  async listCampaigns(userId: string, schoolId: string): Promise<CampaignDto[]> {
    await this.deps.access.require(userId, 'readCampaigns', schoolId);
    return this.listCampaignsAsOperator(schoolId);
  }

  /** The school's campaigns without an access check: a platform admin's support read of a board's overview. */
  async listCampaignsAsOperator(schoolId: string): Promise<CampaignDto[]> {
    const rows = await this.repo.listOfSchool(schoolId);
    return Promise.all(rows.map((row) => this.toDto(row)));
  }

  async getCampaign(userId: string, schoolId: string, campaignId: string): Promise<CampaignDto> {
    await this.deps.access.require(userId, 'readCampaigns', schoolId);
    return this.toDto(await this.campaignOf(schoolId, campaignId));
  }

  async closeCampaign(userId: string, schoolId: string, campaignId: string): Promise<CampaignDto> {
    await this.deps.access.require(userId, 'manageCampaigns', schoolId);
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
    await this.deps.access.require(userId, 'manageCampaigns', schoolId);
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
   * many were sent, never to whom; one round a day at most (429 rate_limited). With everyone
   * finished nothing goes out, and the day's round is kept for when someone joins.
   */
  async remindCampaign(userId: string, schoolId: string, campaignId: string): Promise<{ sent: number; sentAt: string | null }> {
    await this.deps.access.require(userId, 'manageCampaigns', schoolId);
    const campaign = await this.campaignOf(schoolId, campaignId);
    const now = this.now();
    if (campaignStatus(datesOf(campaign), now) !== 'open') throw conflict('Reminders go out only while the campaign is open', 'params.campaignId');
    const notAfter = new Date(now.getTime() - REMINDER_INTERVAL_HOURS * 3_600_000).toISOString();
    if (campaign.reminded_at !== null && campaign.reminded_at > notAfter) throw reminderTooSoon(campaign.reminded_at);
    const { notCompletedIds } = await this.participation(campaign);
    const recipients = await this.deps.auth.usersByIds(notCompletedIds);
    if (recipients.length === 0) return { sent: 0, sentAt: null };
    if (!(await this.repo.recordReminders(campaign.id, recipients.length, now.toISOString(), notAfter))) throw reminderTooSoon(now.toISOString());
    const school = (await this.deps.schools.schoolOf(schoolId))!;
    for (const recipient of recipients) await this.deps.mail.send(reminderMail(recipient, school, campaign, this.deps.appUrl));
    await this.deps.audit.record({ actorId: userId, action: 'campaign_reminded', subject: campaign.id, details: { sent: recipients.length } });
    return { sent: recipients.length, sentAt: now.toISOString() };
  }

  /**
   * The team report of a campaign, as the JSON the API sends. Each state is built from a
   * publication of the digisnap module's stored team aggregate (noisy distributions, the noise
   * drawn once) and stored as it is shown; every read serves the stored state. The round's
   * respondents are fixed once published: a later request shows a new state only when at least
   * the threshold of new respondents came (privacy.ts, decidePublication); nobody leaves a
   * published round. Otherwise it shows the stored state, with a note when new respondents are
   * waiting. No report is made for fewer respondents than the threshold (422 too_few_respondents).
   * A read while nothing changed is a few indexed reads: the stored bytes go out behind a fresh head.
   */
  async schoolReportJson(userId: string, schoolId: string, campaignId: string): Promise<Buffer> {
    // The access check and the campaign's report view come in one read (repo.reportAccess).
    const found = await this.repo.reportAccess(userId, schoolId, campaignId);
    this.deps.access.requireOf(found ? schoolRolesOf(found.ownRoles, found.boardAdmin) : [], 'readCampaigns');
    return this.reportOf(found?.view);
  }

  /** The team report as an object, without an access check (a platform admin's support read of a board's overview): the same privacy gate. */
  async schoolReportAsOperator(schoolId: string, campaignId: string): Promise<SchoolReport> {
    return JSON.parse((await this.reportOf(await this.repo.reportView(schoolId, campaignId))).toString('utf8')) as SchoolReport;
  }

  /** The report's bytes as published (see `schoolReportJson`): 404 without a campaign, 422 under the threshold. */
  private async reportOf(view: ReportView | undefined): Promise<Buffer> {
    if (!view) throw notFound('Campaign', 'params.campaignId');
    const report = await this.currentReport(view);
    if (report === null) {
      throw new AppError('too_few_respondents', `A report needs at least ${effectiveThreshold(view.campaign.min_group_size)} respondents; ask the team to finish their scan`);
    }
    return report;
  }

  /** The team report as an object (CSV, spreadsheet, training plan); see `schoolReportJson`. */
  async schoolReport(userId: string, schoolId: string, campaignId: string): Promise<SchoolReport> {
    return JSON.parse((await this.schoolReportJson(userId, schoolId, campaignId)).toString('utf8')) as SchoolReport;
  }

  // ------------------------------------------------------------ internals

  private async currentReport(first: ReportView): Promise<Buffer | null> {
    let view = first;
    const threshold = effectiveThreshold(view.campaign.min_group_size);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const source = this.teamSource(view);
      const step = await this.nextStep(view, source, await this.deps.digisnap.teamState(source));
      if (step.kind === 'too_few') return null;
      if (step.kind === 'keep') return this.storedReport(view, step.changed);
      const digisnap = this.deps.digisnap;
      const published = step.kind === 'publish' ? await digisnap.publishTeamIfDue(source, threshold, await this.comparisonPart(view)) : await digisnap.publishedTeam(source, threshold);
      const body = published && (await this.store(view, published));
      if (body) return Buffer.from(body);
      // Another request published or stored first: decide again against what it left.
      view = (await this.repo.reportView(view.campaign.school_id, view.campaign.id))!;
    }
    throw new Error(`The report of campaign ${view.campaign.id} kept changing while it was published`);
  }

  /**
   * What to show: the stored state or a new one (the privacy gate decides), or `render` when
   * the team aggregate published a state no stored report shows yet (its request stopped
   * before storing it, or is storing it now).
   */
  private async nextStep(view: ReportView, source: TeamSource, state: TeamState): Promise<PublicationDecision | { kind: 'render' }> {
    const stored = view.report;
    const threshold = view.campaign.min_group_size;
    if (stored?.publication === state.publication) return decidePublication({ published: true, ...state }, threshold);
    if (state.publication > (stored?.publication ?? 0)) return { kind: 'render' };
    if (stored === null) return decidePublication({ published: false, ...state }, threshold);
    // Stored before the team aggregate kept its published state: the stored respondent keys decide, as they did then.
    const keys = (await this.repo.latestReport(view.campaign.id))!.respondentKeys;
    return publicationDecision({ respondentKeys: keys }, { respondentKeys: await this.deps.digisnap.liveRespondentKeys(source) }, threshold);
  }

  /** The campaign's team as the digisnap module counts it: the school's Digisnap takers, in the campaign's window. */
  private teamSource(view: ReportView): TeamSource {
    const { campaign } = view;
    return {
      teamId: campaign.id,
      frameworkId: campaign.framework_id,
      frameworkVersion: campaign.framework_version,
      ...campaignWindow(datesOf(campaign)),
      membersVersion: String(view.membersVersion),
      members: () => this.deps.schools.teachersSince(campaign.school_id),
    };
  }

  /** The latest stored state, as the API sends it; see reportJson. */
  private async storedReport(view: ReportView, changed: number): Promise<Buffer> {
    const made = this.answers.get(view);
    if (made?.changed === changed) return made.answer;
    const body = await this.repo.storedBody(view.campaign.id, view.report!.seq);
    if (!body) throw new Error(`Stored state ${view.report!.seq} of campaign ${view.campaign.id} is gone`);
    const answer = reportJson(view, body, changed);
    this.answers.set(view, { changed, answer });
    return answer;
  }

  /** Builds the report of a published team state and stores it as the next state; null when another request stored that one first. */
  private async store(view: ReportView, published: PublishedTeam): Promise<string | null> {
    const { campaign } = view;
    const publishedAt = this.now().toISOString();
    const report = buildSchoolReport({
      campaign: campaignRef(campaign, view.schoolName),
      framework: this.frameworkOf(campaign),
      team: published.team,
      publishedAt,
      previous: await this.previousCampaign(view),
      ...(await this.comparisons(view)),
    });
    // The very bytes the response serializer writes, so the stored state can go out as it is.
    const body = JSON.stringify(schoolReportSchema.encode(report));
    const stored = await this.repo.insertReport({
      campaignId: campaign.id,
      seq: (view.report?.seq ?? 0) + 1,
      publishedAt,
      respondents: published.respondents,
      respondentKeys: published.respondentKeys,
      body,
      publication: published.publication,
    });
    return stored ? body : null;
  }

  /** The school's latest earlier campaign on the same framework with a report, as it stands. */
  private async previousCampaign(view: ReportView): Promise<PreviousCampaign | null> {
    const { campaign } = view;
    const earlier = (await this.repo.listOfSchool(campaign.school_id)).filter(
      (other) => other.id !== campaign.id && other.framework_id === campaign.framework_id && other.opens_on < campaign.opens_on,
    );
    for (const other of earlier) {
      const otherView = await this.repo.reportView(other.school_id, other.id);
      const report = otherView && (await this.currentReport(otherView));
      if (report) return { campaignId: other.id, opensOn: other.opens_on, report: JSON.parse(report.toString('utf8')) as SchoolReport };
    }
    return null;
  }

  /**
   * Other schools on the same framework version, each by the published state of its latest
   * campaign with a report, as the digisnap module adds them up; it shows a group only when
   * privacy.ts (comparisonsAllowed) allows it.
   */
  private async comparisons(view: ReportView): Promise<Pick<SchoolReportInput, 'flanders' | 'sameLevel'>> {
    const { campaign, schoolLevel } = view;
    const groups = await this.deps.digisnap.teamComparisons({
      frameworkId: campaign.framework_id,
      frameworkVersion: campaign.framework_version,
      exceptMember: campaign.school_id,
      level: schoolLevel,
      threshold: campaign.min_group_size,
    });
    return {
      flanders: groups.all && { schools: groups.all.members, team: groups.all.team },
      sameLevel: groups.level && schoolLevel !== null ? { schools: groups.level.members, educationLevel: schoolLevel, team: groups.level.team } : null,
    };
  }

  /** A campaign stands for its school in comparisons unless a later one of the same framework version has a report. */
  private async comparisonPart(view: ReportView) {
    const { campaign } = view;
    return (await this.repo.hasLaterReportedCampaign(campaign)) ? undefined : { member: campaign.school_id, level: campaign.education_level };
  }

  private async participation(campaign: CampaignRow) {
    return this.deps.digisnap.teamParticipation(await this.deps.schools.teachersSince(campaign.school_id), {
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
    const problem = windowProblem(opensOn, closesOn, brusselsDate(this.now()), 'campaign');
    if (problem) throw validationError('body.closesOn', problem);
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

const campaignRef = (campaign: CampaignRow, schoolName: string): SchoolReport['campaign'] => ({
  id: campaign.id,
  schoolId: campaign.school_id,
  schoolName,
  frameworkId: campaign.framework_id,
  frameworkVersion: campaign.framework_version,
  opensOn: campaign.opens_on,
  closesOn: campaign.closes_on,
});

/** Where a stored report's tables begin: its first key after the head (see reportJson). */
const TABLES_START = ',"publishedAt":';

/**
 * A stored state as the API sends it, under the campaign's current dates and school name: a
 * head of its own, then the stored bytes from `publishedAt` on. The schema's keys come in that
 * order, and no string in the head can hold the marker, as JSON escapes every quote in it.
 */
function reportJson(view: ReportView, body: Buffer, changed: number): Buffer {
  const stored = view.report!;
  const threshold = effectiveThreshold(view.campaign.min_group_size);
  const head = {
    campaign: campaignRef(view.campaign, view.schoolName),
    threshold,
    state: changed === 0 ? ('current' as const) : ('kept' as const),
    note: changed === 0 ? null : { id: 'earlier_state_kept' as const, message: keptNote(stored.publishedAt, threshold) },
  };
  const tables = body.indexOf(TABLES_START);
  if (tables < 0) return Buffer.from(JSON.stringify(schoolReportSchema.encode({ ...(JSON.parse(body.toString('utf8')) as SchoolReport), ...head })));
  return Buffer.concat([Buffer.from(JSON.stringify(head).slice(0, -1)), body.subarray(tables)]);
}

const keptNote = (publishedAt: string, threshold: number) =>
  `These are the numbers published at ${publishedAt}. They change once at least ${threshold} new respondents ` +
  'have submitted since, so that no single teacher’s answers can be read from the difference.';

function reminderMail(recipient: { displayName: string; email: string }, school: SchoolInfo, campaign: CampaignRow, appUrl: string) {
  const link = `${appUrl.replace(/\/$/, '')}/scan`;
  const moment = campaign.team_moment ? `\nTeammoment / team session: ${campaign.team_moment}` : '';
  return {
    to: recipient.email,
    // Who gets a reminder is who has not finished: nobody may read that back from the outbox.
    confidential: true,
    subject: `Digisnap – ${school.name}: herinnering / reminder`,
    text:
      `Dag ${recipient.displayName},\n\nDe Digisnap-afname van ${school.name} loopt tot en met ${formatDate(campaign.closes_on, 'nl')}. ` +
      `Je hebt je scan nog niet ingediend; het duurt ongeveer 15 minuten: ${link}\n` +
      'Je antwoorden blijven van jou: je school ziet alleen groepscijfers.' +
      moment +
      `\n\n—\n\nHello ${recipient.displayName},\n\nThe Digisnap round of ${school.name} runs until ${formatDate(campaign.closes_on, 'en')} inclusive. ` +
      `You have not submitted your scan yet; it takes about 15 minutes: ${link}\n` +
      'Your answers stay yours: your school only sees group figures.\n',
  };
}
