import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsOf, dayOf, detectFormat, snipeState, typeOfCategory } from './device-csv';

const cents = (text: string) => centsOf(text, () => undefined);

describe('reading device tables', () => {
  it('reads amounts in Belgian and in Snipe-IT’s notation, and refuses what is neither', () => {
    expect(cents('649')).toBe(64_900);
    expect(cents('649,5')).toBe(64_950);
    expect(cents('649.50')).toBe(64_950);
    expect(cents('1.299,50')).toBe(129_950);
    expect(cents('1,299.50')).toBe(129_950);
    expect(cents('1,299')).toBe(129_900);
    expect(cents('€ 45')).toBe(4_500);
    expect(cents('')).toBeNull();
    let refused = 0;
    for (const bad of ['-5', 'veel', '1.2.3', '12,345.6.7', '0,001']) centsOf(bad, () => refused++);
    expect(refused).toBe(5);
  });

  it('reads back every amount written either way', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (value) => {
        const euro = Math.floor(value / 100);
        const rest = String(value % 100).padStart(2, '0');
        const grouped = (separator: string) => euro.toLocaleString('en-US').replace(/,/g, separator);
        expect(cents(`${euro},${rest}`)).toBe(value);
        expect(cents(`${grouped('.')},${rest}`)).toBe(value);
        expect(cents(`${grouped(',')}.${rest}`)).toBe(value);
      }),
    );
  });

  it('tells the two formats apart by their header', () => {
    expect(detectFormat(['inventarisnummer', 'model'])).toBe('digisprong');
    expect(detectFormat(['Company', ' Asset Tag ', 'Model'])).toBe('snipe-it');
    expect(detectFormat(['naam', 'prijs'])).toBeNull();
  });

  it('maps a school’s own categories to our device types', () => {
    expect(typeOfCategory('Chromebooks leerlingen')).toBe('chromebook');
    expect(typeOfCategory('Laptops')).toBe('laptop');
    expect(typeOfCategory('iPad')).toBe('tablet');
    expect(typeOfCategory('Beamers')).toBe('projector');
    expect(typeOfCategory('Digibord')).toBe('interactive_whiteboard');
    expect(typeOfCategory('Access points')).toBe('network');
    expect(typeOfCategory('interactive_whiteboard')).toBe('interactive_whiteboard');
    expect(typeOfCategory('')).toBe('other');
    expect(typeOfCategory('Koffiezet')).toBe('other');
  });

  it('reads Snipe-IT’s dates with a two-digit year as its own parser does: 00–69 this century, 70–99 the last', () => {
    const day = (text: string, order: 'day-first' | 'month-first' = 'month-first') => dayOf(text, order, () => undefined);
    expect(day('4/5/16')).toBe('2016-04-05');
    expect(day('4/5/16', 'day-first')).toBe('2016-05-04');
    expect(day('12/31/69')).toBe('2069-12-31');
    expect(day('1/1/70')).toBe('1970-01-01');
    expect(day('08/30/2022')).toBe('2022-08-30');
    let refused = 0;
    for (const bad of ['4/5/6', '4/5/016', '2016/4/5', 'gisteren']) dayOf(bad, 'month-first', () => refused++);
    expect(refused).toBe(4);
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2069-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [year, month, dayOfMonth] = iso.split('-');
        expect(day(`${Number(month)}/${Number(dayOfMonth)}/${year.slice(2)}`)).toBe(iso);
      }),
    );
  });

  it('maps Snipe-IT’s status labels, its defaults and its sample files’, to a first state', () => {
    expect(snipeState('')).toBe('in_stock');
    expect(snipeState('Ready to Deploy')).toBe('in_stock');
    expect(snipeState('Pending')).toBe('in_stock');
    expect(snipeState('Deployed')).toBe('in_use');
    expect(snipeState('Pending Diagnostics')).toBe('in_repair');
    expect(snipeState('Out for Diagnostics')).toBe('in_repair');
    expect(snipeState('Broken - Not Fixable')).toBe('in_repair');
    expect(snipeState('Lost/Stolen')).toBe('lost_or_stolen');
    expect(snipeState('Undeployable')).toBe('to_refurbish');
    expect(snipeState('Archived')).toBe('to_refurbish');
    expect(snipeState('in_repair')).toBe('in_repair');
    expect(snipeState('Op de zolder')).toBeNull();
  });
});
