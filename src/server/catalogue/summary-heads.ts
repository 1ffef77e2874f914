import { type TrainingSummaryDto, trainingListItemSchema, trainingSummarySchema } from '../../shared/catalogue/api';
import type { JsonBytes } from './json-bytes';

/** A summary without its next session, which is live and written per answer. */
export type SummaryHead = Omit<TrainingSummaryDto, 'nextSession'>;

/** The head's fields in the contract's order, grouped in runs that a list item either keeps or leaves out whole. */
const RUNS = (() => {
  const kept = new Set(Object.keys(trainingListItemSchema.shape));
  const runs: Array<{ fields: Array<keyof SummaryHead>; kept: boolean }> = [];
  for (const field of Object.keys(trainingSummarySchema.shape) as Array<keyof TrainingSummaryDto>) {
    if (field === 'nextSession') continue;
    const last = runs[runs.length - 1];
    if (last?.kept === kept.has(field)) last.fields.push(field);
    else runs.push({ fields: [field], kept: kept.has(field) });
  }
  // The first run opens the object: a list item must keep it.
  if (!runs[0].kept) throw new Error('a list item keeps the first field of a summary');
  return runs;
})();
/** The runs as stored: those a list item keeps first, so a list item is one range of bytes. */
const STORED = [...RUNS.filter((run) => run.kept), ...RUNS.filter((run) => !run.kept)];
const KEPT = RUNS.filter((run) => run.kept).length;
/** Per run in the contract's order, its place in STORED. */
const PLACE = RUNS.map((run) => STORED.indexOf(run));
/** Per head: where it starts, then where each stored run ends. */
const STRIDE = RUNS.length + 1;
/** About what a head takes as UTF-8, to size the buffer before the catalogue is read. */
const BYTES_PER_HEAD = 600;

/**
 * Every published training's summary JSON without its next session and closing brace, as UTF-8
 * in one buffer: written once when the catalogue is read, then copied into answers as bytes. A
 * search answer's list item is the same JSON with some runs of fields left out (see
 * trainingListItemSchema): those it keeps are stored first, so a list item is one copy and a
 * whole summary the runs in the contract's order, and one copy of each head serves both shapes. Held as strings, the
 * heads took twice the memory (most are two-byte strings) and were encoded again per answer.
 */
export class SummaryHeads {
  private bytes: Buffer;
  private end = 0;
  private bounds: Uint32Array;
  private count = 0;

  constructor(expected: number) {
    this.bytes = Buffer.allocUnsafe(Math.max(1, expected) * BYTES_PER_HEAD);
    this.bounds = new Uint32Array(Math.max(1, expected) * STRIDE);
  }

  /** Keeps a head, answering its number. */
  add(head: SummaryHead): number {
    const n = this.count++;
    if (n * STRIDE + STRIDE > this.bounds.length) this.bounds = grown(this.bounds, this.bounds.length + this.bounds.length / 2);
    this.bounds[n * STRIDE] = this.end;
    // Each field as JSON.stringify writes it in the whole object: the first opens it, the others follow a comma.
    STORED.forEach((run, place) => {
      for (const field of run.fields) this.write(`${field === RUNS[0].fields[0] ? '{' : ','}"${field}":${JSON.stringify(head[field])}`);
      this.bounds[n * STRIDE + place + 1] = this.end;
    });
    return n;
  }

  /** Gives back the room kept for heads not written: once the catalogue is read. */
  trim(): void {
    const bytes = Buffer.allocUnsafe(this.end);
    this.bytes.copy(bytes, 0, 0, this.end);
    this.bytes = bytes;
    this.bounds = this.bounds.slice(0, this.count * STRIDE);
  }

  /** The summary's head as text, JSON.stringify's of the summary without its next session and closing brace. */
  text(n: number): string {
    return PLACE.map((place) => this.bytes.toString('utf8', this.bounds[n * STRIDE + place], this.bounds[n * STRIDE + place + 1])).join('');
  }

  writeSummary(n: number, out: JsonBytes): void {
    for (const place of PLACE) out.copy(this.bytes, this.bounds[n * STRIDE + place], this.bounds[n * STRIDE + place + 1]);
  }

  /** The list item's head: one copy, its runs stored first and together. */
  writeListItem(n: number, out: JsonBytes): void {
    out.copy(this.bytes, this.bounds[n * STRIDE], this.bounds[n * STRIDE + KEPT]);
  }

  private write(piece: string): void {
    // A UTF-16 unit is at most three bytes of UTF-8; a head added after trim() grows the buffer by an eighth.
    if (this.end + piece.length * 3 > this.bytes.length) {
      const bytes = Buffer.allocUnsafe(Math.max(this.end + piece.length * 3, this.bytes.length + (this.bytes.length >>> 3)));
      this.bytes.copy(bytes, 0, 0, this.end);
      this.bytes = bytes;
    }
    this.end += this.bytes.write(piece, this.end, 'utf8');
  }
}

function grown(array: Uint32Array, length: number): Uint32Array {
  const larger = new Uint32Array(Math.ceil(length / STRIDE) * STRIDE);
  larger.set(array);
  return larger;
}
