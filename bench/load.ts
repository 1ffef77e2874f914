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
  /** PostgreSQL's CPU time per request (every backend), filled in by the caller on PostgreSQL. */
  database_cpu_us_per_request?: number;
  /** With --pg-statements: statements PostgreSQL ran per request, and the costliest of them. */
  database_queries_per_request?: number;
  database_top_statements?: Array<{ query: string; calls: number; mean_ms: number; total_ms: number }>;
  /** The server's peak RSS in MB over this scenario, warm-up included (the highest of several servers), filled in by the caller. */
  peak_rss_mb?: number;
}

export interface MeasureOptions {
  connections: number;
  seconds: number;
  /** Sent with every request, as a browser sends `gzip, deflate, br, zstd`; left out, nothing is sent and answers come uncompressed. */
  acceptEncoding?: string;
}

/** The scenario's requests with an Accept-Encoding header, also on those its `setupRequest` makes. */
function withAcceptEncoding(requests: autocannon.Request[], value: string): autocannon.Request[] {
  const withHeader = (request: autocannon.Request): autocannon.Request => ({ ...request, headers: { ...request.headers, 'accept-encoding': value } });
  return requests.map((request) => {
    const setup = request.setupRequest;
    if (typeof setup !== 'function') return withHeader(request);
    return withHeader({
      ...request,
      setupRequest: (req, context) => {
        const made = setup(req, context);
        return made && withHeader(made);
      },
    });
  });
}

/**
 * One autocannon run of a scenario against the server at `url`: for `seconds`, or until the
 * scenario's prepared data runs out, whichever comes first.
 */
export function measure(url: string, scenario: Scenario, options: MeasureOptions & { share?: number }): Promise<Measurement> {
  // autocannon builds one request per connection ahead, so keep that much prepared data spare;
  // `share` runs measure the same scenario at once (one per server) and split what is left.
  const share = options.share ?? 1;
  const amount = scenario.remaining ? Math.floor((scenario.remaining() - options.connections * share) / share) : undefined;
  if (amount !== undefined && amount < options.connections) {
    return Promise.reject(new Error(`${scenario.name}: only ${scenario.remaining?.()} prepared requests left; generate more`));
  }
  return new Promise((resolve, reject) => {
    const requests = options.acceptEncoding === undefined ? scenario.requests() : withAcceptEncoding(scenario.requests(), options.acceptEncoding);
    const instance = autocannon({ url, connections: options.connections, duration: options.seconds, amount, requests }, (error, result) => {
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

/**
 * One autocannon run per server at once, each with `connections` of its own, the load split
 * between them; their figures are summed by `combineMeasurements`.
 */
export async function measureAll(urls: readonly string[], scenario: Scenario, options: MeasureOptions): Promise<Measurement> {
  const runs = await Promise.all(urls.map((url) => measure(url, scenario, { ...options, share: urls.length })));
  return combineMeasurements(runs);
}

/**
 * Concurrent runs against several servers as one: requests, req/s, non-2xx and errors summed;
 * p50 the mean of the runs' weighted by their requests (an estimate: the runs' histograms are
 * not kept), p99 the worst of them, so a slow server is not averaged away.
 */
export function combineMeasurements(runs: readonly Measurement[]): Measurement {
  if (runs.length === 1) return runs[0];
  const requests = runs.reduce((sum, m) => sum + m.requests, 0);
  return {
    requests,
    rps: runs.reduce((sum, m) => sum + m.rps, 0),
    p50_ms: requests > 0 ? Math.round((runs.reduce((sum, m) => sum + m.p50_ms * m.requests, 0) / requests) * 100) / 100 : 0,
    p99_ms: Math.max(0, ...runs.map((m) => m.p99_ms)),
    non_2xx: runs.reduce((sum, m) => sum + m.non_2xx, 0),
    errors: runs.reduce((sum, m) => sum + m.errors, 0),
    seconds: Math.max(0, ...runs.map((m) => m.seconds)),
  };
}
