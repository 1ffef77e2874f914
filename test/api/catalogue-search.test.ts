import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchResultSchema, type TrainingInput, trainingListItemSchema } from '../../src/shared/catalogue/api';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';
import { createSession, createTraining, providerAccount, sessionInput, trainingInput } from './catalogue-fixtures';

const online = { location: null };
const place = (city: string, province: NonNullable<TrainingInput['location']>['province']) => ({
  location: { address: 'Schoolstraat 1', postalCode: '2000', city, province },
});

/** A small catalogue whose every search answer is known. */
const known: Record<string, { training: Partial<TrainingInput>; sessionsInDays: number[] }> = {
  cooperative: {
    training: {
      title: 'Coöperatief leren met tablets',
      summary: 'Samen leren in groepjes met digitale middelen.',
      kind: 'in_person',
      ...place('Antwerpen', 'antwerpen'),
      language: 'nl',
      educationLevels: ['primary'],
      audiences: ['teacher'],
      levelSteps: [{ competence: '3.3', from: 'A2', to: 'B1' }],
      priceEuro: 0,
    },
    sessionsInDays: [10],
  },
  ideas: {
    training: {
      title: 'Ideeën verzamelen met digitale borden',
      summary: 'Brainstormen en ideeën delen in de klas.',
      kind: 'live_online',
      ...online,
      language: 'nl',
      educationLevels: ['secondary'],
      audiences: ['teacher', 'ict_coordinator'],
      levelSteps: [
        { competence: '3.3', from: 'B1', to: 'B2' },
        { competence: '2.2', from: 'A1', to: 'A2' },
      ],
      priceEuro: 25,
    },
    sessionsInDays: [20],
  },
  quizzes: {
    training: {
      title: 'Evalueren met quizzen',
      summary: 'Formatief evalueren met online quizzen.',
      kind: 'self_paced',
      ...online,
      language: 'en',
      educationLevels: ['primary', 'secondary'],
      audiences: ['teacher'],
      levelSteps: [{ competence: '4.1', from: 'A2', to: 'B1' }],
      priceEuro: 10,
    },
    sessionsInDays: [],
  },
  policy: {
    training: {
      title: 'ICT-beleid voor directies',
      summary: 'Een visie op digitaal beleid uitwerken.',
      kind: 'bootcamp',
      ...place('Hasselt', 'limburg'),
      language: 'nl',
      educationLevels: ['primary'],
      audiences: ['principal'],
      levelSteps: [{ competence: '1.1', from: 'B1', to: 'C1' }],
      priceEuro: 120,
    },
    sessionsInDays: [40],
  },
  coding: {
    training: {
      title: 'Programmeren in de lagere school',
      summary: 'Eerste stappen in programmeren met robots.',
      kind: 'in_person',
      ...place('Gent', 'oost-vlaanderen'),
      language: 'nl',
      educationLevels: ['primary', 'special_needs'],
      audiences: ['teacher'],
      levelSteps: [{ competence: '6.5', from: 'A1', to: 'A2' }],
      priceEuro: 0,
    },
    sessionsInDays: [60, 5],
  },
  tests: {
    training: {
      title: 'Toetsen afnemen op de computer',
      summary: 'Digitale toetsen opstellen en afnemen.',
      description: 'Daarna evalueren we samen de resultaten.',
      kind: 'blended',
      ...place('Mechelen', 'antwerpen'),
      language: 'fr',
      educationLevels: ['adult'],
      audiences: ['teacher'],
      levelSteps: [{ competence: '4.2', from: 'B2', to: 'C1' }],
      priceEuro: 60,
    },
    sessionsInDays: [15],
  },
  draft: {
    training: { title: 'Coöperatief ontwerpen (concept)', summary: 'Nog niet gepubliceerd, dus nooit te vinden.', status: 'draft' },
    sessionsInDays: [10],
  },
};

