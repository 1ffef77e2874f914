import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_EPSILON,
  errorBound,
  expectedAbsoluteError,
  geometricAlpha,
  guessBound,
  noisyHistogram,
  seededUniform,
  twoSidedGeometric,
  twoSidedGeometricProbability,
} from './differential-privacy';

describe('the two-sided geometric mechanism', () => {
  it('takes α = exp(−ε/Δ) and refuses a budget or sensitivity that is not a positive number', () => {
    expect(geometricAlpha(1, 2)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(geometricAlpha(DEFAULT_EPSILON)).toBeCloseTo(Math.exp(-1), 12);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => geometricAlpha(bad)).toThrow(/epsilon/);
    expect(() => geometricAlpha(1, 0)).toThrow(/sensitivity/);
  });

  it('has probabilities that sum to one and a ratio of at most e^(ε/Δ) between neighbouring values', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.integer({ min: -50, max: 50 }), (epsilon, k) => {
        const alpha = geometricAlpha(epsilon, 2);
        const ratio = twoSidedGeometricProbability(alpha, k) / twoSidedGeometricProbability(alpha, k + 1);
        expect(ratio).toBeLessThanOrEqual(Math.exp(epsilon / 2) * (1 + 1e-9));
        expect(ratio).toBeGreaterThanOrEqual(Math.exp(-epsilon / 2) * (1 - 1e-9));
      }),
    );
    const alpha = geometricAlpha(1);
    let total = 0;
    for (let k = -200; k <= 200; k++) total += twoSidedGeometricProbability(alpha, k);
    expect(total).toBeCloseTo(1, 9);
  });

  it('draws noise whose frequencies, mean and mean error match the distribution', () => {
    const alpha = geometricAlpha(1);
    const uniform = seededUniform(42);
    const draws = Array.from({ length: 200_000 }, () => twoSidedGeometric(alpha, uniform));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const meanAbs = draws.reduce((a, b) => a + Math.abs(b), 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(meanAbs).toBeCloseTo(expectedAbsoluteError(alpha), 1);
    for (const k of [-2, -1, 0, 1, 2]) {
      const frequency = draws.filter((d) => d === k).length / draws.length;
      expect(frequency).toBeCloseTo(twoSidedGeometricProbability(alpha, k), 2);
    }
  });

  it('states an error bound that holds for at least the confidence asked, and is the smallest such', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 4, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (epsilon, confidence) => {
        const alpha = geometricAlpha(epsilon);
        const within = (k: number) => 1 - (2 * alpha ** (k + 1)) / (1 + alpha);
        const k = errorBound(alpha, confidence);
        expect(within(k)).toBeGreaterThanOrEqual(confidence - 1e-12);
        if (k > 0) expect(within(k - 1)).toBeLessThan(confidence);
      }),
    );
    expect(errorBound(geometricAlpha(1), 0.9)).toBe(2);
    expect(expectedAbsoluteError(geometricAlpha(1))).toBeCloseTo(0.851, 3);
  });

  it('never publishes a negative count and refuses counts that are not numbers of people', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { maxLength: 12 }), fc.integer(), (counts, seed) => {
        const noisy = noisyHistogram(counts, geometricAlpha(1), seededUniform(seed));
        expect(noisy).toHaveLength(counts.length);
        for (const value of noisy) expect(Number.isInteger(value) && value >= 0).toBe(true);
      }),
    );
    expect(() => noisyHistogram([1.5], 0.5, seededUniform(1))).toThrow(/number of people/);
    expect(() => noisyHistogram([-1], 0.5, seededUniform(1))).toThrow(/number of people/);
  });

  it('bounds a guess among k options by e^ε / (e^ε + k − 1): 60 % among six levels for one histogram at ε = 1', () => {
    expect(guessBound(2 * DEFAULT_EPSILON, 6)).toBeCloseTo(0.5964, 3);
    expect(guessBound(1, 6)).toBeCloseTo(0.3522, 3);
    expect(guessBound(0.001, 2)).toBeCloseTo(0.5, 3);
    expect(() => guessBound(1, 1)).toThrow(/options/);
  });
});
