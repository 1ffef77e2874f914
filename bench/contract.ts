import { profileSchema, scanSchema } from '../src/shared/digisnap/api';
import type { Manifest } from './generate';

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

async function expectOk(response: Promise<Response>, operationId: string): Promise<string> {
  const answer = await response;
  const body = await answer.text();
  if (answer.status !== 200) throw new Error(`${operationId} answered ${answer.status}: ${body.slice(0, 300)}`);
  return body;
}
