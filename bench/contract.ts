import { recommendationsSchema, searchResultSchema } from '../src/shared/catalogue/api';
import { profileSchema, scanSchema } from '../src/shared/digisnap/api';
import { schoolReportSchema } from '../src/shared/school/campaign/report';
import type { Manifest } from './generate';
import { schoolReportPath } from './scenarios';
import { passesFilters, searchPath } from './search-queries';

/**
 * Before anything is measured: the answers the benchmark is about to hammer are the ones the API
 * promises. A fast wrong answer would otherwise pass for a fast one. getMyProfile is sent without
 * the Zod serializer, so its bytes are also held to what that serializer would have written.
 * Submits the given scans, so the caller must not hand them to the submitScan scenario.
 */
export async function checkContracts(url: string, profileUsers: Manifest['profileUsers'], scans: Manifest['submitScans']): Promise<void> {
  for (const { token } of profileUsers) {
    const body = await expectOk(fetch(`${url}/api/me/profile`, { headers: { cookie: `ds_session=${token}` } }), 'getMyProfile');
    const parsed = profileSchema.safeParse(JSON.parse(body));
    if (!parsed.success) throw new Error(`getMyProfile breaks its contract: ${parsed.error.message}`);
    if (body !== JSON.stringify(profileSchema.encode(parsed.data))) throw new Error('getMyProfile differs from the Zod serializer’s bytes');
  }
  for (const scan of scans) {
    const body = await expectOk(
      fetch(`${url}/api/scans/${encodeURIComponent(scan.scanId)}/submit`, {
        method: 'POST',
        headers: { cookie: `ds_session=${scan.token}`, 'x-csrf-token': scan.csrfToken },
      }),
      'submitScan',
    );
    const parsed = scanSchema.safeParse(JSON.parse(body));
    if (!parsed.success) throw new Error(`submitScan breaks its contract: ${parsed.error.message}`);
    if (parsed.data.status !== 'submitted' || !parsed.data.result) throw new Error('submitScan answered 200 but the scan is not submitted');
  }
}

/**
 * The catalogue reads: searchTrainings is sent as cached bytes without the Zod serializer, so its
 * bytes are held to the serializer's and its total to what the service answered while generating
 * (the catalogue has not changed since); getMyRecommendations must parse, and find something for
 * a teacher with a profile in a catalogue this size.
 */
export async function checkCatalogueContracts(url: string, queries: Manifest['searchQueries'], users: Manifest['profileUsers']): Promise<void> {
  for (const query of queries) {
    const body = await expectOk(fetch(`${url}${searchPath(query)}`), 'searchTrainings');
    const parsed = searchResultSchema.safeParse(JSON.parse(body));
    if (!parsed.success) throw new Error(`searchTrainings breaks its contract: ${parsed.error.message}`);
    if (body !== JSON.stringify(searchResultSchema.encode(parsed.data))) throw new Error('searchTrainings differs from the Zod serializer’s bytes');
    if (parsed.data.total !== query.total) throw new Error(`searchTrainings ${searchPath(query)}: total ${parsed.data.total}, expected ${query.total}`);
    if (parsed.data.items.length !== Math.min(query.total, parsed.data.pageSize)) throw new Error(`searchTrainings ${searchPath(query)}: a short page`);
    for (const item of parsed.data.items) {
      if (!passesFilters(item, query.filters)) throw new Error(`searchTrainings ${searchPath(query)}: ${item.id} does not pass the filters`);
    }
  }
  for (const { token } of users) {
    const body = await expectOk(fetch(`${url}/api/me/recommendations`, { headers: { cookie: `ds_session=${token}` } }), 'getMyRecommendations');
    const parsed = recommendationsSchema.safeParse(JSON.parse(body));
    if (!parsed.success) throw new Error(`getMyRecommendations breaks its contract: ${parsed.error.message}`);
    if (parsed.data.items.length === 0) throw new Error('getMyRecommendations found nothing for a teacher with a profile');
    if (new Set(parsed.data.items.map((item) => item.training.id)).size !== parsed.data.items.length) throw new Error('getMyRecommendations repeats a training');
  }
}

/**
 * The team report as its principal reads it: 200, the report's contract, areas, and every
 * teacher of the report school counted (each has a submitted scan in the window). It goes out
 * as stored bytes behind a fresh head, so its bytes are held to the Zod serializer's too.
 */
export async function checkReportContract(url: string, report: NonNullable<Manifest['report']>): Promise<void> {
  const body = await expectOk(fetch(`${url}${schoolReportPath(report)}`, { headers: { cookie: `ds_session=${report.principalToken}` } }), 'getSchoolReport');
  const parsed = schoolReportSchema.safeParse(JSON.parse(body));
  if (!parsed.success) throw new Error(`getSchoolReport breaks its contract: ${parsed.error.message}`);
  if (body !== JSON.stringify(schoolReportSchema.encode(parsed.data))) throw new Error('getSchoolReport differs from the Zod serializer’s bytes');
  if (parsed.data.areas.length === 0) throw new Error('getSchoolReport answered 200 without areas');
  if (parsed.data.respondents !== report.schoolTeachers) {
    throw new Error(`getSchoolReport counts ${parsed.data.respondents} respondents, expected the school's ${report.schoolTeachers} teachers`);
  }
}

async function expectOk(response: Promise<Response>, operationId: string): Promise<string> {
  const answer = await response;
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`${operationId} answered ${answer.status}: ${body.slice(0, 300)}`);
  return body;
}
