import type { SchoolRole } from './schools';

/**
 * Where a new team member lands after joining (by password or identity provider): those who
 * take Digisnap go straight to the scan, others to the start page. Free of zod, for the browser.
 */
export function landingAfterJoining(role: SchoolRole): '/scan' | '/' {
  return role === 'teacher' || role === 'ict_coordinator' ? '/scan' : '/';
}
