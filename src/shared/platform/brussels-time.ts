/**
 * Dates and times on the Brussels clock, whatever the time zone of the server or the device:
 * the days of a campaign or round, "today" on a form, a session's start typed into a
 * `datetime-local` input. The API speaks ISO 8601; date inputs give and take plain local
 * values ("2026-11-29", "2026-11-29T14:00"). No imports: the browser loads it without zod.
 */

const TIME_ZONE = 'Europe/Brussels';

/** Made once: building a formatter costs far more than using it, and every campaign window asks four times. */
const brusselsClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What a clock on a Brussels wall shows at this instant. */
function wallClock(instant: number): WallClock {
  const parts = brusselsClock.formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes Brussels is ahead of UTC at this instant (60 in winter, 120 in summer). */
function offsetMinutes(instant: number): number {
  const p = wallClock(instant);
  const wallClockAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((wallClockAsUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time (as if it were UTC) happens in Brussels. The first guess may sit
 * on the other side of a clock change; one correction settles it.
 */
function instantOfWallClock(wallClockAsUtc: number): { instant: number; offset: number } {
  const first = wallClockAsUtc - offsetMinutes(wallClockAsUtc) * 60_000;
  const offset = offsetMinutes(first);
  return { instant: wallClockAsUtc - offset * 60_000, offset };
}

/** Day starts already worked out: every team report read asks for its campaign's window, and the time zone rules are slow to consult. */
const dayStarts = new Map<string, number>();

/** The instant a Brussels day (YYYY-MM-DD) begins, plus `days` days. */
export function brusselsDayStart(date: string, days = 0): Date {
  const key = `${date}+${days}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    const [year, month, day] = date.split('-').map(Number);
    start = instantOfWallClock(Date.UTC(year, month - 1, day + days)).instant;
    if (dayStarts.size >= 10_000) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return new Date(start);
}

/** The date in Brussels at `now` (today by default), YYYY-MM-DD. */
export function brusselsDate(now: Date = new Date()): string {
  return new Date(now.getTime() + offsetMinutes(now.getTime()) * 60_000).toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** An ISO timestamp → the value of a `datetime-local` input on the Brussels clock; '' when malformed. */
export function toBrusselsInput(iso: string): string {
  const instant = new Date(iso).getTime();
  if (Number.isNaN(instant)) return '';
  const p = wallClock(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A `datetime-local` value read on the Brussels clock → ISO 8601 with its offset; null when malformed. */
export function fromBrusselsInput(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wallClockAsUtc).getUTCDate() !== day) return null;
  const { offset } = instantOfWallClock(wallClockAsUtc);
  const sign = offset >= 0 ? '+' : '-';
  return `${local}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
