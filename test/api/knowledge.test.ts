import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleListSchema, articleSchema } from '../../src/shared/centre/knowledge-api';
import { errorOf, startTestApp, type TestApp } from '../support/test-app';

describe('knowledge base API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('lists and searches articles for anyone without an account, in Dutch and in English', async () => {
    const all = articleListSchema.parse((await get('/api/articles')).json());
    expect(all.items.length).toBeGreaterThanOrEqual(12);
    expect(articleListSchema.parse((await get('/api/articles?q=wachtwoord')).json()).items[0].slug).toBe('cyber-basics');
    const english = articleListSchema.parse((await get('/api/articles?q=backups%20restore&lang=en')).json());
    expect(english.items[0]).toMatchObject({ slug: 'backups-and-restore', title: 'Backups you can really restore' });
    expect(articleListSchema.parse((await get('/api/articles?competence=3.2')).json()).items.map((a) => a.slug)).toEqual(['digcompedu-teaching-learning']);
    expect(articleListSchema.parse((await get('/api/articles?measure=secure-disposal')).json()).items.map((a) => a.slug)).toEqual(['refurbishing-and-disposal']);
    expect(articleListSchema.parse((await get('/api/articles?topic=ict-team&front=policy')).json()).items.map((a) => a.slug)).toEqual(['building-an-ict-team']);
  });

  it('gives one article with its Markdown, and 404 for an unknown one', async () => {
    const response = await get('/api/articles/after-a-digisnap-round?lang=en');
    expect(response.statusCode).toBe(200);
    expect(articleSchema.parse(response.json())).toMatchObject({
      lang: 'en',
      topics: ['digisnap-follow-up', 'digcompedu'],
      body: expect.stringContaining('## Reading the leadership report'),
    });
    expect(errorOf(await get('/api/articles/no-such-article'))).toMatchObject({ status: 404, id: 'not_found', field: 'params.slug' });
  });

  it('refuses bad filters with the field at fault', async () => {
    expect(errorOf(await get('/api/articles?competence=7.9'))).toMatchObject({ status: 400, id: 'validation_error', field: 'querystring.competence' });
    expect(errorOf(await get('/api/articles?front=space'))).toMatchObject({ status: 400, id: 'validation_error' });
    expect(errorOf(await get('/api/articles?lang=fr'))).toMatchObject({ status: 400 });
    expect(errorOf(await get('/api/articles/Not_A_Slug'))).toMatchObject({ status: 400 });
  });
});
