import { createMemoryHistory } from '@tanstack/react-router';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { webModules } from '../webModules';
import { accessOf, createAppRouter, parseSearch, shownPage, stringifySearch } from './appRouter';

const shell = { layout: () => null, notFound: () => createElement('p', null, 'not found') };

/** The page an address opens in the app: its route, parameters and access. */
async function pageAt(href: string) {
  const router = createAppRouter(webModules, shell, createMemoryHistory({ initialEntries: [href] }));
  await router.load();
  const { matches } = router.state;
  return { route: shownPage(matches), params: matches.at(-1)?.params, access: accessOf(matches) };
}

describe('the app routes every address of the web app', () => {
  it.each([
    ['/', '/'],
    ['/login?next=%2Fprofile', '/login'],
    ['/scan', '/scan'],
    ['/scan/s1', '/scan/$scanId'],
    ['/profile', '/profile'],
    ['/opleidingen?q=robot&kind=course&kind=workshop', '/opleidingen'],
    ['/opleidingen/t1', '/opleidingen/$trainingId'],
    ['/aanbevelingen', '/aanbevelingen'],
    ['/mijn-opleidingen', '/mijn-opleidingen'],
    ['/aanbieder', '/aanbieder'],
    ['/aanbieder/opleidingen/nieuw', '/aanbieder/opleidingen/nieuw'],
    ['/aanbieder/opleidingen/t1', '/aanbieder/opleidingen/$trainingId'],
    ['/uitnodiging/tok', '/uitnodiging/$token'],
    ['/aansluiten/ABCD2345', '/aansluiten/$code'],
    ['/school/s1', '/school/$schoolId'],
    ['/school/s1/digisnap', '/school/$schoolId/digisnap'],
    ['/school/s1/digisnap/c1/rapport', '/school/$schoolId/digisnap/$campaignId/rapport'],
    ['/school/s1/opleidingsplan?campagne=c1', '/school/$schoolId/opleidingsplan'],
    ['/school/s1/budget?jaar=2026', '/school/$schoolId/budget'],
    ['/school/s1/ict-beleidsplan', '/school/$schoolId/ict-beleidsplan'],
    ['/school/s1/cybercheck', '/school/$schoolId/cybercheck'],
    ['/school/s1/cybercheck/k1', '/school/$schoolId/cybercheck/$checkId'],
    ['/school/s1/cybercheck/k1/resultaat', '/school/$schoolId/cybercheck/$checkId/resultaat'],
    ['/school/s1/reflectie', '/school/$schoolId/reflectie'],
    ['/school/s1/reflectie/r1/rapport', '/school/$schoolId/reflectie/$roundId/rapport'],
    ['/reflectie', '/reflectie'],
    ['/reflectie/ABCD-2345', '/reflectie/$code'],
    ['/reflectie/antwoorden/tok', '/reflectie/antwoorden/$token'],
    ['/stem', '/stem'],
    ['/stem/secondary_grade23_stem_share?opsplitsing=province', '/stem/$indicator'],
  ])('%s → %s', async (href, route) => {
    expect((await pageAt(href)).route).toBe(route);
  });

  it('reads parameters, decoded', async () => {
    expect((await pageAt('/school/s1/cybercheck/k%201/resultaat')).params).toEqual({ schoolId: 's1', checkId: 'k 1' });
    expect((await pageAt('/scan/abc%20123')).params).toEqual({ scanId: 'abc 123' });
  });

  it('takes a trailing slash but not another case, and knows no other address', async () => {
    expect((await pageAt('/profile/')).route).toBe('/profile');
    expect((await pageAt('/Profile')).route).toBe('notFound');
    expect((await pageAt('/school/s1/onbekend')).route).toBe('notFound');
    expect((await pageAt('/scan/a/b')).route).toBe('notFound');
  });

  it('says which pages open without a session and which only without one', async () => {
    expect((await pageAt('/reflectie/ABCD-2345')).access).toBe('public');
    expect((await pageAt('/uitnodiging/tok')).access).toBe('public');
    expect((await pageAt('/aansluiten/ABCD2345')).access).toBe('public');
    expect((await pageAt('/stem')).access).toBe('public');
    expect((await pageAt('/stem/secondary_year3_stem_share')).access).toBe('public');
    expect((await pageAt('/login')).access).toBe('guest');
    expect((await pageAt('/school/s1')).access).toBe('session');
    expect((await pageAt('/onbekend')).access).toBe('session');
    expect((await pageAt('/reflectie/ABCD-2345/onbekend')).access).toBe('session');
  });
});

describe('the query string', () => {
  it('is read as text, a repeated name as a list', () => {
    expect(parseSearch('?q=1.0&kind=a&kind=b&next=%2Fscan')).toEqual({ q: '1.0', kind: ['a', 'b'], next: '/scan' });
  });

  it('is written back as the pages wrote it', () => {
    const query = '?q=co%C3%B6peratief+leren&kind=course&kind=workshop&page=2';
    expect(stringifySearch(parseSearch(query))).toBe(query);
    expect(stringifySearch({})).toBe('');
  });
});
