import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { batchRoutes } from '../../shared/infra/decommission';
import { type ReusePartner, reusePartnerSchema } from '../../shared/infra/decommission-api';
import { ContentFileError } from '../platform/content/versioned-content';

/** The partners file as it is written: each partner with the source that backs it. */
const reusePartnersFileSchema = z.object({
  id: z.literal('reuse-partners'),
  version: z.string().min(1),
  source: z.object({ url: z.url(), note: z.string().min(1) }),
  partners: z
    .array(reusePartnerSchema.extend({ source: z.object({ url: z.url() }) }))
    .min(1)
    .refine((partners) => new Set(partners.map((p) => p.id)).size === partners.length, 'partner ids must be unique'),
});

/**
 * Reads content/infra/reuse-partners.json, stopping the server with the field at fault when it
 * is broken. The partners come back reuse before recycling, as the page offers them.
 */
export function loadReusePartners(contentDir: string): ReusePartner[] {
  const file = join(contentDir, 'infra', 'reuse-partners.json');
  const parsed = reusePartnersFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new ContentFileError(
      file,
      parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      'Reuse partners file',
    );
  return parsed.data.partners.map(({ source: _source, ...partner }) => partner).sort((a, b) => batchRoutes.indexOf(a.route) - batchRoutes.indexOf(b.route));
}
