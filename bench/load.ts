import autocannon from 'autocannon';
import type { Scenario } from './scenarios';

export interface Measurement {
  requests: number;
  rps: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  seconds: number;
  /** Filled in by the caller, which watches the server process. */
  server_cpu_us_per_request?: number;
}

/**
 * One autocannon run of a scenario against the server at `url`: for `seconds`, or until the
 * scenario's prepared data runs out, whichever comes first.
 */
export function measure(url: string, scenario: Scenario, options: { connections: number; seconds: number }): Promise<Measurement> {
  // autocannon builds one request per connection ahead, so keep that much prepared data spare.
  const amount = scenario.remaining ? scenario.remaining() - options.connections : undefined;
  if (amount !== undefined && amount < options.connections) {
    return Promise.reject(new Error(`${scenario.name}: only ${scenario.remaining?.()} prepared requests left; generate more`));
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections, duration: options.seconds, amount, requests: scenario.requests() }, (error, result) => {
      clearTimeout(deadline);
      if (error) return reject(error);
      resolve({
        requests: result.requests.total,
        // Responses over the time actually run: `amount` runs may end before the deadline.
        rps: result.duration > 0 ? result.requests.total / result.duration : 0,
        p50_ms: result.latency.p50,
        p99_ms: result.latency.p99,
        non_2xx: result.non2xx,
        errors: result.errors,
        seconds: result.duration,
      });
    });
    // `amount` overrides `duration` in autocannon; this keeps an amount run within its time too.
    const deadline = setTimeout(() => instance.stop(), options.seconds * 1000);
  });
}
