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
const KEPT_RUNS = RUNS.flatMap((run, r) => (run.kept ? [r] : []));
/** Per head: where it starts, then where each run ends. */
const STRIDE = RUNS.length + 1;
/** About what a head takes as UTF-8, to size the buffer before the catalogue is read. */
const BYTES_PER_HEAD = 600;

/**
 * Every published training's summary JSON without its next session and closing brace, as UTF-8
 * in one buffer: written once when the catalogue is read, then copied into answers as bytes. A
 * search answer's list item is the same JSON with some runs of fields left out (see
 * trainingListItemSchema), so one copy of each head serves both shapes. Held as strings, the
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

  /** Bytes held by the heads. */
  get size(): number {
    return this.bytes.length + this.bounds.byteLength;
  }

  /** Keeps a head, answering its number. */
  add(head: SummaryHead): number {
    const n = this.count++;
    if (n * STRIDE + STRIDE > this.bounds.length) this.bounds = grown(this.bounds, this.bounds.length + this.bounds.length / 2);
    this.bounds[n * STRIDE] = this.end;
    // As JSON.stringify writes the whole object: each field's name and value, comma-separated.
    let separator = '{';
    RUNS.forEach((run, r) => {
      for (const field of run.fields) {
        this.write(`${separator}"${field}":${JSON.stringify(head[field])}`);
        separator = ',';
      }
      this.bounds[n * STRIDE + r + 1] = this.end;
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
    return this.bytes.toString('utf8', this.bounds[n * STRIDE], this.bounds[n * STRIDE + RUNS.length]);
  }

  writeSummary(n: number, out: JsonBytes): void {
    out.copy(this.bytes, this.bounds[n * STRIDE], this.bounds[n * STRIDE + RUNS.length]);
  }

  writeListItem(n: number, out: JsonBytes): void {
    for (const r of KEPT_RUNS) out.copy(this.bytes, this.bounds[n * STRIDE + r], this.bounds[n * STRIDE + r + 1]);
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
