import { describe, expect, it } from 'vitest';
import { schoolYearLabel } from './decommissionView';

describe('decommission view', () => {
  it('names a school year by both its years', () => {
    expect(schoolYearLabel(2026)).toBe('2026-2027');
  });
});
