import type { Services } from '../app';
import { seededRandom } from './simulated-answers';

/**
 * The checklist after a round: the demo school's principal ticked the first three steps of its
 * closed round; the synthetic Flanders schools with a finished round got varied progress (most
 * look at the results, fewer get to a plan and the next round), so the centre's page shows something.
 */
export async function seedDemoFollowUp(services: Services, demo: { schoolId: string; principalId: string }): Promise<void> {
  const { steps } = await services.followUpSteps.current();
  const keys = steps.map((step) => step.key);
  await services.followUp.seedTicks(
    demo.schoolId,
    keys.slice(0, 3).map((stepKey, i) => ({ stepKey, note: i === 2 ? 'Besproken op de personeelsvergadering' : undefined })),
    demo.principalId,
  );
  const random = seededRandom(1407);
  const { items } = await services.schools.directoryAsOperator({ q: 'demo Vlaanderen', limit: 500, offset: 0 });
  for (const school of items) {
    // Each next step is taken by fewer schools; a school now and then skips one.
    const reached = keys.findIndex(() => random() < 0.25);
    const taken = keys.slice(0, reached < 0 ? keys.length : reached).filter(() => random() < 0.9);
    await services.followUp.seedTicks(
      school.id,
      taken.map((stepKey) => ({ stepKey })),
      null,
    );
  }
}
