import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { educationApiCounts, type SavedPage } from './education-api';

const folder = new URL('../../../test/fixtures/education-api/', import.meta.url);
const pages = (): SavedPage[] => readdirSync(folder).map((file) => ({ file, json: JSON.parse(readFileSync(new URL(file, folder), 'utf8')) }));

describe('the education API’s pages as STEM counts', () => {
  it('sums the enrolments per school, programme type, category, domain, gender and moment, with the province of the campus', () => {
    const { lines, problems } = educationApiCounts(pages());
    expect(problems).toEqual([]);
    const sum = (filter: (line: (typeof lines)[number]) => boolean) => lines.filter(filter).reduce((total, line) => total + line.count, 0);
    expect(new Set(lines.map((line) => line.year))).toEqual(new Set(['2022-2023']));
    expect(sum((line) => line.moment === 'year3_inflow')).toBe(173);
    expect(sum((line) => line.moment === 'grade23')).toBe(315);
    expect(sum((line) => line.moment === 'year5_inflow')).toBe(30);
    // Two campuses of school 30002 add up in one line per key.
    expect(lines.filter((line) => line.schoolNumber === '30002' && line.moment === 'year3_inflow' && line.gender === 'f')).toEqual([
      expect.objectContaining({ province: 'limburg', programmeType: 'doorstroom', category: 'stem', domain: 2, count: 26 }),
    ]);
    expect(lines.find((line) => line.schoolNumber === '30001' && line.programmeType === 'tso')).toMatchObject({ category: 'stem', domain: null, province: 'antwerpen' });
    expect(lines.find((line) => line.moment === 'year5_inflow')).toMatchObject({ category: 'care_stem', domain: 6, programmeType: 'arbeidsmarkt' });
  });

  it('names every record it cannot place: a programme not in the catalogue, a school without a location, a bad count, an unknown category, a page that is none', () => {
    const [catalogue, ...rest] = pages().sort((a, b) => a.file.localeCompare(b.file));
    const broken = structuredClone(catalogue);
    const content = (broken.json as { content: Record<string, unknown>[] }).content;
    content[0].administratievegroep_stem_categorie = { code: 'BIJNA_STEM' };
    const enrolments: SavedPage = {
      file: 'extra.json',
      json: {
        meta: { number: 0 },
        content: [
          { instelling_nummer: 30001, administratievegroep_code: 99999, schooljaar: 2022, aantal_man: 1, aantal_vrouw: 1 },
          { instelling_nummer: 40404, administratievegroep_code: 20301, schooljaar: 2022, aantal_man: 1, aantal_vrouw: 1 },
          { instelling_nummer: 30001, administratievegroep_code: 20301, schooljaar: 2022, aantal_man: -1, aantal_vrouw: 1 },
          { instelling_nummer: 30001, administratievegroep_code: 20301, schooljaar: 2022 },
        ],
      },
    };
    const { problems } = educationApiCounts([broken, ...rest, enrolments, { file: 'notes.json', json: { hello: 'world' } }]);
    expect(problems.map((problem) => `${problem.field}: ${problem.message}`).sort()).toEqual([
      'extra.json content[0].administratievegroep_code: programme 99999 is not in the catalogue pages',
      'extra.json content[1].instelling_nummer: school 40404 is in no location page, so its province is unknown',
      'extra.json content[2].aantal_man: Too small: expected number to be >=0',
      'extra.json content[3].administratievegroep_code: is a record of neither the enrolment counts, the programme catalogue nor the locations',
      expect.stringMatching(/^inschrijvingsaantal-0\.json content\[0\]\.administratievegroep_code: programme 10101: its stem_categorie “BIJNA_STEM” is not one of/),
      'notes.json: is not a page of the education API: expected { meta, content: [...] }',
    ]);
  });
});
