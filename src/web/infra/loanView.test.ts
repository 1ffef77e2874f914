import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classLines, lineOfField, pupilsOf, scanTag } from './loanView';

describe('loan pages', () => {
  it('reads a pasted class list, one pupil a line, whatever the line ends', () => {
    expect(pupilsOf('L-001\r\nL-002\n\n  L-003  \rL-004\n')).toEqual(['L-001', 'L-002', 'L-003', 'L-004']);
    expect(pupilsOf('  \n')).toEqual([]);
  });

  it('binds each scan to the next pupil, refusing a blank tag, a tag scanned twice and a scan past the last pupil', () => {
    expect(scanTag([], 2, ' CB-001 ')).toEqual(['CB-001']);
    expect(scanTag(['CB-001'], 2, 'CB-001')).toBeNull();
    expect(scanTag(['CB-001'], 2, '  ')).toBeNull();
    expect(scanTag(['CB-001', 'CB-002'], 2, 'CB-003')).toBeNull();
    expect(classLines(['An', 'Bo'], ['CB-001'])).toEqual([
      { borrower: 'An', assetTag: 'CB-001' },
      { borrower: 'Bo', assetTag: '' },
    ]);
  });

  it('keeps scanned tags distinct, in scan order, never more than the pupils', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), fc.array(fc.string({ maxLength: 6 }), { maxLength: 60 }), (pupils, scans) => {
        let tags: string[] = [];
        for (const scan of scans) tags = scanTag(tags, pupils, scan) ?? tags;
        expect(new Set(tags).size).toBe(tags.length);
        expect(tags.length).toBeLessThanOrEqual(pupils);
        expect(tags.every((tag) => tag !== '' && tag === tag.trim())).toBe(true);
      }),
    );
  });

  it('finds the line a problem names', () => {
    expect(lineOfField('body.loans.0.assetTag')).toBe(1);
    expect(lineOfField('body.returns.11.assetTag')).toBe(12);
    expect(lineOfField('body.className')).toBeNull();
  });
});
