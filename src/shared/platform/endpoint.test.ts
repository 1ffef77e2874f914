import { describe, expect, it } from 'vitest';
import { catalogueEndpoints, enrolmentEndpoints } from '../catalogue/endpoints';
import { digisnapEndpoints } from '../digisnap/endpoints';
import { campaignEndpoints } from '../school/campaign/endpoints';
import { cyberCheckEndpoints } from '../school/cyber-check/endpoints';
import { invitationEndpoints, schoolEndpoints } from '../school/endpoints';
import { policyPlanEndpoints } from '../school/policy-plan/endpoints';
import { reflectionEndpoints } from '../school/reflection/endpoints';
import { trainingBudgetEndpoints } from '../school/training-budget/endpoints';
import { trainingPlanEndpoints } from '../school/training-plan/endpoints';
import { endpointPath, endpointUrl } from './endpoint';
import { authEndpoints, mailEndpoints, oidcEndpoints } from './endpoints';

const allDeclarations = [
  digisnapEndpoints,
  catalogueEndpoints,
  enrolmentEndpoints,
  schoolEndpoints,
  invitationEndpoints,
  campaignEndpoints,
  cyberCheckEndpoints,
  policyPlanEndpoints,
  reflectionEndpoints,
  trainingBudgetEndpoints,
  trainingPlanEndpoints,
  authEndpoints,
  oidcEndpoints,
  mailEndpoints,
];
const all = allDeclarations.flatMap((declarations) => Object.values(declarations));

describe('endpoint declarations', () => {
  it('name each operation once, and each method and path once', () => {
    const ids = all.map((endpoint) => endpoint.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = all.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('name only schemas their contract module exports', async () => {
    for (const endpoint of all) {
      const schemas = (await endpoint.schemas()) as Record<string, unknown>;
      const named = [endpoint.params, endpoint.query, endpoint.body, ...Object.values(endpoint.response ?? {})].filter(Boolean);
      for (const name of named) expect(schemas[name as string], `${endpoint.operationId}: ${name}`).toBeDefined();
    }
  });

  it('fill in path parameters URL-encoded, and leave unset query parameters out', () => {
    expect(endpointPath(reflectionEndpoints.answerReflectionItem, { token: 'a/b', item: 'x y' })).toBe('/api/reflection-responses/a%2Fb/answers/x%20y');
    expect(endpointUrl(campaignEndpoints.getSchoolReport, { schoolId: 's1', campaignId: 'c1' }, { format: 'csv', lang: 'nl' })).toBe(
      '/api/schools/s1/campaigns/c1/report?format=csv&lang=nl',
    );
    expect(endpointUrl(catalogueEndpoints.searchTrainings, {}, { q: 'ict', kind: ['a', 'b'], page: undefined })).toBe('/api/trainings?q=ict&kind=a&kind=b');
    expect(() => endpointPath(digisnapEndpoints.getScan, {})).toThrow(/scanId/);
  });
});
