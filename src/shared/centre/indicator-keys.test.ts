import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fronts } from '../platform/fronts';
import { centreIndicator, centreIndicatorKeys, centreIndicators } from './indicator-keys';

describe('the centre indicator keys', () => {
  it('names each figure once, in both languages, with a page of the app', () => {
    expect(new Set(centreIndicatorKeys).size).toBe(centreIndicators.length);
    for (const indicator of centreIndicators) {
      expect(indicator.name.nl.trim(), indicator.key).not.toBe('');
      expect(indicator.name.en.trim(), indicator.key).not.toBe('');
      expect(indicator.page, indicator.key).toMatch(/^\/[a-z0-9/_-]*$/);
      expect(fronts, indicator.key).toContain(indicator.front);
    }
    expect(centreIndicator('made.up')).toBeUndefined();
  });

  it('points the STEM keys at indicators the monitor defines, under the monitor’s own names', () => {
    const monitor = JSON.parse(readFileSync('content/stem/monitor.json', 'utf8')) as { indicators: Array<{ id: string; name: { nl: string; en: string } }> };
    const stem = centreIndicators.filter((indicator) => indicator.source === 'stem');
    expect(stem.length).toBeGreaterThan(0);
    for (const indicator of stem) {
      const defined = monitor.indicators.find((candidate) => `stem.${candidate.id}` === indicator.key);
      expect(defined?.name, indicator.key).toEqual(indicator.name);
      expect(indicator.page).toBe(`/stem/${defined?.id}`);
    }
  });
});
