import { AppError } from '../../../shared/errors';
import type { Instrument } from '../../../shared/scan/instrument';
import type { ReflectionGroup } from '../../../shared/school/reflection/reflection';
import {
  aggregateReflection,
  type ReflectionAggregate,
  type ReflectionAggregateInput,
  type ReflectionPublication,
  reflectionReportOf,
} from '../../../shared/school/reflection/reflection-report';

/**
 * The privacy gate of reflection rounds: the only way an aggregate of a round's answers leaves
 * the reflection feature. `releaseReflectionAggregate` draws a publication (noisy counts of the
 * shown groups, shared/school/reflection/reflection-report.ts), which the service stores and
 * serves again; `reportOfPublication` turns a stored one into the report, and refuses
 * (too_few_respondents) when no group in it reaches the threshold. The architecture test holds
 * the server to aggregating nowhere else.
 */
export function releaseReflectionAggregate(input: ReflectionAggregateInput): ReflectionPublication {
  return aggregateReflection(input);
}

export function reportOfPublication(
  publication: ReflectionPublication | undefined,
  round: { instrument: Instrument; groups: readonly ReflectionGroup[]; threshold: number },
): ReflectionAggregate {
  const report = publication && reflectionReportOf(publication, round.instrument, round.groups);
  if (!report || report.groups.every((entry) => entry.respondents.suppressed)) {
    throw tooFew(round.threshold);
  }
  return report;
}

const tooFew = (threshold: number) => new AppError('too_few_respondents', `The report shows groups of at least ${threshold} respondents; not enough answers have come in yet`);
