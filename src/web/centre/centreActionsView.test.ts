import { describe, expect, it } from 'vitest';
import { centreActionBodySchema } from '../../shared/centre/actions';
import { centreActionFieldOf, centreActionInputOf, centreActionProblems, formOfCentreAction } from './centreActionsView';

const filled = { ...formOfCentreAction(), title: 'Bootcamps', front: 'skills' as const, owner: 'KD', startDate: '2023-02-01' };

describe('the centre action form', () => {
  it('asks for title, front, owner and start, and reads a Belgian euro amount into cents', () => {
    expect(Object.keys(centreActionProblems(formOfCentreAction())).sort()).toEqual(['front', 'owner', 'startDate', 'title']);
    expect(centreActionProblems(filled)).toEqual({});
    const input = centreActionInputOf({ ...filled, budget: '1.250.000,50' });
    expect(input.budgetCents).toBe(125_000_050);
    expect(centreActionBodySchema.safeParse(input).success).toBe(true);
  });

  it('finds a bad amount, a bad count and an end before the start', () => {
    expect(centreActionProblems({ ...filled, budget: '12,345', reachSchools: '-3', endDate: '2023-01-31' })).toEqual({ budget: 'amount', reachSchools: 'count', endDate: 'order' });
    expect(centreActionProblems({ ...filled, endDate: '2023-02-01' })).toEqual({});
  });

  it('sends the reach entered only with both figures, and maps the server’s fields back to the form', () => {
    expect(centreActionInputOf({ ...filled, reachSchools: '3' }).reachEntered).toBeNull();
    expect(centreActionInputOf({ ...filled, reachSchools: '3', reachTeachers: '40' }).reachEntered).toEqual({ schools: 3, teachers: 40 });
    expect(centreActionFieldOf('body.indicators.1')).toBe('indicators');
    expect(centreActionFieldOf('body.budgetCents')).toBe('budget');
    expect(centreActionFieldOf('body.version')).toBeUndefined();
  });
});
