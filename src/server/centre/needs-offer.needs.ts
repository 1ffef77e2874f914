import type { Framework, LevelCode } from '../../shared/digisnap/framework';
import type { StepNeedRelease } from '../../shared/digisnap/step-needs';
import type { TeacherPage } from '../../shared/digisnap/teacher-pages';

/** What the needs against the offer ask of Digisnap: the frameworks, and the step needs through its privacy gate. */
export interface StepNeedSource {
  currentFramework(): Framework;
  /** Bumped by every change to a submitted scan. */
  scanVersion(): Promise<number>;
  release(
    request: {
      groupsVersion: string;
      teachers(): AsyncIterable<TeacherPage<{ province: string; level: string }>>;
      targets: Readonly<Record<string, LevelCode>>;
      defaultTarget: LevelCode;
    },
    threshold: number,
  ): Promise<StepNeedRelease & { scanVersion: number }>;
}

/** What they ask of the school module: teachers by province and education level, one group each. */
export interface TeacherGroupSource {
  version(): Promise<string>;
  /** Every teacher's group, a range of teachers at a time. */
  pages(): AsyncIterable<TeacherPage<{ province: string; level: string }>>;
}

/** What they ask of the catalogue: sums of free places, and providers. */
export interface TrainingOfferSource {
  version(): Promise<number>;
  placesOffered(window: {
    from: string;
    to: string;
  }): Promise<Array<{ competence: string; fromLevel: string; educationLevels: string[]; province: string | null; online: boolean; places: number }>>;
  providersNear(competences: readonly string[], province: string): Promise<Array<{ id: string; name: string; trainings: number; competences: string[] }>>;
  verifiedProviders(ids: readonly string[]): Promise<Array<{ id: string; name: string; contactEmail: string }>>;
}

/** Everything the needs against the offer ask of other modules; the app wires it. */
export interface NeedsOfferNeeds {
  stepNeeds: StepNeedSource;
  teacherGroups: TeacherGroupSource;
  offer: TrainingOfferSource;
}
