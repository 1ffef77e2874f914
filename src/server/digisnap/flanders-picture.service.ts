import type { FlandersPicture } from '../../shared/centre/digisnap-picture';
import { type PictureBreakdown, pictureBreakdowns } from '../../shared/centre/picture-vocabulary';
import { drawPictureNoise, type FlandersSchool, PictureCounter, type PictureCounts, releaseFlandersPicture, type TeacherLevels } from '../../shared/digisnap/flanders-picture';
import { competenceList, type Framework, type LevelCode } from '../../shared/digisnap/framework';
import { MIN_GROUP_SIZE } from '../../shared/digisnap/privacy';
import type { ScanResult } from '../../shared/digisnap/scoring';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';
import type { Uniform } from '../../shared/platform/differential-privacy';
import { newId, sha256 } from '../platform/ids';
import type { FlandersPictureRepository } from './flanders-picture.repository';
import type { LatestScansRepository } from './latest-scans.repository';

/** Every breakdown's picture of one release. */
export type PictureRelease = Record<PictureBreakdown, FlandersPicture>;

/** Per breakdown and group key, the histograms: what a release stores of its noise. */
type StoredNoise = Record<PictureBreakdown, Record<string, number[][]>>;

/**
 * The knowledge centre's Flanders picture, inside the digisnap module: counts every teacher's
 * latest scan of the current framework since a moment, and releases the counts through the
 * picture's gate (shared/digisnap/flanders-picture.ts). A release is the noise drawn for one set
 * of counts: it is stored under a hash of those counts, so the same data gives the same release
 * and reading again spends no privacy budget; new data draws new noise.
 */
export class FlandersPictureService {
  constructor(
    private readonly repo: FlandersPictureRepository,
    private readonly scans: LatestScansRepository,
    private readonly framework: () => Framework,
    private readonly now: () => string,
    private readonly noise: { epsilon: number; uniform: Uniform },
  ) {}

  /** A number that changes with every change to a submitted scan: what a kept picture is checked against. */
  scansVersion(): Promise<number> {
    return this.repo.scansVersion();
  }

  /** The picture of every breakdown for these schools' teachers (each with their schools, a page at a time) and the scans submitted from `from` on. */
  async release(schools: readonly FlandersSchool[], teachers: AsyncIterable<TeacherPage<readonly string[]>>, from: string): Promise<PictureRelease> {
    const framework = this.framework();
    const counts = await this.count(schools, teachers, framework, from);
    const respondents = counts.none[0]?.histograms[0].reduce((sum, count) => sum + count, 0) ?? 0;
    const row = respondents === 0 ? null : await this.storedRelease(counts, framework, from);
    const noisy = row ? withNoise(counts, JSON.parse(row.noisy) as StoredNoise) : counts;
    const facts = row && { id: row.id, releasedAt: row.released_at, from, epsilon: row.epsilon, threshold: MIN_GROUP_SIZE };
    return Object.fromEntries(pictureBreakdowns.map((breakdown) => [breakdown, releaseFlandersPicture(noisy, breakdown, framework, facts)])) as PictureRelease;
  }

  /** The release kept for exactly these counts, or a new one with its noise drawn now. */
  private async storedRelease(counts: PictureCounts, framework: Framework, from: string) {
    const dataHash = sha256(JSON.stringify({ from, framework: [framework.id, framework.version], histograms: histogramsOf(counts) }));
    const kept = await this.repo.findRelease(dataHash);
    if (kept) return kept;
    const noisy = drawPictureNoise(counts, this.noise.epsilon, this.noise.uniform);
    return this.repo.keepRelease({
      data_hash: dataHash,
      id: newId(),
      released_at: this.now(),
      window_from: from,
      framework_id: framework.id,
      framework_version: framework.version,
      epsilon: this.noise.epsilon,
      noisy: JSON.stringify(histogramsOf(noisy)),
    });
  }

  /** The counts of these schools' teachers, each with the levels of their latest scan of the framework version submitted from `from` on. */
  private async count(schools: readonly FlandersSchool[], teachers: AsyncIterable<TeacherPage<readonly string[]>>, framework: Framework, from: string): Promise<PictureCounts> {
    const counter = new PictureCounter(schools, framework);
    const areaIndex = new Map(framework.areas.map((area, i) => [area.number, i]));
    const competenceIndex = new Map(competenceList(framework).map((competence, i) => [competence.code, i]));
    const levelsOf = (json: string): TeacherLevels => {
      const result = JSON.parse(json) as ScanResult;
      const areas: LevelCode[] = new Array(areaIndex.size);
      for (const area of result.areas) {
        const i = areaIndex.get(area.number);
        if (i !== undefined) areas[i] = area.level;
      }
      const competences: LevelCode[] = new Array(competenceIndex.size);
      for (const competence of result.competences) {
        const i = competenceIndex.get(competence.code);
        if (i !== undefined) competences[i] = competence.level;
      }
      return { overall: result.level, areas, competences };
    };
    for await (const page of teachers) {
      const results = new Map<string, string | null>();
      for (const row of await this.scans.inRange(framework, page, from)) results.set(row.user_id, row.result);
      for (const [teacherId, schoolIds] of page.teachers) {
        const result = results.get(teacherId);
        counter.add(schoolIds, result ? levelsOf(result) : undefined);
      }
    }
    return counter.result();
  }
}

function histogramsOf(counts: PictureCounts): StoredNoise {
  return Object.fromEntries(pictureBreakdowns.map((breakdown) => [breakdown, Object.fromEntries(counts[breakdown].map((group) => [group.key, group.histograms]))])) as StoredNoise;
}

/** The counts with the stored noisy histograms in place of the raw ones (the same groups, as the same data was hashed). */
function withNoise(counts: PictureCounts, stored: StoredNoise): PictureCounts {
  const noisy = {} as PictureCounts;
  for (const breakdown of pictureBreakdowns) {
    noisy[breakdown] = counts[breakdown].map((group) => {
      const histograms = stored[breakdown]?.[group.key];
      if (!histograms) throw new Error(`A stored release lacks the group ${breakdown}/${group.key}`);
      return { ...group, histograms };
    });
  }
  return noisy;
}
