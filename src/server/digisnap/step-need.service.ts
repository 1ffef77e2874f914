import { competenceList, type Framework, LEVEL_CODES, type LevelCode } from '../../shared/digisnap/framework';
import type { ScanResult } from '../../shared/digisnap/scoring';
import { releaseStepNeeds, type StepNeedGroupCounts, type StepNeedRelease } from '../../shared/digisnap/step-needs';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { Uniform } from '../../shared/platform/differential-privacy';
import type { LatestScansRepository } from './latest-scans.repository';
import type { StepNeedRepository } from './step-need.repository';

/** A teacher's group: where the step needs are counted. */
export interface TeacherGroup {
  province: string;
  level: string;
}

export interface StepNeedRequest {
  /** Changes whenever a teacher's group may have changed: with the scan version and the targets, what a kept release was made for. */
  groupsVersion: string;
  /** Per teacher, their one group, a page at a time; teachers not in a page are not counted. Asked for only when no kept release fits. */
  teachers(): AsyncIterable<TeacherPage<TeacherGroup>>;
  /** Per competence the level a teacher should reach; a competence not named has the default. */
  targets: Readonly<Record<string, LevelCode>>;
  defaultTarget: LevelCode;
}

/** The release, and the scan version it was made at. */
export interface StepNeeds extends StepNeedRelease {
  scanVersion: number;
}

const SCOPE = 'flanders';

/**
 * The step needs of the knowledge centre (issue 14 §2): per province, education level and
 * competence, the teachers whose latest scan on the current framework is below the target. The
 * raw counts stay here; what comes out passed `releaseStepNeeds` (shared/digisnap/step-needs.ts).
 * A release is made once per data version (the scans' version, the groups' and the targets) and
 * kept in the database, so every read of that version, in any process, serves the same noise.
 */
export class StepNeedService {
  constructor(
    private readonly repo: StepNeedRepository,
    private readonly scans: LatestScansRepository,
    private readonly framework: () => Framework,
    private readonly noise: { epsilon: number; uniform: Uniform },
    private readonly now: () => string,
  ) {}

  /** The scans' data version: one indexed read, bumped by every change to a submitted scan. */
  scanVersion(): Promise<number> {
    return this.repo.version();
  }

  async release(request: StepNeedRequest, threshold: number): Promise<StepNeeds> {
    const framework = this.framework();
    const scanVersion = await this.repo.version();
    const targets = competenceList(framework).map((c) => `${c.code}=${request.targets[c.code] ?? request.defaultTarget}`);
    const signature = [framework.id, framework.version, scanVersion, request.groupsVersion, threshold, this.noise.epsilon, ...targets].join('|');
    const stored = await this.repo.stored(SCOPE);
    if (stored?.signature === signature) return JSON.parse(stored.body) as StepNeeds;
    const counts = await this.count(framework, request);
    const release: StepNeeds = { scanVersion, ...releaseStepNeeds(counts, { ...this.noise, threshold }) };
    return JSON.parse(await this.repo.keep({ scope: SCOPE, signature, body: JSON.stringify(release), releasedAt: this.now() })) as StepNeeds;
  }

  /** Raw counts per group of each teacher's latest scan: below the target or not, per competence. */
  private async count(framework: Framework, request: StepNeedRequest): Promise<StepNeedGroupCounts[]> {
    const competences = competenceList(framework).map((c) => c.code);
    const targetRank = competences.map((code) => LEVEL_CODES.indexOf(request.targets[code] ?? request.defaultTarget));
    const byGroup = new Map<string, StepNeedGroupCounts>();
    const groupOf = (group: TeacherGroup) => {
      const key = `${group.province}\u0000${group.level}`;
      let counts = byGroup.get(key);
      if (!counts) {
        counts = { province: group.province, level: group.level, competences: competences.map((code) => ({ code, below: 0, atOrAbove: 0 })) };
        byGroup.set(key, counts);
      }
      return counts;
    };
    const position = new Map(competences.map((code, i) => [code, i]));
    for await (const page of request.teachers()) {
      for (const group of page.teachers.values()) groupOf(group);
      for (const row of await this.scans.inRange(framework, page)) {
        const group = page.teachers.get(row.user_id);
        if (!group || row.result === null) continue;
        const cells = groupOf(group).competences;
        for (const competence of (JSON.parse(row.result) as ScanResult).competences) {
          const i = position.get(competence.code);
          if (i === undefined) continue;
          if (LEVEL_CODES.indexOf(competence.level) < targetRank[i]) cells[i].below += 1;
          else cells[i].atOrAbove += 1;
        }
      }
    }
    return [...byGroup.values()].sort((a, b) => (a.province + a.level < b.province + b.level ? -1 : 1));
  }
}
