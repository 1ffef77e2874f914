import { AppError } from '../../../shared/errors';
import { aggregateReflection, type ReflectionAggregate, type ReflectionAggregateInput } from '../../../shared/school/reflection/reflection-report';

/**
 * The privacy gate of reflection rounds: the only way an aggregate of a round's answers leaves
 * the reflection feature. Every group passes the reflection's rule (shared/school/reflection/
 * reflection-privacy.ts); a round whose respondents are too few altogether yields no report at
 * all (too_few_respondents). The architecture test holds the server to aggregating nowhere else.
 */
export function releaseReflectionAggregate(input: ReflectionAggregateInput): ReflectionAggregate {
  const aggregate = aggregateReflection(input);
  if (aggregate.total.suppressed) {
    throw new AppError('too_few_respondents', `The report shows groups of at least ${aggregate.threshold} respondents; not enough answers have come in yet`);
  }
  return aggregate;
}
