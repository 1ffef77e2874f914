import { defineEndpoints } from '../platform/endpoint';

const centre = 'For the knowledge centre’s analysts and the admins.';

/** The knowledge centre's needs against the training offer (issue 14 §2). */
export const needsOfferEndpoints = defineEndpoints(
  () => import('./needs-offer.api'),
  { tags: ['centre'] },
  {
    getNeedsVersusOffer: {
      method: 'GET',
      path: '/api/centre/needs-offer',
      summary: 'Teachers who need a step against the places offered, per competence, province and education level, the largest gaps first',
      description:
        `${centre} The need is counted from each teacher’s latest scan and released through Digisnap’s privacy gate (noise, no count under five, complementary suppression); ` +
        'it is made again when scans are submitted and when trainings or sessions change. An unknown province, level or competence answers 400 naming the field.',
      query: 'needsOfferQuerySchema',
      response: { 200: 'needsOfferSchema' },
      errors: [400, 401, 403],
    },
    setCentreTarget: {
      method: 'PUT',
      path: '/api/centre/needs-offer/targets/:competence',
      summary: 'Set the level teachers should reach in a competence; below it they need a step (B1 unless set)',
      description: `${centre} Audited. The gaps are counted anew at the next read.`,
      params: 'centreTargetParamsSchema',
      body: 'centreTargetBodySchema',
      response: { 200: 'centreTargetsSchema' },
      errors: [400, 401, 403, 404],
    },
    listGapProviders: {
      method: 'GET',
      path: '/api/centre/needs-offer/providers',
      summary: 'Verified providers with published trainings on the competence’s area, in the province or online: whom to ask for more places',
      description: centre,
      query: 'gapProvidersQuerySchema',
      response: { 200: 'gapProvidersSchema' },
      errors: [400, 401, 403, 404],
    },
    messageProvidersAboutGap: {
      method: 'POST',
      path: '/api/centre/needs-offer/messages',
      summary: 'Mail verified providers about a gap, through the platform’s outbox',
      description: `${centre} One message per provider; audited with the gap and the providers. A provider not verified, or unknown, answers 400 naming it, and nothing is sent.`,
      body: 'gapMessageBodySchema',
      response: { 200: 'gapMessageResultSchema' },
      errors: [400, 401, 403, 404],
    },
  },
);
