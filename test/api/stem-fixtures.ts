import type { LightMyRequestResponse } from 'fastify';
import type { TestClient } from '../support/test-app';

export const STEM_HEADER = 'school_year;level;moment;programme_type;province;stem_category;gender;count';

/** A counts CSV from lines written as in the header's order. */
export const stemCsv = (lines: readonly string[], header = STEM_HEADER) => `${[header, ...lines].join('\n')}\n`;

export function importStem(client: TestClient, csv: string, query = ''): Promise<LightMyRequestResponse> {
  return client.request({ method: 'POST', url: `/api/stem/counts/import${query}`, payload: csv, headers: { 'content-type': 'text/csv' } });
}

/**
 * 2010-2011 and 2018-2019 of year-3 inflow with known shares: 2010-2011 has 335 STEM of 1,000
 * (33.5%, the baseline), 2018-2019 361 of 1,000, of which Limburg 3 STEM pupils (hidden) of 100.
 */
export const knownCounts = [
  '2010-2011;secondary;year3_inflow;aso;antwerpen;stem;f;100',
  '2010-2011;secondary;year3_inflow;tso;antwerpen;stem;m;235',
  '2010-2011;secondary;year3_inflow;aso;antwerpen;non_stem;f;400',
  '2010-2011;secondary;year3_inflow;bso;antwerpen;care_stem;m;265',
  '2018-2019;secondary;year3_inflow;aso;antwerpen;stem;f;150',
  '2018-2019;secondary;year3_inflow;tso;antwerpen;stem;m;208',
  '2018-2019;secondary;year3_inflow;aso;antwerpen;non_stem;f;300',
  '2018-2019;secondary;year3_inflow;bso;antwerpen;light_stem;m;242',
  '2018-2019;secondary;year3_inflow;tso;limburg;stem;m;3',
  '2018-2019;secondary;year3_inflow;tso;limburg;non_stem;f;97',
];
