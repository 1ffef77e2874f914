import { describe, expect, it } from 'vitest';
import { oidcStartUrl, returnedErrorId } from './identityProvider';

describe('oidcStartUrl', () => {
  it('carries only what is given, encoded', () => {
    expect(oidcStartUrl({})).toBe('/api/auth/oidc/start');
    expect(oidcStartUrl({ next: '/' })).toBe('/api/auth/oidc/start');
    expect(oidcStartUrl({ next: '/opleidingen?q=ict&kind=blended', locale: 'en' })).toBe('/api/auth/oidc/start?next=%2Fopleidingen%3Fq%3Dict%26kind%3Dblended&locale=en');
    expect(oidcStartUrl({ invitation: 'Ab_9-x', locale: 'nl' })).toBe('/api/auth/oidc/start?invitation=Ab_9-x&locale=nl');
  });
});

describe('returnedErrorId', () => {
  it('knows the error ids and nothing else', () => {
    expect(returnedErrorId('oidc_no_account')).toBe('oidc_no_account');
    expect(returnedErrorId('invitation_expired')).toBe('invitation_expired');
    expect(returnedErrorId('<script>')).toBeUndefined();
    expect(returnedErrorId('')).toBeUndefined();
    expect(returnedErrorId(null)).toBeUndefined();
  });
});
