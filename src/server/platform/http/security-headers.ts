import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/**
 * The web app's Content Security Policy. The built app has no inline script (Vite puts its module
 * preload polyfill in the entry chunk) and no inline style element: React and ECharts set styles
 * through the DOM (`element.style`), which a CSP does not govern, so `style-src 'self'` holds.
 * The favicon is a `data:` SVG. Nothing may frame the app (the one-click join page included).
 */
export function appCsp(secure: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    ...(secure ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/**
 * The docs page (`/api/docs`, Swagger UI) writes `<style>` elements of its own, so it alone
 * allows inline styles; scripts stay `'self'`. Set by @fastify/swagger-ui on its own routes.
 */
export const DOCS_CSP = [
  "default-src 'self'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  "object-src 'none'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
].join('; ');

/** What a page may use of the browser: none of the devices and sensors the app has no use for. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()';

/** The @fastify/helmet options of the app: which headers every answer carries and with what values. */
export function helmetOptions(secure: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: appCsp(secure) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  };
}

/**
 * The headers @fastify/helmet sets with `options`, read once from a throw-away server: the answer
 * a route's handler sees on its raw response. The plugin builds helmet's middleware anew on every
 * request (a tenth of a cheap route's time) for headers that never change.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  probe.get('/', async (_request, reply) => reply.raw.getHeaders());
  const response = await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return response.json();
}

/**
 * Security headers on every answer, the API's and the web app's: those @fastify/helmet computes
 * (the CSP, `X-Frame-Options: DENY`, `nosniff`, `Referrer-Policy: no-referrer` as invitation and
 * response links carry their token in the path, and HSTS only when the server runs behind https,
 * `SECURE_COOKIES=1`: over plain http it would lock a browser out) and `Permissions-Policy`,
 * computed once and written by one hook.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): Promise<void> {
  const headers = { ...(await helmetHeaders(helmetOptions(options.secure))), 'permissions-policy': PERMISSIONS_POLICY };
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}
