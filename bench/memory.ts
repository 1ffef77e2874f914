import { readFileSync } from 'node:fs';

/**
 * Watches one process's resident memory through /proc (Linux). The kernel's own high-water mark,
 * VmHWM, catches peaks between samples; polling VmRSS keeps a figure where VmHWM is missing.
 */
export class MemoryWatch {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number, intervalMs = 200) {
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
    this.sample();
  }

  /** Peak resident set size in MB so far. */
  peakMb(): number {
    this.sample();
    return Math.round((this.peakKb / 1024) * 10) / 10;
  }

  stop(): number {
    const peak = this.peakMb();
    clearInterval(this.timer);
    return peak;
  }

  private sample(): void {
    const status = readStatus(this.pid);
    if (!status) return;
    this.peakKb = Math.max(this.peakKb, status.VmHWM ?? 0, status.VmRSS ?? 0);
  }
}

function readStatus(pid: number): Record<string, number> | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const fields: Record<string, number> = {};
    for (const match of text.matchAll(/^(Vm\w+):\s+(\d+) kB$/gm)) fields[match[1]] = Number(match[2]);
    return fields;
  } catch {
    return undefined; // not Linux, or the process has ended
  }
}
