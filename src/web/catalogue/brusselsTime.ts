/**
 * Dates and times as Flemish teachers read them: on the Brussels clock, whatever the
 * device's own time zone. Date inputs give and take plain local values ("2026-11-29",
 * "2026-11-29T14:00"); the API speaks ISO 8601 with an offset.
 */
const TIME_ZONE = 'Europe/Brussels';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function brusselsParts(date: Date): Parts {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Minutes Brussels is ahead of UTC at this moment (60 in winter, 120 in summer). */
function offsetMinutes(date: Date): number {
  const p = brusselsParts(date);
  const wallClockAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((wallClockAsUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/** Today's date in Brussels, `YYYY-MM-DD`. */
export function brusselsToday(now: Date = new Date()): string {
  const p = brusselsParts(now);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** An ISO timestamp → the value of a `datetime-local` input on the Brussels clock. */
export function toBrusselsInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const p = brusselsParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** A `datetime-local` value read on the Brussels clock → ISO 8601 with its offset; null when malformed. */
export function fromBrusselsInput(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  const wallClockAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wallClockAsUtc).getUTCDate() !== day) return null;
  let offset = offsetMinutes(new Date(wallClockAsUtc));
  // the guess may sit on the other side of a clock change; one correction settles it
  offset = offsetMinutes(new Date(wallClockAsUtc - offset * 60_000));
  const sign = offset >= 0 ? '+' : '-';
  return `${local}:00${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
}
