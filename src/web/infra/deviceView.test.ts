import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEuroInput as parseEuro } from '../../shared/i18n/format';
import { centsToField, emptyDeviceForm, formFieldOf, toDeviceInput } from './deviceView';

describe('the device form', () => {
  it('reads euro amounts as Belgians type them', () => {
    expect(parseEuro('649')).toBe(64_900);
    expect(parseEuro('649,5')).toBe(64_950);
    expect(parseEuro('649.50')).toBe(64_950);
    expect(parseEuro('1.299,00')).toBe(129_900);
    expect(parseEuro('€ 45')).toBe(4_500);
    for (const bad of ['', '-5', '1,234', '12,345', 'veel', '1.2.3', '0.001']) expect(parseEuro(bad)).toBeNull();
  });

  it('writes every amount so that it reads back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), (cents) => {
        expect(parseEuro(centsToField(cents))).toBe(cents);
      }),
    );
  });

  it('names the fields it can tell are wrong, and sends empty fields as null', () => {
    expect(toDeviceInput(emptyDeviceForm)).toEqual({ problems: { assetTag: 'required', manufacturer: 'required', modelName: 'required' } });
    const filled = { ...emptyDeviceForm, assetTag: ' LT-1 ', manufacturer: 'HP', modelName: 'ProBook', price: 'x', warrantyMonths: '3,5' };
    expect(toDeviceInput(filled)).toEqual({ problems: { price: 'invalidAmount', warrantyMonths: 'invalidNumber' } });
    const ok = toDeviceInput({ ...filled, price: '649,00', warrantyMonths: '24', leaseEndsOn: '2027-01-01' });
    expect(ok).toMatchObject({ input: { assetTag: 'LT-1', priceCents: 64_900, warrantyMonths: 24, serial: null, fundingSource: null, leaseEndsOn: null } });
  });

  it('maps a server problem to its field', () => {
    expect(formFieldOf('body.device.assetTag')).toBe('assetTag');
    expect(formFieldOf('body.device.priceCents')).toBe('price');
    expect(formFieldOf('body.state')).toBeNull();
    expect(formFieldOf(undefined)).toBeNull();
  });
});
