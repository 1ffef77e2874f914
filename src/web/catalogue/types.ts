import type { z } from 'zod';
import type { completionListSchema, importReportSchema, sessionEnrolmentSchema } from '../../shared/catalogue/api';

export type {
  EnrolmentDto,
  LevelStep,
  RecommendationsDto,
  SearchResultDto,
  SessionDto,
  SessionInput,
  TrainingDto,
  TrainingInput,
  TrainingListItemDto,
  TrainingSummaryDto,
} from '../../shared/catalogue/api';
export type { ProviderMembership } from '../../shared/platform/api';

export type ImportReport = z.infer<typeof importReportSchema>;
/** One line of `GET /api/me/completions`: the teacher's training history. */
export type Completion = z.infer<typeof completionListSchema>['items'][number];
/** One person on a session's list, as its provider sees it. */
export type SessionEnrolment = z.infer<typeof sessionEnrolmentSchema>;
