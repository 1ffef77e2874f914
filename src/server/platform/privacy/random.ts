import { randomBytes } from 'node:crypto';
import type { Uniform } from '../../../shared/platform/differential-privacy';

/**
 * The uniform source the server draws publication noise from: 53 random bits from the operating
 * system's CSPRNG, so nobody can predict or replay the noise of a published report.
 */
export const cryptoUniform: Uniform = () => {
  for (;;) {
    const bytes = randomBytes(8);
    const high = bytes.readUInt32BE(0) >>> 11; // 21 bits
    const low = bytes.readUInt32BE(4); // 32 bits
    const value = (high * 4294967296 + low) / 2 ** 53;
    if (value > 0) return value;
  }
};
