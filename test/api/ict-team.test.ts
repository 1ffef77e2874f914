import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreIctTeamsSchema } from '../../src/shared/centre/ict-teams-api';
import { ictTeamMemberSchema, ictTeamSchema } from '../../src/shared/school/ict-team/ict-team-api';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { type SchoolWorld, schoolWorld } from './school-fixtures';

const teamUrl = (schoolId: string) => `/api/schools/${schoolId}/ict-team`;
const memberUrl = (schoolId: string, memberId: string) => `${teamUrl(schoolId)}/members/${memberId}`;
const member = { name: 'An Peeters', job: 'technical', hoursPerWeek: 9.5, sharedWithGroup: true, tasks: ['network', 'helpdesk'] };

describe('ICT team', () => {
  let t: TestApp;
  let w: SchoolWorld;

  beforeAll(async () => {
    t = await startTestApp();
    w = await schoolWorld(t);
  });
  afterAll(() => t.close());

  it('lets a principal add, change and remove members; every member of the school reads the team with the task overview', async () => {
    const added = await w.principalA.request({ method: 'POST', url: `${teamUrl(w.schoolA)}/members`, payload: member });
    expect(added.statusCode).toBe(201);
    const { id } = ictTeamMemberSchema.parse(added.json());
    const second = await w.ictA.request({
      method: 'POST',
      url: `${teamUrl(w.schoolA)}/members`,
      payload: { ...member, name: 'Bart', job: 'pedagogical', hoursPerWeek: 4, sharedWithGroup: false, tasks: ['coaching'] },
    });
    expect(second.statusCode).toBe(201);

    const read = await w.teacherA.request({ method: 'GET', url: teamUrl(w.schoolA) });
    expect(read.statusCode).toBe(200);
    const team = ictTeamSchema.parse(read.json());
    expect(team).toMatchObject({ schoolId: w.schoolA, totalHours: 13.5, canEdit: false });
    expect(team.members.map((m) => m.name)).toEqual(['An Peeters', 'Bart']);
    expect(team.members[0]).toMatchObject({ id, hoursPerWeek: 9.5, sharedWithGroup: true, tasks: ['helpdesk', 'network'] });
    expect(team.content.taskGroups[0].id).toBe('technical');
    expect(team.content.jobDescriptions.map((j) => j.id).sort()).toEqual(['pedagogical', 'technical']);

    const changed = await w.ictA.request({ method: 'PUT', url: memberUrl(w.schoolA, id), payload: { ...member, hoursPerWeek: 12, tasks: ['policy-plan'] } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ id, hoursPerWeek: 12, tasks: ['policy-plan'] });
    expect((await w.principalA.request({ method: 'DELETE', url: memberUrl(w.schoolA, id) })).statusCode).toBe(204);
    expect(ictTeamSchema.parse((await w.principalA.request({ method: 'GET', url: teamUrl(w.schoolA) })).json())).toMatchObject({ canEdit: true, totalHours: 4 });
  });

  it('refuses bad input with the field at fault and writes nothing', async () => {
    const principalB = await t.user('principal', { schoolId: w.schoolB });
    const post = (payload: object) => principalB.request({ method: 'POST', url: `${teamUrl(w.schoolB)}/members`, payload });
    expect(errorOf(await post({ ...member, tasks: ['network', 'juggling'] }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.tasks.1' });
    expect(errorOf(await post({ ...member, hoursPerWeek: 41 }))).toMatchObject({ status: 400, id: 'validation_error', field: 'body.hoursPerWeek' });
    expect(errorOf(await post({ ...member, hoursPerWeek: 2.25 }))).toMatchObject({ status: 400, field: 'body.hoursPerWeek' });
    expect(errorOf(await post({ ...member, name: ' ' }))).toMatchObject({ status: 400, field: 'body.name' });
    expect(errorOf(await post({ ...member, job: 'wizard' }))).toMatchObject({ status: 400, field: 'body.job' });
    expect(errorOf(await w.principalA.request({ method: 'PUT', url: memberUrl(w.schoolA, 'nope'), payload: member }))).toMatchObject({ status: 404, field: 'params.memberId' });
    expect(ictTeamSchema.parse((await principalB.request({ method: 'GET', url: teamUrl(w.schoolB) })).json()).members).toEqual([]);
  });

  it('refuses a teacher’s change (403), another school’s principal (404) and no session (401)', async () => {
    const added = ictTeamMemberSchema.parse((await w.principalA.request({ method: 'POST', url: `${teamUrl(w.schoolA)}/members`, payload: member })).json());
    expect(errorOf(await w.teacherA.request({ method: 'POST', url: `${teamUrl(w.schoolA)}/members`, payload: member }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await w.principalOther.request({ method: 'GET', url: teamUrl(w.schoolA) }))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalOther.request({ method: 'DELETE', url: memberUrl(w.schoolA, added.id) }))).toMatchObject({ status: 404 });
    expect(errorOf(await w.principalOther.request({ method: 'DELETE', url: memberUrl(w.other, added.id) }))).toMatchObject({ status: 404, field: 'params.memberId' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: teamUrl(w.schoolA) }))).toMatchObject({ status: 401 });
  });

  it('gives the knowledge centre counts of schools only: teams, hours, school groups sharing a member', async () => {
    const principalB = await t.user('principal', { schoolId: w.schoolB });
    expect((await principalB.request({ method: 'POST', url: `${teamUrl(w.schoolB)}/members`, payload: { ...member, hoursPerWeek: 20 } })).statusCode).toBe(201);
    const picture = await t.app.services.ictTeams.picture();
    expect(picture).toMatchObject({ schools: 3, schoolsWithTeam: 2, sharingSchools: 2, sharingGroups: 1 });
    expect(JSON.stringify(picture)).not.toContain('Peeters');

    const analyst = await t.user('centre_analyst');
    const response = await analyst.request({ method: 'GET', url: '/api/centre/ict-teams' });
    expect(response.statusCode).toBe(200);
    expect(centreIctTeamsSchema.parse(response.json())).toEqual(picture);
    expect(errorOf(await w.principalA.request({ method: 'GET', url: '/api/centre/ict-teams' }))).toMatchObject({ status: 403, id: 'forbidden' });
    expect(errorOf(await t.app.inject({ method: 'GET', url: '/api/centre/ict-teams' }))).toMatchObject({ status: 401 });
  });
});
