import { ALL_EDUCATION_LEVELS, gapOf, rankGaps } from '../../shared/centre/gap';
import {
  type CentreTarget,
  DEFAULT_OFFER_MONTHS,
  DEFAULT_TARGET,
  type GapMessageBody,
  type GapProviders,
  type NeedsOffer,
  type NeedsOfferCell,
  type NeedsOfferQuery,
} from '../../shared/centre/needs-offer.api';
import { competenceList, type Framework, LEVEL_CODES, type LevelCode } from '../../shared/digisnap/framework';
import type { StepNeedRelease } from '../../shared/digisnap/step-needs';
import { notFound, validationError } from '../../shared/errors';
import type { AccessPolicy } from '../platform/access/access';
import type { AuditRepository } from '../platform/audit/audit.repository';
import { nowIso } from '../platform/ids';
import type { MailService } from '../platform/mail/mail.service';
import type { NeedsOfferNeeds, TrainingOfferSource } from './needs-offer.needs';
import type { NeedsOfferRepository } from './needs-offer.repository';

/**
 * How long a process trusts the data versions it read last (scans, teachers' schools, the
 * catalogue, the targets). A read is then a lookup of kept bytes; a target set in this process is
 * seen at once, a submit or a session change within this time, in any process.
 */
export const NEEDS_OFFER_RECHECK_MS = 1_000;
/** The smallest group a published count may describe (never below 5, see the privacy gate). */
const THRESHOLD = 5;
/** Answers kept per data version, one per filter; more and the oldest go. */
const KEPT_ANSWERS = 256;

type Offer = Awaited<ReturnType<TrainingOfferSource['placesOffered']>>;

/** One data version: the released need, the targets, the offer per window, and every answer as the bytes sent. */
interface NeedsOfferData {
  key: string;
  need: StepNeedRelease & { scanVersion: number };
  targets: Map<string, LevelCode>;
  day: string;
  offers: Map<number, Promise<Map<string, Offer>>>;
  answers: Map<string, Buffer>;
}

/**
 * The knowledge centre's needs against the training offer (issue 14 §2). Not a nightly job: the
 * answer is made once per data version (the scans' version, the teachers' schools, the
 * catalogue's version, the targets and the day) and kept as bytes per filter, so a repeated read
 * is a lookup, and a submit or a session change is seen at the next recheck.
 */
export class NeedsOfferService {
  private data: NeedsOfferData | null = null;
  private loading: Promise<NeedsOfferData> | null = null;
  private recheckAt = 0;
  private readonly now: () => number;

  constructor(
    private readonly repo: NeedsOfferRepository,
    private readonly needs: NeedsOfferNeeds,
    private readonly deps: { access: AccessPolicy; audit: AuditRepository; mail: MailService; now?: () => number },
  ) {
    this.now = deps.now ?? (() => Date.now());
  }

  /** The ranked cells of the filters, as JSON bytes. */
  async needsVersusOfferJson(userId: string, query: NeedsOfferQuery): Promise<Buffer> {
    await this.deps.access.requirePlatform(userId, 'readCentre');
    this.checkCompetence(query.competence, 'querystring.competence');
    const data = await this.current();
    const key = `${query.months}\u0000${query.province ?? ''}\u0000${query.level ?? ''}\u0000${query.competence ?? ''}`;
    const kept = data.answers.get(key);
    if (kept) return kept;
    const bytes = Buffer.from(JSON.stringify(await this.answer(data, query)));
    if (data.answers.size >= KEPT_ANSWERS) data.answers.delete(data.answers.keys().next().value as string);
    data.answers.set(key, bytes);
    return bytes;
  }

  /** The same as an object: for the open data and the tests. */
  async needsVersusOffer(userId: string, query: NeedsOfferQuery): Promise<NeedsOffer> {
    return JSON.parse((await this.needsVersusOfferJson(userId, query)).toString('utf8')) as NeedsOffer;
  }

