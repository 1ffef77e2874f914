import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fronts } from '../../../shared/platform/fronts';
import { actionStatuses, periodProblem } from '../../../shared/school/policy-plan/policy-plan-rules';
import { actionFieldOf, actionFormProblems, actionInputOf, defaultPeriod, filterActions, formOfAction, periodFormProblem, schoolYearChoices } from './policyView';
import type { PolicyAction } from './types';

const action = (overrides: Partial<PolicyAction> = {}): PolicyAction => ({
  id: 'a1',
  title: 'Wachtwoordbeleid uitrollen',
  description: null,
  owner: null,
  deadline: null,
  status: 'planned',
  front: 'infrastructure',
  target: null,
  goalId: null,
  source: null,
  overdue: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...overrides,
});

describe('the plan period', () => {
  it('proposes this school year and the two after it', () => {
    expect(defaultPeriod('2026-08-31')).toEqual({ from: '2025-2026', to: '2027-2028' });
    expect(defaultPeriod('2026-09-01')).toEqual({ from: '2026-2027', to: '2028-2029' });
  });

  it('offers consecutive school years, the saved ones included, and judges them like the server', () => {
    const years = schoolYearChoices('2026-10-01', ['2019-2020']);
    expect(years[0]).toBe('2019-2020');
    expect(years).toContain('2024-2025');
    expect(years).toContain('2032-2033');
    fc.assert(
      fc.property(fc.constantFrom(...years), fc.constantFrom(...years), (from, to) => {
        expect(periodFormProblem(from, to) === null).toBe(periodProblem(from, to) === null);
      }),
    );
  });
});

describe('filterActions', () => {
  it('keeps exactly the actions with the chosen status and front', () => {
    const all = fronts.flatMap((front) => actionStatuses.map((status) => action({ id: `${front}-${status}`, front, status })));
    expect(filterActions(all, { status: '', front: '' })).toHaveLength(all.length);
    expect(filterActions(all, { status: 'done', front: '' }).every((a) => a.status === 'done')).toBe(true);
    expect(filterActions(all, { status: 'done', front: 'skills' }).map((a) => a.id)).toEqual(['skills-done']);
  });
});

describe('the action form', () => {
  it('asks for a title, a front and the owner chosen, and a real date', () => {
    const empty = formOfAction();
    expect(actionFormProblems(empty)).toEqual({ title: 'required', front: 'required' });
    expect(actionFormProblems({ ...empty, title: 'x', front: 'skills', ownerKind: 'member' })).toEqual({ owner: 'required' });
    expect(actionFormProblems({ ...empty, title: 'x', front: 'skills', ownerKind: 'name', ownerName: '  ' })).toEqual({ ownerName: 'required' });
    expect(actionFormProblems({ ...empty, title: 'x', front: 'skills', deadline: '31/12/2026' })).toEqual({ deadline: 'date' });
  });

  it('gives back what it was given, and keeps an instrument target it cannot show', () => {
    const member = action({
      owner: { kind: 'member', userId: 'u1', name: 'An' },
      deadline: '2026-12-31',
      target: { kind: 'digcompedu_competence', code: '2.3', label: { nl: 'x', en: 'x' } },
      goalId: 'g1',
    });
    expect(actionInputOf(formOfAction(member))).toEqual({
      title: member.title,
      description: null,
      owner: { kind: 'member', userId: 'u1' },
      deadline: '2026-12-31',
      status: 'planned',
      front: 'infrastructure',
      target: { kind: 'digcompedu_competence', code: '2.3' },
      goalId: 'g1',
    });
    const fromCheck = action({ owner: { kind: 'name', name: 'ICT-team' }, target: { kind: 'instrument_item', code: 'backups', label: { nl: 'x', en: 'x' } } });
    const input = actionInputOf(formOfAction(fromCheck));
    expect(input).not.toHaveProperty('target');
    expect(input.owner).toEqual({ kind: 'name', name: 'ICT-team' });
    expect(actionInputOf({ ...formOfAction(fromCheck), target: '' }).target).toBeNull();
    expect(actionInputOf({ ...formOfAction(fromCheck), target: 'area:6' }).target).toEqual({ kind: 'digcompedu_area', code: '6' });
  });

  it('maps the server’s field to the form field', () => {
    expect(actionFieldOf('body.owner.userId')).toBe('owner');
    expect(actionFieldOf('body.owner.name')).toBe('ownerName');
    expect(actionFieldOf('body.target.code')).toBe('target');
    expect(actionFieldOf('body.goalId')).toBe('goalId');
    expect(actionFieldOf('params.actionId')).toBeUndefined();
    expect(actionFieldOf(undefined)).toBeUndefined();
  });
});
