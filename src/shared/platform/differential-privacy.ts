/**
 * The noise every published count carries: the two-sided geometric mechanism (the discrete
 * Laplace mechanism of Ghosh, Roughgarden and Sundararajan, 2009). A count c is published as
 * c + X, where
 *
 *     P(X = k) = (1 − α) / (1 + α) · α^|k|,   α = exp(−ε / Δ),
 *
 * ε is the privacy budget of one histogram and Δ its sensitivity: by how much, summed over all
 * cells, the histogram changes when one respondent is added or taken away. A respondent sits in
 * one cell of a histogram, so Δ = 1 (`HISTOGRAM_SENSITIVITY`), and whether any one person took
 * part changes the odds of a published histogram by at most a factor e^ε. Changing one person's
 * answer moves one unit from one cell to another, which is two such steps: a factor e^(2ε).
 *
 * What that means for a reader who knows everyone else's answers (four stand-in accounts beside
 * one real teacher, say): their best guess of the real answer among k options is right with
 * probability at most e^(2ε) / (e^(2ε) + k − 1) (`guessBound(2 * ε, k)`); for ε = 1 and six
 * levels, 60 % where a blind guess gets 17 %, and the exact answer of a group is never
 * certain. A smaller ε protects more and shows more noise: ε = 0.5 gives 35 %.
 *
 * Noise is drawn once per publication, stored, and served again on every read, so reading twice
 * gives nothing new. The budget adds up over the histograms of one publication and over
 * publications (sequential composition): a report of h histograms spends h · ε.
 *
 * Everything here is pure; the source of randomness is an argument so that tests can replay a
 * mechanism from a seed. The server passes `cryptoUniform` (platform/privacy/random.ts).
 */

/** Adding or taking away one respondent changes one cell of a histogram by one. */
export const HISTOGRAM_SENSITIVITY = 1;

/** The budget of one histogram unless configured otherwise (`PRIVACY_EPSILON`). */
export const DEFAULT_EPSILON = 1;

/** A uniform draw from the open interval (0, 1). */
export type Uniform = () => number;

/** The mechanism's parameter α ∈ (0, 1): nearer 1 is more noise. */
export function geometricAlpha(epsilon: number, sensitivity: number = HISTOGRAM_SENSITIVITY): number {
  if (!(epsilon > 0) || !Number.isFinite(epsilon)) throw new Error(`epsilon must be a positive number (got ${epsilon})`);
  if (!(sensitivity > 0) || !Number.isFinite(sensitivity)) throw new Error(`sensitivity must be a positive number (got ${sensitivity})`);
  return Math.exp(-epsilon / sensitivity);
}

/** One draw of G ≥ 0 with P(G = k) = (1 − α) α^k, by inversion. */
function oneSidedGeometric(alpha: number, uniform: Uniform): number {
  const u = uniform();
  if (!(u > 0 && u < 1)) throw new Error(`uniform source gave ${u}, outside (0, 1)`);
  return Math.floor(Math.log(u) / Math.log(alpha));
}

/** One draw of the two-sided geometric noise X = G₁ − G₂. */
export function twoSidedGeometric(alpha: number, uniform: Uniform): number {
  return oneSidedGeometric(alpha, uniform) - oneSidedGeometric(alpha, uniform);
}

/** P(X = k): for tests and for the report's statement of its error. */
export function twoSidedGeometricProbability(alpha: number, k: number): number {
  return ((1 - alpha) / (1 + alpha)) * alpha ** Math.abs(k);
}

/** E|X|: the mean error of one noisy count. */
export function expectedAbsoluteError(alpha: number): number {
  return (2 * alpha) / (1 - alpha * alpha);
}

/** The smallest whole k with P(|X| ≤ k) ≥ confidence: "9 in 10 counts are off by at most k". */
export function errorBound(alpha: number, confidence = 0.9): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must lie in (0, 1) (got ${confidence})`);
  // P(|X| > k) = 2 α^(k+1) / (1 + α)
  const k = Math.ceil(Math.log(((1 - confidence) * (1 + alpha)) / 2) / Math.log(alpha) - 1);
  return Math.max(0, k);
}

/** How sure the reports' stated bound is: "9 in 10 counts are off by at most k". */
export const STATED_CONFIDENCE = 0.9;

/** What the noise of ε per histogram means for a reader of a report: the mean error of a count (two decimals) and the bound 9 in 10 counts stay within. */
export function noiseStatement(epsilon: number): { expectedError: number; bound: number; confidence: number } {
  const alpha = geometricAlpha(epsilon);
  return { expectedError: Math.round(expectedAbsoluteError(alpha) * 100) / 100, bound: errorBound(alpha, STATED_CONFIDENCE), confidence: STATED_CONFIDENCE };
}

/**
 * Adds independent noise to every cell of a histogram. Counts below zero are published as zero
 * (post-processing: it costs no privacy, and a negative number of people reads as a bug).
 */
export function noisyHistogram(counts: readonly number[], alpha: number, uniform: Uniform): number[] {
  return counts.map((count) => {
    if (!Number.isInteger(count) || count < 0) throw new Error(`noisyHistogram: ${count} is not a number of people`);
    return Math.max(0, count + twoSidedGeometric(alpha, uniform));
  });
}

/**
 * The best a reader who knows every other respondent can do when guessing one respondent's
 * answer among `options` from a publication under which any two answers of one person are at
 * most e^epsilon apart in likelihood (`2 * ε` for one histogram of sensitivity 1): right with
 * at most this probability, whatever the reader's strategy (with a uniform prior).
 */
export function guessBound(epsilon: number, options: number): number {
  if (!Number.isInteger(options) || options < 2) throw new Error(`options must be a whole number of at least 2 (got ${options})`);
  const e = Math.exp(epsilon);
  return e / (e + options - 1);
}

/** A deterministic uniform source from a 32-bit seed (mulberry32), for tests and simulations only. */
export function seededUniform(seed: number): Uniform {
  let state = seed >>> 0;
  return () => {
    for (;;) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const value = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      if (value > 0) return value;
    }
  };
}
