import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centsOf, detectFormat, typeOfCategory } from './device-csv';

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
});