  /**
   * Every cell, per education level and each province's sum, with the default window: the open
   * dataset. No access check: every count passed the privacy gate, and the centre publishes them.
   */
  async publishedCells(): Promise<NeedsOfferCell[]> {
    const data = await this.current();
    const levels = [...new Set(data.need.cells.map((cell) => cell.level))];
    const answers = await Promise.all(levels.map((level) => this.answer(data, { months: DEFAULT_OFFER_MONTHS, level: level as NeedsOfferQuery['level'] })));
    return answers.flatMap((answer) => answer.cells);
  }

  /** Sets the level teachers should reach in a competence: audited, seen by the next read here. */
  async setTarget(userId: string, competence: string, level: LevelCode): Promise<{ targets: CentreTarget[] }> {
    await this.deps.access.requirePlatform(userId, 'actOnGaps');
    if (!this.competenceCodes().includes(competence)) throw notFound(`Competence ${competence}`, 'params.competence');
    await this.repo.setTarget({ competence, level, at: nowIso(), by: userId }, { actorId: userId, action: 'centre_target_set', subject: competence, details: { level } });
    this.recheckAt = 0;
    return { targets: this.targetList(await this.readTargets()) };
  }

  /** Verified providers with published trainings on a competence of the same area, in the province or online. */
  async gapProviders(userId: string, query: { province: string; competence: string }): Promise<GapProviders> {
    await this.deps.access.requirePlatform(userId, 'readCentre');
    const area = this.areaOf(query.competence, 'querystring.competence');
    return { area: area.number, providers: await this.needs.offer.providersNear(area.codes, query.province) };
  }

