import { describe, expect, it } from 'vitest';
import { matchPath } from './paths';

describe('matchPath', () => {
  it('matches fixed paths, with or without a trailing slash', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/profile', '/profile/')).toEqual({});
    expect(matchPath('/profile', '/scan')).toBeNull();
  });

  it('reads named parameters', () => {
    expect(matchPath('/scan/:scanId', '/scan/abc%20123')).toEqual({ scanId: 'abc 123' });
    expect(matchPath('/scan/:scanId', '/scan')).toBeNull();
    expect(matchPath('/scan/:scanId', '/scan/a/b')).toBeNull();
  });

  it('rejects a malformed escape instead of throwing', () => {
    expect(matchPath('/scan/:scanId', '/scan/%E0%A4%A')).toBeNull();
  });
});