describe('searchTrainings', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id);
  const search = async (query: string) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/trainings?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const names = async (query: string) => (await search(query)).items.map((i: { id: string }) => nameOf(i.id));
  const facet = (result: { facets: Record<string, Array<{ value: string; count: number }>> }, name: string) => Object.fromEntries(result.facets[name].map((f) => [f.value, f.count]));
  const date = (inDays: number) => new Date(Date.now() + inDays * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestApp();
    const { client } = await providerAccount(t, 'Vormingscentrum Test');
    for (const [name, { training, sessionsInDays }] of Object.entries(known)) {
      ids[name] = (await createTraining(client, { description: '', ...training })).id;
      for (const days of sessionsInDays) await createSession(client, ids[name], sessionInput(days));
    }
  });
  afterAll(() => t.close());

  describe('words', () => {
    it('ignores accents and case: cooperatief finds Coöperatief, IDEEEN and ideeen find Ideeën', async () => {
      expect(await names('q=cooperatief')).toEqual(['cooperative']);
      expect(await names('q=IDEEEN')).toEqual(['ideas']);
      expect(await names('q=ideeen')).toEqual(['ideas']);
      expect(await names(`q=${encodeURIComponent('Ideeën')}`)).toEqual(['ideas']);
    });

    it('matches the start of a word, in title, summary or description, title first', async () => {
      expect(await names('q=evalu')).toEqual(['quizzes', 'tests']);
      expect(await names('q=programm')).toEqual(['coding']);
    });

    it('needs every word', async () => {
      expect(await names('q=digitale+ideeen')).toEqual(['ideas']);
      expect(await names('q=digitale+robots')).toEqual([]);
    });

    it('never lets a hostile query fail', async () => {
      for (const q of ['"(*:&|!', '"', "'", 'NEAR(a b)', 'a OR b AND NOT', '*', ':*', '\\', '!!!', '(((', 'x'.repeat(200), '-- ; drop table trainings']) {
        const result = await search(`q=${encodeURIComponent(q)}`);
        expect(result.total).toBeGreaterThanOrEqual(0);
      }
      expect((await search(`q=${encodeURIComponent('"(*:&|!')}`)).total).toBe(6);
    });

    it('never shows drafts', async () => {
      expect(await names('q=ontwerpen')).toEqual([]);
      expect((await search('')).total).toBe(6);
    });
  });

  describe('filters and facets', () => {
    it('filters by kind, province, language, price, education level, audience', async () => {
      expect((await names('kind=in_person')).sort()).toEqual(['coding', 'cooperative']);
      expect((await names('kind=in_person&kind=bootcamp')).sort()).toEqual(['coding', 'cooperative', 'policy']);
      expect((await names('kind=in_person,bootcamp')).sort()).toEqual(['coding', 'cooperative', 'policy']);
      expect((await names('province=antwerpen')).sort()).toEqual(['cooperative', 'tests']);
      expect(await names('language=en')).toEqual(['quizzes']);
      expect((await names('price=free')).sort()).toEqual(['coding', 'cooperative']);
      expect((await names('price=paid')).sort()).toEqual(['ideas', 'policy', 'quizzes', 'tests']);
      expect(await names('educationLevel=special_needs')).toEqual(['coding']);
      expect(await names('audience=principal')).toEqual(['policy']);
      expect((await names('audience=ict_coordinator')).sort()).toEqual(['ideas']);
    });

    it('filters by competence and the level a step starts at', async () => {
      expect((await names('competence=3.3')).sort()).toEqual(['cooperative', 'ideas']);
      expect(await names('competence=3.3&fromLevel=A2')).toEqual(['cooperative']);
      expect((await names('fromLevel=A1')).sort()).toEqual(['coding', 'ideas']);
    });

    it('filters by a session in a date range', async () => {
      expect((await names(`from=${date(8)}&to=${date(25)}`)).sort()).toEqual(['cooperative', 'ideas', 'tests']);
      expect((await names(`from=${date(50)}`)).sort()).toEqual(['coding']);
      expect((await names(`to=${date(6)}`)).sort()).toEqual(['coding']);
    });

    it('counts each facet over the results of all the other filters', async () => {
      const all = await search('');
      expect(facet(all, 'kind')).toEqual({ in_person: 2, live_online: 1, self_paced: 1, bootcamp: 1, blended: 1 });
      expect(facet(all, 'price')).toEqual({ free: 2, paid: 4 });
      expect(facet(all, 'educationLevel')).toEqual({ primary: 4, secondary: 2, special_needs: 1, adult: 1 });
      expect(facet(all, 'audience')).toEqual({ teacher: 5, ict_coordinator: 1, principal: 1 });
      expect(facet(all, 'competence')).toEqual({ '3.3': 2, '2.2': 1, '4.1': 1, '1.1': 1, '6.5': 1, '4.2': 1 });
      expect(facet(all, 'language')).toEqual({ nl: 4, en: 1, fr: 1 });
      expect(facet(all, 'province')).toEqual({ antwerpen: 2, limburg: 1, 'oost-vlaanderen': 1 });

      const inPerson = await search('kind=in_person');
      expect(inPerson.total).toBe(2);
      // The kind facet ignores the kind filter itself, so the other kinds stay choosable…
      expect(facet(inPerson, 'kind')).toEqual(facet(all, 'kind'));
      // …while every other facet counts only the in-person trainings.
      expect(facet(inPerson, 'province')).toEqual({ antwerpen: 1, 'oost-vlaanderen': 1 });
      expect(facet(inPerson, 'price')).toEqual({ free: 2 });

      const combined = await search('q=evalu&kind=self_paced&language=en');
      expect(combined.items.map((i: { id: string }) => nameOf(i.id))).toEqual(['quizzes']);
      expect(facet(combined, 'kind')).toEqual({ self_paced: 1 });
      expect(facet(combined, 'language')).toEqual({ en: 1 });
      const wordsAndKind = await search('q=evalu&kind=self_paced');
      expect(facet(wordsAndKind, 'kind')).toEqual({ self_paced: 1, blended: 1 });
      expect(facet(wordsAndKind, 'language')).toEqual({ en: 1 });

      const competence = await search('competence=3.3&fromLevel=B1');
      expect(competence.items.map((i: { id: string }) => nameOf(i.id))).toEqual(['ideas']);
      // Steps starting at B1, per competence: what choosing another competence would give.
      expect(facet(competence, 'competence')).toEqual({ '3.3': 1, '1.1': 1 });
    });
  });

  describe('order and pages', () => {
    it('sorts by price (free first), pages through, and reports the total', async () => {
      const pages = [];
      for (const page of [1, 2, 3, 4]) pages.push(await search(`sort=price&pageSize=2&page=${page}`));
      expect(pages.map((p) => p.items.map((i: { id: string }) => nameOf(i.id)))).toEqual([['cooperative', 'coding'], ['quizzes', 'ideas'], ['tests', 'policy'], []]);
      expect(pages.every((p) => p.total === 6 && p.pageSize === 2)).toBe(true);
      expect(pages[1].page).toBe(2);
    });

    it('sorts by the next session, trainings without one last', async () => {
      expect(await names('sort=date')).toEqual(['coding', 'cooperative', 'tests', 'ideas', 'policy', 'quizzes']);
    });

    it('summarises each training with its next session and provider', async () => {
      const result = await search('q=programmeren');
      expect(result.items[0]).toMatchObject({
        kind: 'in_person',
        province: 'oost-vlaanderen',
        city: 'Gent',
        priceEuro: 0,
        educationLevels: ['primary', 'special_needs'],
        provider: { name: 'Vormingscentrum Test', verified: false },
        nextSession: { seatsLeft: 20, online: false },
      });
      expect(Date.parse(result.items[0].nextSession.startsAt) - Date.now()).toBeLessThan(6 * 86_400_000);
      expect((await search('q=quizzen')).items[0].nextSession).toBeNull();
    });

    it('lists each training with what a result card shows, leaving the summary text and the rest to its own page', async () => {
      const [item] = (await search('q=programmeren')).items;
      expect(Object.keys(item)).toEqual(Object.keys(trainingListItemSchema.shape));
      expect(item).not.toHaveProperty('summary');
      expect(item).not.toHaveProperty('status');
    });

    it('sends exactly the bytes the Zod contract serializer would (the route skips it for speed)', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/trainings?q=leren&sort=date' });
      expect(JSON.stringify(searchResultSchema.parse(response.json()))).toBe(response.body);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    });
  });

  describe('bad input', () => {
    it('names the query parameter at fault', async () => {
      const bad = async (query: string) => errorOf(await t.app.inject({ method: 'GET', url: `/api/trainings?${query}` }));
      expect(await bad('pageSize=1000')).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.pageSize' });
      expect(await bad('page=0')).toMatchObject({ status: 400, field: 'querystring.page' });
      expect(await bad('kind=circus')).toMatchObject({ status: 400, field: 'querystring.kind.0' });
      expect(await bad('sort=popularity')).toMatchObject({ status: 400, field: 'querystring.sort' });
      expect(await bad('from=29-11-2026')).toMatchObject({ status: 400, field: 'querystring.from' });
      expect(await bad('competence=digital')).toMatchObject({ status: 400, field: 'querystring.competence.0' });
      expect(await bad(`q=${'x'.repeat(201)}`)).toMatchObject({ status: 400, field: 'querystring.q' });
    });
  });

  it('finds a training as soon as it is written, and forgets it when it is unpublished', async () => {
    const { client } = await providerAccount(t);
    const fresh = await createTraining(client, trainingInput({ title: 'Zoekmachine versheid testen' }));
    expect(await names('q=versheid')).toHaveLength(1);
    await client.request({ method: 'PUT', url: `/api/trainings/${fresh.id}`, payload: trainingInput({ title: 'Zoekmachine versheid testen', status: 'archived' }) });
    expect(await names('q=versheid')).toEqual([]);
    await client.request({ method: 'PUT', url: `/api/trainings/${fresh.id}`, payload: trainingInput({ title: 'Andere titel', status: 'published' }) });
    expect(await names('q=versheid')).toEqual([]);
    expect(await names('q=andere+titel')).toHaveLength(1);
    await client.request({ method: 'PUT', url: `/api/trainings/${fresh.id}`, payload: trainingInput({ title: 'Andere titel', status: 'archived' }) });
  });
});