  /**
   * Mails each chosen provider about a gap through the outbox, and audits it with the gap. Every
   * provider must be verified: otherwise nothing is sent and the answer names the first that is not.
   */
  async messageProviders(userId: string, body: GapMessageBody): Promise<{ sent: number }> {
    await this.deps.access.requirePlatform(userId, 'actOnGaps');
    this.checkCompetence(body.competence, 'body.competence');
    const ids = [...new Set(body.providerIds)];
    const verified = await this.needs.offer.verifiedProviders(ids);
    const known = new Set(verified.map((provider) => provider.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw validationError(`body.providerIds.${body.providerIds.indexOf(missing)}`, `Provider ${missing} is unknown or not verified`);
    for (const provider of verified) await this.deps.mail.send({ to: provider.contactEmail, subject: body.subject, text: body.message });
    await this.deps.audit.record({
      actorId: userId,
      action: 'centre_gap_message_sent',
      subject: body.competence,
      details: { province: body.province, level: body.level, competence: body.competence, providers: verified.map((p) => p.id) },
    });
    return { sent: verified.length };
  }

  // ------------------------------------------------------------ internals

  private async answer(data: NeedsOfferData, query: NeedsOfferQuery): Promise<NeedsOffer> {
    const level = query.level ?? ALL_EDUCATION_LEVELS;
    const { from, to } = offerWindow(data.day, query.months);
    let offer = data.offers.get(query.months);
    if (!offer) {
      offer = this.needs.offer.placesOffered({ from, to }).then(byCompetence);
      data.offers.set(query.months, offer);
    }
    const offered = await offer;
    const targetOf = (code: string) => data.targets.get(code) ?? DEFAULT_TARGET;
    const cells = data.need.cells
      .filter((cell) => cell.level === level && (!query.province || cell.province === query.province) && (!query.competence || cell.competence === query.competence))
      .map((cell) => {
        const places = placesWithin(offered.get(cell.competence) ?? [], cell.province, cell.level, targetOf(cell.competence));
        return { ...cell, key: `${cell.province}\u0000${cell.competence}`, places, ...gapOf(cell.need, places) };
      });
    return {
      months: query.months,
      offerFrom: from.slice(0, 10),
      offerTo: to.slice(0, 10),
      threshold: data.need.threshold,
      epsilon: data.need.epsilon,
      scanVersion: data.need.scanVersion,
      targets: this.targetList(data.targets),
      cells: rankGaps(cells).map(({ key: _key, ...cell }, i) => ({ ...cell, rank: i + 1 }) as NeedsOfferCell),
    };
  }

  /** The data of the current versions: made anew when one changed, one load at a time. */
  private async current(): Promise<NeedsOfferData> {
    if (this.data && this.now() < this.recheckAt) return this.data;
    const [scanVersion, groupsVersion, catalogueVersion, targets] = await Promise.all([
      this.needs.stepNeeds.scanVersion(),
      this.needs.teacherGroups.version(),
      this.needs.offer.version(),
      this.readTargets(),
    ]);
    this.recheckAt = this.now() + NEEDS_OFFER_RECHECK_MS;
    const day = new Date(this.now()).toISOString().slice(0, 10);
    const key = [scanVersion, groupsVersion, catalogueVersion, day, ...[...targets].map(([code, level]) => `${code}=${level}`)].join('|');
    if (this.data?.key === key) return this.data;
    if (this.loading) return this.loading;
    this.loading = this.needs.stepNeeds
      .release({ groupsVersion, teachers: () => this.needs.teacherGroups.pages(), targets: Object.fromEntries(targets), defaultTarget: DEFAULT_TARGET }, THRESHOLD)
      .then((need) => {
        this.data = { key, need, targets, day, offers: new Map(), answers: new Map() };
        return this.data;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  private async readTargets(): Promise<Map<string, LevelCode>> {
    const codes = new Set(this.competenceCodes());
    return new Map((await this.repo.targets()).filter((t) => codes.has(t.competence)).map((t) => [t.competence, t.level as LevelCode]));
  }

  private targetList(targets: ReadonlyMap<string, LevelCode>): CentreTarget[] {
    return competenceList(this.framework()).map((c) => ({ competence: c.code, name: c.name, area: c.areaNumber, level: targets.get(c.code) ?? DEFAULT_TARGET }));
  }

  private framework(): Framework {
    return this.needs.stepNeeds.currentFramework();
  }

  private competenceCodes(): string[] {
    return competenceList(this.framework()).map((c) => c.code);
  }

  private checkCompetence(code: string | undefined, field: string): void {
    if (code !== undefined && !this.competenceCodes().includes(code)) throw validationError(field, `${code} is no competence of ${this.framework().label.en}`);
  }

  private areaOf(code: string, field: string): { number: number; codes: string[] } {
    const competence = competenceList(this.framework()).find((c) => c.code === code);
    if (!competence) throw validationError(field, `${code} is no competence of ${this.framework().label.en}`);
    return {
      number: competence.areaNumber,
      codes: competenceList(this.framework())
        .filter((c) => c.areaNumber === competence.areaNumber)
        .map((c) => c.code),
    };
  }
}

/** Sessions from the start of the day (UTC) to the same day `months` later. */
export function offerWindow(day: string, months: number): { from: string; to: string } {
  const from = new Date(`${day}T00:00:00.000Z`);
  const to = new Date(from);
  to.setUTCMonth(to.getUTCMonth() + months);
  return { from: from.toISOString(), to: to.toISOString() };
}

function byCompetence(rows: Offer): Map<string, Offer> {
  const map = new Map<string, Offer>();
  for (const row of rows) map.set(row.competence, [...(map.get(row.competence) ?? []), row]);
  return map;
}

/** Places within reach of a cell: in the province or online, for its education level (any for a province's sum), starting below the target. */
function placesWithin(rows: Offer, province: string, level: string, target: LevelCode): number {
  const targetRank = LEVEL_CODES.indexOf(target);
  let places = 0;
  for (const row of rows) {
    if (LEVEL_CODES.indexOf(row.fromLevel as LevelCode) >= targetRank) continue;
    if (!row.online && row.province !== province) continue;
    if (level !== ALL_EDUCATION_LEVELS && !row.educationLevels.includes(level)) continue;
    places += row.places;
  }
  return places;
}
