import { z } from 'zod';
import { provinces } from '../../shared/platform/flanders';
import type { StemCategory, StemMoment } from '../../shared/stem/vocabulary';
import { schoolYearStarting } from '../../shared/stem/vocabulary';
import type { ImportProblem } from '../platform/import/import-problems';
import type { StemCountLine } from './stem-counts-csv';
import { provinceCode } from './stem-counts-csv';

/**
 * The education API's products (API-portaal Onderwijs en Vorming) as saved pages, turned into
 * STEM counts: the enrolment counts per programme and school (`inschrijvingsaantal_so/v1/
 * inschrijvingsaantal`, male and female), the programme catalogue (`onderwijsaanbod_so/v2/
 * administratievegroep`, with `stem_categorie` and `domein`) and the campuses
 * (`instellingsgegevens/instellingslocatie/v1/instellingslocatie`, with the province, which the
 * enrolment product does not carry). Each page is the envelope `{ meta, content }` as the API
 * sends it; what a page holds is told by its records' fields, so a folder of saved pages is read
 * as it is.
 *
 * Field names as documented (DOMAIN.md §5.4 and the Zoek-je-school notes): the envelope;
 * `instelling_nummer`, `instellingslocatie_vestigingsnummer`, `instellingslocatie_provincie`;
 * `administratievegroep_code`, `administratievegroep_onderwijsvorm.code`,
 * `administratievegroep_finaliteit.code` (DO, DU, A), `administratievegroep_domein.code`; `schooljaar`
 * (on the offer product, taken to be the year the school year starts in).
 * NOT documented there, our assumption until a live answer is read: the enrolment counts
 * `aantal_man` and `aantal_vrouw`; the catalogue's `administratievegroep_leerjaar.code` (3 to 6)
 * and `administratievegroep_stem_categorie.code` with the codes STEM, ZORG_STEM, LIGHT_STEM and
 * NIET_STEM (dashes, spaces and case are forgiven).
 */

const coded = z.object({ code: z.union([z.string(), z.number()]).nullish() }).nullish();

export const educationApiPageSchema = z.object({
  meta: z.object({ total_elements: z.number().optional(), total_pages: z.number().optional(), number: z.number().optional(), last: z.boolean().optional() }),
  content: z.array(z.record(z.string(), z.unknown())),
});

const catalogueRecord = z.object({
  administratievegroep_code: z.number(),
  administratievegroep_leerjaar: coded,
  administratievegroep_onderwijsvorm: coded,
  administratievegroep_finaliteit: coded,
  administratievegroep_domein: coded,
  administratievegroep_stem_categorie: coded,
});

const locationRecord = z.object({
  instelling_nummer: z.number(),
  instellingslocatie_vestigingsnummer: z.number(),
  instellingslocatie_provincie: z.string(),
});

const enrolmentRecord = z.object({
  instelling_nummer: z.number(),
  instellingslocatie_vestigingsnummer: z.number().nullish(),
  administratievegroep_code: z.number(),
  schooljaar: z.number().int().min(2000).max(2100),
  aantal_man: z.number().int().min(0),
  aantal_vrouw: z.number().int().min(0),
});

type Programme = { category: StemCategory; domain: number | null; programmeType: string; moments: StemMoment[] };

/** A saved page: its file name (problems name it) and its parsed JSON. */
export interface SavedPage {
  file: string;
  json: unknown;
}

/**
 * The counts of the pages: every enrolment record of a programme in the 2nd or 3rd grade, summed
 * per school, programme type, category, domain, gender and moment (year 3 and year 5 are also
 * counted as inflow). Records of other grades (the 1st, the 7th year, OKAN) are left out. Every
 * record that cannot be read or placed is a problem, named by file, record and field.
 */
