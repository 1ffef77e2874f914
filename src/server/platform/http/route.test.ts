import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEndpoints, XLSX_MEDIA_TYPE } from '../../../shared/platform/endpoint';
import { registerErrorHandling } from './error-handler';
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
    importItems: { method: 'POST', path: '/api/items/import', summary: 'Import', tableBody: true, body: 'note', response: { 200: 'item' } },
  },
);

describe('route', () => {
  it('builds the Fastify schema from a declaration: operationId, tags, errors with the shared error body', async () => {
    const schema = fastifySchema(endpoints.getItem, contract);
    expect(schema).toMatchObject({ operationId: 'getItem', tags: ['example'], summary: 'One item', params: contract.itemParams });
    expect(Object.keys(schema.response).sort()).toEqual(['200', '400', '404']);
    expect(Object.keys(fastifySchema(endpoints.removeItem, contract).response)).toEqual(['204']);
    expect(Object.keys(fastifySchema(endpoints.exportItems, contract).response).sort()).toEqual(['200', '401']);
  });

  it('gives a table upload one body schema per media type: CSV text, .xlsx bytes, and the JSON body when declared', () => {
    const { content } = (fastifySchema(endpoints.importItems, contract) as unknown as { body: { content: Record<string, { schema: z.ZodType }> } }).body;
    expect(Object.keys(content).sort()).toEqual(['application/csv', 'application/json', XLSX_MEDIA_TYPE, 'text/csv'].sort());
    expect(content['text/csv'].schema.safeParse('a;b').success).toBe(true);
    expect(content['text/csv'].schema.safeParse('').success).toBe(false);
    expect(content[XLSX_MEDIA_TYPE].schema.safeParse(Buffer.from('PK')).success).toBe(true);
    expect(content[XLSX_MEDIA_TYPE].schema.safeParse('PK').success).toBe(false);
    expect(content['application/json'].schema.safeParse({ text: 'x' }).success).toBe(true);
  });

  it('hands a table upload on as CSV text or .xlsx bytes and refuses any other content type with a stable error', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    registerErrorHandling(app, { serveAppShell: false });
    route(app, endpoints.importItems, {
      handler: async (request) => ({
        id: typeof request.body === 'string' ? `text:${request.body}` : request.body instanceof Uint8Array ? `bytes:${request.body.byteLength}` : 'json',
      }),
    });
    await app.ready();
    const post = (contentType: string | undefined, payload: string | Buffer) =>
      app.inject({ method: 'POST', url: '/api/items/import', headers: contentType ? { 'content-type': contentType } : {}, payload });
    expect((await post('text/csv; charset=utf-8', 'a;b')).json()).toEqual({ id: 'text:a;b' });
    expect((await post(XLSX_MEDIA_TYPE, Buffer.from([0x50, 0x4b, 3, 4, 0]))).json()).toEqual({ id: 'bytes:5' });
    expect((await post('application/json', '{"text":"x"}')).json()).toEqual({ id: 'json' });
    for (const contentType of ['text/plain', 'application/pdf', 'multipart/form-data; boundary=x']) {
      const refused = await post(contentType, 'a;b');
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ id: 'validation_error', field: 'body' });
      expect(refused.json().error.message).toContain(XLSX_MEDIA_TYPE);
    }
    expect((await post(XLSX_MEDIA_TYPE, Buffer.alloc(0))).json().error).toMatchObject({ id: 'validation_error', field: 'body' });
    expect((await app.inject({ method: 'POST', url: '/api/items/import' })).json().error).toMatchObject({ id: 'validation_error', field: 'body' });
    await app.close();
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
