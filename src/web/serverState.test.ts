import { afterEach, describe, expect, it, vi } from 'vitest';
import { campaignEndpoints } from '../shared/school/campaign/endpoints';
import { ApiError, call } from './api';
import { createQueryClient, endpointKey, invalidateOperations, shouldRetry } from './serverState';

afterEach(() => vi.unstubAllGlobals());

describe('server state', () => {
  it('keys an answer by operationId, path parameters and query', () => {
    expect(endpointKey(campaignEndpoints.getCampaign, { params: { schoolId: 's', campaignId: 'c' } })).toEqual(['getCampaign', { schoolId: 's', campaignId: 'c' }, null]);
  });

  it('retries a network failure twice, never an answer of the server about the request', () => {
    const network = new ApiError('network_error', 'offline', 0);
    expect(shouldRetry(0, network)).toBe(true);
    expect(shouldRetry(2, network)).toBe(false);
    expect(shouldRetry(0, new ApiError('not_found', 'gone', 404))).toBe(false);
    expect(shouldRetry(0, new ApiError('forbidden', 'no', 403))).toBe(false);
    expect(shouldRetry(0, new ApiError('internal_error', 'oops', 500))).toBe(true);
  });
});

describe('the query client', () => {
  const campaignKey = endpointKey(campaignEndpoints.getCampaign, { params: { schoolId: 's', campaignId: 'c' } });
  const listKey = endpointKey(campaignEndpoints.listCampaigns, { params: { schoolId: 's' } });
  const combinedKey = [['getSchool', 'listCampaigns'], ['s']];

  it('invalidates the answers of the named operations, composite ones included, and leaves the rest', async () => {
    const client = createQueryClient();
    for (const key of [campaignKey, listKey, combinedKey]) client.setQueryData(key, { cached: true });
    await invalidateOperations(client, ['listCampaigns']);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(combinedKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(campaignKey)?.isInvalidated).toBe(false);
  });

  it('drops the answers no page shows after any change, so none from before it is shown later', async () => {
    const client = createQueryClient();
    client.setQueryData(listKey, { items: [] });
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify({ id: 'c' }), { status: 200, headers: { 'content-type': 'application/json' } }));
    await call(campaignEndpoints.closeCampaign, { params: { schoolId: 's', campaignId: 'c' } });
    expect(client.getQueryData(listKey)).toBeUndefined();
  });
});