export function educationApiCounts(pages: readonly SavedPage[]): { lines: Omit<StemCountLine, 'line'>[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const catalogue = new Map<number, Programme | string>();
  const campuses = new Map<string, string>();
  const enrolments: { file: string; index: number; record: z.infer<typeof enrolmentRecord> }[] = [];
  const problem = (file: string, index: number | null, field: string, message: string) =>
    problems.push({ line: index === null ? 1 : index + 1, field: index === null ? file : `${file} content[${index}].${field}`, message });

  for (const { file, json } of pages) {
    const page = educationApiPageSchema.safeParse(json);
    if (!page.success) {
      problem(file, null, 'meta', 'is not a page of the education API: expected { meta, content: [...] }');
      continue;
    }
    page.data.content.forEach((raw, index) => {
      const kind = recordKind(raw);
      if (!kind) {
        problem(file, index, 'administratievegroep_code', 'is a record of neither the enrolment counts, the programme catalogue nor the locations');
        return;
      }
      const parsed = kind.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) problem(file, index, issue.path.join('.'), issue.message);
        return;
      }
      if (kind === locationRecord) {
        const location = parsed.data as z.infer<typeof locationRecord>;
        campuses.set(`${location.instelling_nummer}/${location.instellingslocatie_vestigingsnummer}`, provinceCode(location.instellingslocatie_provincie));
        if (!campuses.has(`${location.instelling_nummer}`)) campuses.set(`${location.instelling_nummer}`, provinceCode(location.instellingslocatie_provincie));
      } else if (kind === enrolmentRecord) enrolments.push({ file, index, record: parsed.data as z.infer<typeof enrolmentRecord> });
      else {
        const programme = parsed.data as z.infer<typeof catalogueRecord>;
        catalogue.set(programme.administratievegroep_code, programmeOf(programme));
      }
    });
  }

  const sums = new Map<string, Omit<StemCountLine, 'line'>>();
  for (const { file, index, record } of enrolments) {
    const programme = catalogue.get(record.administratievegroep_code);
    if (programme === undefined) {
      problem(file, index, 'administratievegroep_code', `programme ${record.administratievegroep_code} is not in the catalogue pages`);
      continue;
    }
    if (typeof programme === 'string') {
      problem(file, index, 'administratievegroep_code', `programme ${record.administratievegroep_code}: ${programme}`);
      continue;
    }
    const province = campuses.get(`${record.instelling_nummer}/${record.instellingslocatie_vestigingsnummer ?? ''}`) ?? campuses.get(`${record.instelling_nummer}`);
    if (!province || !(provinces as readonly string[]).includes(province)) {
      problem(
        file,
        index,
        'instelling_nummer',
        province
          ? `the province “${province}” of school ${record.instelling_nummer} is not a Flemish one`
          : `school ${record.instelling_nummer} is in no location page, so its province is unknown`,
      );
      continue;
    }
    for (const moment of programme.moments) {
      for (const [gender, count] of [
        ['f', record.aantal_vrouw],
        ['m', record.aantal_man],
      ] as const) {
        const line = {
          year: schoolYearStarting(record.schooljaar),
          level: 'secondary' as const,
          moment,
          programmeType: programme.programmeType,
          province,
          category: programme.category,
          domain: programme.domain,
          gender,
          count: 0,
          schoolNumber: String(record.instelling_nummer),
        };
        const key = [line.year, moment, line.programmeType, province, line.category, line.domain, gender, line.schoolNumber].join('\u0000');
        const sum = sums.get(key) ?? line;
        sum.count += count;
        sums.set(key, sum);
      }
    }
  }
  if (pages.length > 0 && enrolments.length === 0 && problems.length === 0)
    problems.push({ line: 1, field: pages[0].file, message: 'The pages hold no enrolment counts (inschrijvingsaantal)' });
  return { lines: [...sums.values()], problems };
}

/** Which product a record is of, by its fields: an offer record (a school and a programme, no counts) is none of the three. */
function recordKind(raw: Record<string, unknown>) {
  if ('instellingslocatie_provincie' in raw) return locationRecord;
  if ('aantal_man' in raw || 'aantal_vrouw' in raw) return enrolmentRecord;
  if ('administratievegroep_code' in raw && !('instelling_nummer' in raw)) return catalogueRecord;
  return null;
}

const categoryCodes: Record<string, StemCategory> = { STEM: 'stem', ZORG_STEM: 'care_stem', LIGHT_STEM: 'light_stem', NIET_STEM: 'non_stem', GEEN_STEM: 'non_stem' };
const finalities: Record<string, string> = { DO: 'doorstroom', DU: 'dubbele_finaliteit', A: 'arbeidsmarkt' };
const forms = ['aso', 'tso', 'bso', 'kso'];

/** A catalogue record as the counts need it, or why it cannot be used. */
function programmeOf(record: z.infer<typeof catalogueRecord>): Programme | string {
  const year = Number(record.administratievegroep_leerjaar?.code);
  const moments: StemMoment[] = year === 3 ? ['year3_inflow', 'grade23'] : year === 5 ? ['year5_inflow', 'grade23'] : year === 4 || year === 6 ? ['grade23'] : [];
  const categoryCode = String(record.administratievegroep_stem_categorie?.code ?? '')
    .toUpperCase()
    .replace(/[-\s]+/g, '_');
  const category = categoryCodes[categoryCode];
  const domainCode = record.administratievegroep_domein?.code;
  const domain = domainCode === null || domainCode === undefined || domainCode === '' ? null : Number(domainCode);
  const finality = finalities[String(record.administratievegroep_finaliteit?.code ?? '')];
  const form = String(record.administratievegroep_onderwijsvorm?.code ?? '').toLowerCase();
  const programmeType = finality ?? (forms.includes(form) ? form : null);
  if (moments.length === 0) return { category: category ?? 'non_stem', domain, programmeType: programmeType ?? '', moments };
  if (!category) return `its stem_categorie “${categoryCode}” is not one of ${Object.keys(categoryCodes).join(', ')}`;
  if (domain !== null && !(Number.isInteger(domain) && domain >= 1 && domain <= 10)) return `its domein “${domainCode}” is not a study domain 1 to 10`;
  if (!programmeType) return 'it has neither a finality (DO, DU, A) nor an education form (ASO, TSO, BSO, KSO)';
  return { category, domain, programmeType, moments };
}
