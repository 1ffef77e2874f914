import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../config';
import { cryptoUniform } from './random';

describe('the noise source and its budget', () => {
  it('draws from (0, 1) with no value repeated across many draws', () => {
    const draws = Array.from({ length: 10_000 }, cryptoUniform);
    for (const value of draws) expect(value > 0 && value < 1).toBe(true);
    expect(new Set(draws).size).toBe(draws.length);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });

  it('is 1 per histogram unless PRIVACY_EPSILON says otherwise, and a value outside 0.05–10 stops the start', () => {
    expect(configFromEnv({}).privacyEpsilon).toBe(1);
    expect(configFromEnv({ PRIVACY_EPSILON: '0.5' }).privacyEpsilon).toBe(0.5);
    for (const bad of ['0', '-1', 'one', '11']) expect(() => configFromEnv({ PRIVACY_EPSILON: bad })).toThrow(/PRIVACY_EPSILON/);
  });
});
