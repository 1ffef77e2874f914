import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { type SubmitOptions, type SubmitState, submitSteps } from './useSubmit';

/** Runs one submit and returns its outcome with every state it showed, in order. */
async function steps(action: () => Promise<unknown>, options?: SubmitOptions) {
  const shown: SubmitState[] = [];
  const succeeded = await submitSteps(action, (state) => shown.push(state), options);
  return { succeeded, shown };
}

const busy: SubmitState = { busy: true, failure: undefined };
const idle: SubmitState = { busy: false, failure: undefined };
const conflict = new ApiError('conflict', 'changed meanwhile', 409, 'body.version');

describe('submitSteps', () => {
  it('is busy while the action runs and idle after a success', async () => {
    expect(await steps(async () => 'done')).toEqual({ succeeded: true, shown: [busy, idle] });
  });

  it('stays busy after a success that leaves the page', async () => {
    expect(await steps(async () => undefined, { leavesPage: true })).toEqual({ succeeded: true, shown: [busy] });
  });

  it('shows the failure and frees the button, also when leaving the page was the plan', async () => {
    const failing = () => Promise.reject(conflict);
    expect(await steps(failing)).toEqual({ succeeded: false, shown: [busy, { busy: false, failure: conflict }] });
    expect((await steps(failing, { leavesPage: true })).shown.at(-1)).toEqual({ busy: false, failure: conflict });
  });

  it('turns anything else thrown into an internal error', async () => {
    const { shown } = await steps(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(shown.at(-1)?.failure).toMatchObject({ id: 'internal_error', status: 0 });
  });

  it('shows no alert for a failure handled elsewhere, and waits for the handling before freeing the button', async () => {
    const handled: ApiError[] = [];
    const handle = async (error: ApiError) => {
      handled.push(error);
      return error.id === 'conflict';
    };
    expect((await steps(() => Promise.reject(conflict), { handle })).shown).toEqual([busy, idle]);
    const forbidden = new ApiError('forbidden', 'no', 403);
    expect((await steps(() => Promise.reject(forbidden), { handle })).shown).toEqual([busy, { busy: false, failure: forbidden }]);
    expect(handled).toEqual([conflict, forbidden]);
  });

  it('always starts busy without a failure and always ends free unless a success leaves the page', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.boolean(), fc.integer({ min: 400, max: 599 }), async (fails, leavesPage, handles, status) => {
        const error = new ApiError('validation_error', 'bad', status);
        const action = () => (fails ? Promise.reject(error) : Promise.resolve());
        const { succeeded, shown } = await steps(action, { leavesPage, handle: () => handles });
        expect(succeeded).toBe(!fails);
        expect(shown[0]).toEqual(busy);
        const last = shown.at(-1)!;
        expect(last.busy).toBe(!fails && leavesPage);
        expect(last.failure).toBe(fails && !handles ? error : undefined);
      }),
    );
  });
});
