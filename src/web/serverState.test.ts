import { describe, expect, it } from 'vitest';
import { campaignEndpoints } from '../shared/school/campaign/endpoints';
import { ApiError } from './api';
import { endpointKey, shouldRetry } from './serverState';

describe('server state', () => {
  it('keys an answer by operationId, path parameters and query', () => {
    expect(endpointKey(campaignEndpoints.getCampaign, { params: { schoolId: 's', campaignId: 'c' } })).toEqual([
      'getCampaign',
      { schoolId: 's', campaignId: 'c' },
      null,
    ]);
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
