import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoints } from '../../../shared/platform/endpoint';
import { fastifySchema, route } from './route';

const contract = { itemParams: z.object({ itemId: z.string().min(2) }), item: z.object({ id: z.string() }), note: z.object({ text: z.string() }) };
const endpoints = defineEndpoints(
  async () => contract,
  { tags: ['example'] },
  {
    getItem: { method: 'GET', path: '/api/items/:itemId', summary: 'One item', params: 'itemParams', response: { 200: 'item' }, errors: [400, 404] },
    exportItems: { method: 'GET', path: '/api/items/export', summary: 'All items as CSV', files: ['csv', 'xlsx'], errors: [401] },
    findItem: { method: 'GET', path: '/api/found/:itemId', summary: 'One item, no declared errors', params: 'itemParams', response: { 200: 'item' } },
    removeItem: { method: 'DELETE', path: '/api/items/:itemId', summary: 'Remove', params: 'itemParams', noContent: 'Removed' },
    importItems: { method: 'POST', path: '/api/items/import', summary: 'Import', csvBody: true, body: 'note', response: { 200: 'item' } },
  },
);

describe('route', () => {
  it('builds the Fastify schema from a declaration: operationId, tags, errors with the shared error body', async () => {
    const schema = fastifySchema(endpoints.getItem, contract);
    expect(schema).toMatchObject({ operationId: 'getItem', tags: ['example'], summary: 'One item', params: contract.itemParams });
    expect(Object.keys(schema.response).sort()).toEqual(['200', '400', '404']);
    expect(Object.keys(fastifySchema(endpoints.removeItem, contract).response)).toEqual(['204']);
    expect(Object.keys(fastifySchema(endpoints.exportItems, contract).response).sort()).toEqual(['200', '401']);
    expect(fastifySchema(endpoints.importItems, contract).body?.safeParse('a;b').success).toBe(true);
    expect(fastifySchema(endpoints.importItems, contract).body?.safeParse({ text: 'x' }).success).toBe(true);
  });

  it('registers the declared method and path, validating params with the named schema', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    route(app, endpoints.findItem, { handler: async (request) => ({ id: request.params.itemId }) });
    await app.ready();
    expect((await app.inject({ method: 'GET', url: '/api/found/ab' })).json()).toEqual({ id: 'ab' });
    expect((await app.inject({ method: 'GET', url: '/api/found/a' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url: '/api/found/ab' })).statusCode).toBe(404);
    await app.close();
  });

  it('refuses a declaration naming a schema the contract lacks', () => {
    expect(() => fastifySchema({ ...endpoints.getItem, params: 'missing' as 'itemParams' }, contract)).toThrow(/missing/);
  });
});
