const SLAB_BYTES = 256 * 1024;

/**
 * A JSON answer written piece by piece as UTF-8 into one scratch buffer, then copied out once:
 * the pieces (summaries kept as text, a few live fields) are encoded where they land, instead of
 * being joined into one long string that is flattened and encoded again. Not re-entrant: one
 * answer at a time, from `start()` to `bytes()`, with no await between them.
 */
export class JsonBytes {
  private scratch = Buffer.allocUnsafe(64 * 1024);
  private end = 0;
  /** Where answers are cut from, as Node's pool does for small buffers: one memory block per many answers, not one each. */
  private slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
  private slabUsed = 0;

  start(): this {
    this.end = 0;
    return this;
  }

  /** Appends the text as UTF-8. */
  text(piece: string): this {
    // A UTF-16 unit is at most three bytes of UTF-8.
    this.room(piece.length * 3);
    this.end += this.scratch.write(piece, this.end, 'utf8');
    return this;
  }

  /** Appends bytes already encoded. */
  raw(piece: Uint8Array): this {
    this.room(piece.length);
    this.scratch.set(piece, this.end);
    this.end += piece.length;
    return this;
  }

  /** Appends one ASCII character, such as a comma between items, without encoding a string. */
  ascii(code: number): this {
    this.room(1);
    this.scratch[this.end++] = code;
    return this;
  }

  /** Appends `source[from, to)`: bytes kept encoded, copied without a view of them. */
  copy(source: Buffer, from: number, to: number): this {
    this.room(to - from);
    this.end += source.copy(this.scratch, this.end, from, to);
    return this;
  }

  /** The answer written since `start()`, in bytes of its own (no later answer overwrites them). */
  bytes(): Buffer {
    if (this.end > SLAB_BYTES / 8) {
      const answer = Buffer.allocUnsafe(this.end);
      this.scratch.copy(answer, 0, 0, this.end);
      return answer;
    }
    if (this.slabUsed + this.end > SLAB_BYTES) {
      this.slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
      this.slabUsed = 0;
    }
    const answer = this.slab.subarray(this.slabUsed, this.slabUsed + this.end);
    this.scratch.copy(answer, 0, 0, this.end);
    // The next answer starts on an 8-byte boundary, as Node's pool aligns.
    this.slabUsed += (this.end + 7) & ~7;
    return answer;
  }

  private room(bytes: number): void {
    if (this.end + bytes <= this.scratch.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * this.scratch.length, this.end + bytes));
    this.scratch.copy(larger, 0, 0, this.end);
    this.scratch = larger;
  }
}
