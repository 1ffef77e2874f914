/**
 * The Brussels clock for the web app's date inputs. One implementation serves the server and
 * the browser (src/shared/platform/brussels-time.ts, free of zod); this name stays for the
 * pages that read "today" as `brusselsToday`.
 */
export { brusselsDate as brusselsToday, fromBrusselsInput, toBrusselsInput } from '../../shared/platform/brussels-time';
