import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootcampCohortSchema, bootcampProgrammeSchema, bootcampSchoolsSchema, bootcampTrackSchema, centreActionSchema } from '../../src/shared/centre/bootcamp-setup';
import { errorOf, startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createTraining, providerAccount } from './catalogue-fixtures';

const track = {
  name: { nl: 'Digitaal groeien', en: 'Growing digitally' },
  description: { nl: 'Voor teams van basisscholen.', en: 'For primary school teams.' },
};

describe('knowledge centre: setting up the IT bootcamps', () => {
  let t: TestApp;
  let analyst: TestClient;
  let others: Record<'teacher' | 'principal' | 'board_admin', TestClient>;
  let schoolId: string;
  let bootcampId: string;
  let inPersonId: string;

  beforeAll(async () => {
    t = await startTestApp();
    analyst = await t.user('centre_analyst');
    schoolId = await t.app.services.schools.createSchool({ name: 'Basisschool De Linde', institutionNumber: '123456', educationLevel: 'primary', province: 'limburg' });
    await t.app.services.schools.createSchool({ name: 'Basisschool Het Anker', institutionNumber: '654321', educationLevel: 'primary', province: 'antwerpen' });
    others = {
      teacher: await t.user('teacher', { schoolId }),
      principal: await t.user('principal', { schoolId }),
      board_admin: await t.user('board_admin', { schoolId }),
    };
    const { client } = await providerAccount(t);
    bootcampId = (await createTraining(client, { title: 'Bootcamp digitaal groeien', kind: 'bootcamp' })).id;
    inPersonId = (await createTraining(client, { title: 'Een namiddag', kind: 'in_person' })).id;
  });
  afterAll(() => t.close());

  const post = (client: TestClient, url: string, payload: object) => client.request({ method: 'POST', url, payload });
  const put = (client: TestClient, url: string, payload: object) => client.request({ method: 'PUT', url, payload });
  const newTrack = async (body: object = track) => bootcampTrackSchema.parse((await post(analyst, '/api/centre/bootcamps/tracks', body)).json());
  const newCohort = async (trackId: string, body: object = {}) => {
    const response = await post(analyst, '/api/centre/bootcamps/cohorts', { trackId, name: 'Voorjaar 2027', startsOn: '2027-02-22', ...body });
    expect(response.statusCode).toBe(201);
    return bootcampCohortSchema.parse(response.json());
  };
  const addTeam = (client: TestClient, cohortId: string, body: object) => post(client, `/api/centre/bootcamps/cohorts/${cohortId}/teams`, body);

  it('adds a track with its catalogue bootcamp, changes it, and refuses a training of another kind', async () => {
    const created = await post(analyst, '/api/centre/bootcamps/tracks', { ...track, trainingId: bootcampId });
    expect(created.statusCode).toBe(201);
    const dto = bootcampTrackSchema.parse(created.json());
    expect(dto.training).toEqual({ id: bootcampId, title: 'Bootcamp digitaal groeien' });
    const changed = bootcampTrackSchema.parse(
      (await put(analyst, `/api/centre/bootcamps/tracks/${dto.id}`, { ...track, name: { nl: 'Groeien', en: 'Growing' }, trainingId: null })).json(),
    );
    expect(changed).toMatchObject({ name: { nl: 'Groeien' }, training: null });
    const programme = bootcampProgrammeSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/bootcamps' })).json());
    expect(programme.tracks.find((tr) => tr.id === dto.id)).toMatchObject({ name: { nl: 'Groeien', en: 'Growing' }, training: null, cohorts: [] });

    const before = programme.tracks.length;
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/tracks', { ...track, trainingId: inPersonId }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.trainingId',
    });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/tracks', { ...track, trainingId: 'no-such-training' }))).toMatchObject({ status: 400, field: 'body.trainingId' });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/tracks', { ...track, name: { nl: ' ', en: 'x' } }))).toMatchObject({ status: 400, field: 'body.name.nl' });
    expect(errorOf(await put(analyst, `/api/centre/bootcamps/tracks/${dto.id}`, { ...track, trainingId: inPersonId }))).toMatchObject({ status: 400, field: 'body.trainingId' });
    expect(errorOf(await put(analyst, '/api/centre/bootcamps/tracks/nope', track))).toMatchObject({ status: 404, field: 'bootcampTrackId' });
    expect(bootcampProgrammeSchema.parse((await analyst.request({ method: 'GET', url: '/api/centre/bootcamps' })).json()).tracks).toHaveLength(before);
  });

  it('plans a cohort’s sessions weekly from its start, twelve unless told, and moves one session', async () => {
    const { id: trackId } = await newTrack();
    const cohort = await newCohort(trackId, { topics: ['Startmoment', 'Leerplatform'] });
    expect(cohort.sessions.map((s) => s.heldOn)).toHaveLength(12);
    expect(cohort.sessions.slice(0, 3).map((s) => [s.number, s.heldOn, s.topic])).toEqual([
      [1, '2027-02-22', 'Startmoment'],
      [2, '2027-03-01', 'Leerplatform'],
      [3, '2027-03-08', ''],
    ]);
    const short = await newCohort(trackId, { name: 'Kort', sessions: 4 });
    expect(short.sessions.at(-1)?.heldOn).toBe('2027-03-15');

    const url = `/api/centre/bootcamps/cohorts/${cohort.id}/sessions/${cohort.sessions[1]!.id}`;
    const moved = bootcampCohortSchema.parse((await put(analyst, url, { heldOn: '2027-03-03' })).json());
    expect(moved.sessions.slice(0, 3).map((s) => [s.heldOn, s.topic])).toEqual([
      ['2027-02-22', 'Startmoment'],
      ['2027-03-03', 'Leerplatform'],
      ['2027-03-08', ''],
    ]);
    expect(errorOf(await put(analyst, url, { heldOn: '3 maart' }))).toMatchObject({ status: 400, field: 'body.heldOn' });
    expect(errorOf(await put(analyst, `/api/centre/bootcamps/cohorts/${cohort.id}/sessions/nope`, { heldOn: '2027-03-03' }))).toMatchObject({
      status: 404,
      field: 'bootcampSessionId',
    });
    expect(errorOf(await put(analyst, `/api/centre/bootcamps/cohorts/nope/sessions/${cohort.sessions[1]!.id}`, { heldOn: '2027-03-03' }))).toMatchObject({
      status: 404,
      field: 'cohortId',
    });

    const cohortBody = { trackId, name: 'Najaar', startsOn: '2027-09-06' };
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/cohorts', { ...cohortBody, trackId: 'nope' }))).toEqual({ status: 404, id: 'not_found', field: 'body.trackId' });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/cohorts', { ...cohortBody, sessions: 0 }))).toMatchObject({ status: 400, field: 'body.sessions' });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/cohorts', { ...cohortBody, sessions: 2, topics: ['a', 'b', 'c'] }))).toMatchObject({
      status: 400,
      field: 'body.topics.2',
    });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/cohorts', { ...cohortBody, startsOn: '2027-02-30' }))).toMatchObject({ status: 400, field: 'body.startsOn' });
    expect(errorOf(await post(analyst, '/api/centre/bootcamps/cohorts', { ...cohortBody, name: '' }))).toMatchObject({ status: 400, field: 'body.name' });
  });

  it('registers a school’s team by id or number once, edits its participants, and counts it in the reach', async () => {
    const { id: trackId } = await newTrack();
    const cohort = await newCohort(trackId);
    const action = centreActionSchema.parse(
      (
        await post(analyst, '/api/centre/actions', {
          title: 'IT-bootcamps',
          front: 'skills',
          spearhead: 'competences',
          owner: 'Kenniscentrum',
          startDate: '2027-01-01',
          programme: 'it_bootcamps',
        })
      ).json(),
    );
    const reach = async () => centreActionSchema.parse((await analyst.request({ method: 'GET', url: `/api/centre/actions/${action.id}` })).json()).reach;
    const start = await reach();

    const added = await addTeam(analyst, cohort.id, { school: '123456', participants: ['An Peeters', 'Jonas Claes'] });
    expect(added.statusCode).toBe(201);
    const withTeam = bootcampCohortSchema.parse(added.json());
    expect(withTeam.teams.map((team) => [team.schoolId, team.schoolName, team.participants.map((p) => p.name)])).toEqual([
      [schoolId, 'Basisschool De Linde', ['An Peeters', 'Jonas Claes']],
    ]);
    expect(await reach()).toEqual({ schools: start.schools + 1, teachers: start.teachers + 2, source: 'programme' });

    expect(errorOf(await addTeam(analyst, cohort.id, { school: schoolId, participants: ['Lotte'] }))).toEqual({ status: 409, id: 'conflict', field: 'body.school' });
    expect(errorOf(await addTeam(analyst, cohort.id, { school: '999999', participants: ['Lotte'] }))).toEqual({ status: 400, id: 'validation_error', field: 'body.school' });
    expect(errorOf(await addTeam(analyst, cohort.id, { school: '654321', participants: [] }))).toMatchObject({ status: 400, field: 'body.participants' });
    expect(errorOf(await addTeam(analyst, cohort.id, { school: '654321', participants: Array.from({ length: 21 }, (_, i) => `P${i}`) }))).toMatchObject({
      status: 400,
      field: 'body.participants',
    });
    expect(errorOf(await addTeam(analyst, cohort.id, { school: '654321', participants: ['Ok', ' '] }))).toMatchObject({ status: 400, field: 'body.participants.1' });
    expect(errorOf(await addTeam(analyst, 'nope', { school: '654321', participants: ['Ok'] }))).toMatchObject({ status: 404, field: 'cohortId' });

    const team = withTeam.teams[0]!;
    const [an, jonas] = team.participants;
    const participantsUrl = `/api/centre/bootcamps/cohorts/${cohort.id}/teams/${team.id}/participants`;
    const edited = bootcampCohortSchema.parse((await put(analyst, participantsUrl, { participants: [{ id: an!.id, name: 'An Peeters-Maes' }, { name: 'Fatima El Amrani' }] })).json());
    expect(edited.teams[0]!.participants.map((p) => [p.name, p.id === an!.id])).toEqual([
      ['An Peeters-Maes', true],
      ['Fatima El Amrani', false],
    ]);
    expect(edited.teams[0]!.participants.map((p) => p.id)).not.toContain(jonas!.id);
    expect(errorOf(await put(analyst, participantsUrl, { participants: [{ id: jonas!.id, name: 'Jonas' }] }))).toEqual({
      status: 400,
      id: 'validation_error',
      field: 'body.participants.0.id',
    });
    expect(
      errorOf(
        await put(analyst, participantsUrl, {
          participants: [
            { id: an!.id, name: 'A' },
            { id: an!.id, name: 'B' },
          ],
        }),
      ),
    ).toMatchObject({ field: 'body.participants.1.id' });
    expect(errorOf(await put(analyst, participantsUrl, { participants: [] }))).toMatchObject({ status: 400, field: 'body.participants' });
    expect(errorOf(await put(analyst, `/api/centre/bootcamps/cohorts/${cohort.id}/teams/nope/participants`, { participants: [{ name: 'X' }] }))).toMatchObject({
      status: 404,
      field: 'bootcampTeamId',
    });
    expect(bootcampCohortSchema.parse((await analyst.request({ method: 'GET', url: `/api/centre/bootcamps/cohorts/${cohort.id}` })).json()).teams[0]!.participants).toHaveLength(2);
  });

  it('removes a team without attendance, and one with attendance only when forced', async () => {
    const { id: trackId } = await newTrack();
    const cohort = await newCohort(trackId, { sessions: 4 });
    const base = `/api/centre/bootcamps/cohorts/${cohort.id}`;
    const withTeams = bootcampCohortSchema.parse((await addTeam(analyst, cohort.id, { school: '123456', participants: ['An', 'Bo'] })).json());
    const after = bootcampCohortSchema.parse((await addTeam(analyst, cohort.id, { school: '654321', participants: ['Cas'] })).json());
    const [linde, anker] = [withTeams.teams[0]!, after.teams.find((team) => team.schoolName === 'Basisschool Het Anker')!];

    const attendance = await put(analyst, `${base}/sessions/${after.sessions[0]!.id}/attendance`, { present: [linde.participants[0]!.id] });
    expect(bootcampCohortSchema.parse(attendance.json()).teams.find((team) => team.id === linde.id)!.participants[0]!.attended).toBe(1);

    const remove = (teamId: string, query = '') => analyst.request({ method: 'DELETE', url: `${base}/teams/${teamId}${query}` });
    expect(errorOf(await remove(linde.id))).toEqual({ status: 409, id: 'conflict', field: 'force' });
    expect(errorOf(await remove(linde.id, '?force=maybe'))).toMatchObject({ status: 400, field: 'querystring.force' });
    const withoutAnker = bootcampCohortSchema.parse((await remove(anker.id)).json());
    expect(withoutAnker.teams.map((team) => team.schoolName)).toEqual(['Basisschool De Linde']);
    const empty = bootcampCohortSchema.parse((await remove(linde.id, '?force=true')).json());
    expect(empty.teams).toEqual([]);
    expect(empty.sessions[0]!.present).toEqual([]);
    expect(errorOf(await remove(linde.id))).toMatchObject({ status: 404, field: 'bootcampTeamId' });
    // The school may join again once its team is gone.
    expect((await addTeam(analyst, cohort.id, { school: '123456', participants: ['An'] })).statusCode).toBe(201);
  });

  it('finds schools by name or number for the team form', async () => {
    const search = async (q: string) =>
      bootcampSchoolsSchema.parse((await analyst.request({ method: 'GET', url: `/api/centre/bootcamps/schools?q=${encodeURIComponent(q)}` })).json()).schools;
    expect((await search('Linde')).map((s) => [s.name, s.institutionNumber, s.province])).toEqual([['Basisschool De Linde', '123456', 'limburg']]);
    expect((await search('654321')).map((s) => s.name)).toEqual(['Basisschool Het Anker']);
    expect(await search('geen zulke school')).toEqual([]);
    expect(errorOf(await analyst.request({ method: 'GET', url: `/api/centre/bootcamps/schools?q=${'x'.repeat(101)}` }))).toMatchObject({ status: 400, field: 'querystring.q' });
  });

  it('audits a write with its author', async () => {
    const { id } = await newTrack();
    const audit = await t.app.db.kysely.selectFrom('audit_log').select(['actor_id', 'action']).where('subject', '=', id).execute();
    expect(audit).toEqual([{ actor_id: analyst.userId, action: 'bootcamp_track_created' }]);
  });

  it('refuses anyone without a login, and teachers, principals and board admins', async () => {
    const writes: Array<{ method: 'POST' | 'PUT' | 'DELETE' | 'GET'; url: string; payload?: object }> = [
      { method: 'POST', url: '/api/centre/bootcamps/tracks', payload: track },
      { method: 'PUT', url: '/api/centre/bootcamps/tracks/x', payload: track },
      { method: 'POST', url: '/api/centre/bootcamps/cohorts', payload: { trackId: 'x', name: 'C', startsOn: '2027-02-22' } },
      { method: 'PUT', url: '/api/centre/bootcamps/cohorts/x/sessions/y', payload: { heldOn: '2027-02-22' } },
      { method: 'POST', url: '/api/centre/bootcamps/cohorts/x/teams', payload: { school: '123456', participants: ['A'] } },
      { method: 'PUT', url: '/api/centre/bootcamps/cohorts/x/teams/y/participants', payload: { participants: [{ name: 'A' }] } },
      { method: 'DELETE', url: '/api/centre/bootcamps/cohorts/x/teams/y' },
      { method: 'GET', url: '/api/centre/bootcamps/schools?q=Linde' },
    ];
    for (const request of writes) {
      expect((await t.app.inject(request)).statusCode, request.url).toBe(401);
      for (const client of Object.values(others)) expect(errorOf(await client.request(request)), request.url).toMatchObject({ status: 403, id: 'forbidden' });
    }
  });
});
