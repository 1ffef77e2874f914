import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fundingSchemeSchema } from '../../shared/infra/funding-scheme';
import { ApiError } from '../api';
import { countingDays, formatCents, groupsOnDay, refusalText } from './fundingView';

const scheme = fundingSchemeSchema.parse(JSON.parse(readFileSync(new URL('../../../content/funding/digisprong-2021.json', import.meta.url), 'utf8')));
const texts = { unknownCategory: 'unknown', outsideWindow: (window: { from: string; until: string }) => `${window.from}–${window.until}` };

describe('funding view', () => {
  it('writes cents as nl-BE euros, and an unknown budget as a dash', () => {
    expect(formatCents(1_234_50, 'nl')).toBe('€ 1.234,50');
    expect(formatCents(37_855_00, 'nl')).toBe('€ 37.855');
    expect(formatCents(null, 'nl')).toBe('–');
  });

  it('asks each group on the days of the measures that pay it', () => {
    expect(countingDays(scheme)).toEqual(['2020-02-01', '2021-10-01']);
    expect([...groupsOnDay(scheme, '2021-10-01')]).toEqual(['secondary_2_4_6_other']);
    expect(groupsOnDay(scheme, '2020-02-01').has('primary_5_6')).toBe(true);
  });

  it('gives the scheme’s reason for a refused category in the reader’s language, and the window for a date', () => {
    const category = new ApiError('spending_refused', 'refused', 422, 'body.category');
    expect(refusalText(category, scheme, 'telephony', '2024-08-31', 'nl', texts)).toMatch(/werkingskosten/);
    expect(refusalText(category, scheme, 'telephony', '2024-08-31', 'en', texts)).toMatch(/running costs/);
    expect(refusalText(new ApiError('spending_refused', 'late', 422, 'body.invoiceDate'), scheme, 'devices', '2024-08-31', 'nl', texts)).toBe('01/01/2021–31/08/2024');
    expect(refusalText(new ApiError('validation_error', 'bad', 400, 'body.amountCents'), scheme, 'devices', null, 'nl', texts)).toBeNull();
  });
});
