import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scaleOptions, validateInstrument } from '../../../shared/scan/instrument';
import { barWidth, changeText, cyberSteps, maturityText, shareText, targetLabel } from './cyberView';
import type { CyberCheckInstrument } from './types';

const raw = JSON.parse(readFileSync(new URL('../../../../content/instruments/cyber-check-2026.json', import.meta.url), 'utf8'));
const validated = validateInstrument(raw);
if (!validated.ok) throw new Error('the cyber check content is invalid');
const instrument: CyberCheckInstrument = validated.instrument;

describe('cyberSteps', () => {
  const steps = cyberSteps(instrument);

  it('numbers every measure in instrument order, with its topic and key-measure mark', () => {
    expect(steps.map((s) => s.item.number)).toEqual(steps.map((_, i) => i + 1));
    expect(steps[0].topic).toMatchObject({ id: 'passwords', number: 1 });
    expect(steps.at(-1)!.topic).toMatchObject({ id: 'incidents', number: 8 });
    expect(steps.find((s) => s.item.id === 'patching')).toMatchObject({ keyMeasure: true, reference: 'ID.AM-08.2' });
    expect(steps.find((s) => s.item.id === 'firewall')).toMatchObject({ keyMeasure: false, reference: null });
  });

  it('offers the options in the order the server numbers them, the maturity steps with their descriptions', () => {
    const options = steps[0].item.options;
    expect(options.map((o) => o.text)).toEqual(scaleOptions(instrument).map((o) => o.text));
    expect(options[3].description?.en).toMatch(/written agreement/);
    expect(options.at(-1)!.text.en).toBe("Don't know");
  });
});

describe('formatting', () => {
  it('writes maturity, shares and changes the Belgian way, with a dash for nothing', () => {
    expect(maturityText(2.25, 'nl')).toBe('2,3');
    expect(maturityText(null, 'nl')).toBe('–');
    expect(shareText(0.5, 'nl')).toBe('50%');
    expect(changeText(1.04, 'nl')).toBe('+1');
    expect(changeText(-0.25, 'nl')).toBe('-0,3');
    expect(targetLabel(instrument).nl).toBe('3 – Vastgelegd');
  });

  it('keeps bars between 0 and 100%', () => {
    expect([barWidth(null, 5), barWidth(0, 5), barWidth(2.5, 5), barWidth(5, 5), barWidth(7, 5), barWidth(1, 0)]).toEqual([0, 0, 50, 100, 100, 0]);
  });
});
