import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

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

/**
 * Security headers on every answer, the API's and the web app's, with @fastify/helmet: the CSP,
 * `X-Frame-Options: DENY`, `nosniff`, `Referrer-Policy: no-referrer` (invitation and response
 * links carry their token in the path), `Permissions-Policy`, and HSTS only when the server runs
 * behind https (`SECURE_COOKIES=1`): over plain http it would lock a browser out.
 */
export async function registerSecurityHeaders(app: FastifyInstance, options: { secure: boolean }): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appCsp(options.secure) },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: options.secure ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
