import { readFileSync } from 'node:fs';

/**
 * Watches the server process through /proc (Linux): its peak resident memory and the CPU time it
 * has used. The kernel's own high-water mark, VmHWM, catches peaks between samples; VmRSS is
 * polled as well. CPU time per request moves less than req/s when other work shares the machine.
 */
export class ServerWatch {
  private peakKb = 0;
  /** Since `startWindow()`: the highest VmRSS sample, and the kernel's high-water mark at its start. */
  private windowPeakKb = 0;
  private windowStartHwmKb = 0;
  private hwmKb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    intervalMs = 200,
  ) {
    this.timer = setInterval(() => this.sampleMemory(), intervalMs);
    this.timer.unref();
    this.sampleMemory();
  }

  /** Peak resident set size in MB so far. */
  peakRssMb(): number {
    this.sampleMemory();
    return Math.round((this.peakKb / 1024) * 10) / 10;
  }

  /** User plus system CPU time of the whole process (all threads) so far, in ms. */
  cpuMs(): number {
    try {
      // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN; // not Linux, or the process has ended
    }
  }

  /** Starts a window (a scenario) whose own peak `windowPeakRssMb()` tells. */
  startWindow(): void {
    this.sampleMemory();
    this.windowStartHwmKb = this.hwmKb;
    this.windowPeakKb = 0;
  }

  /**
   * Peak resident set size in MB since `startWindow()`: the highest sample, or the high-water
   * mark when it rose inside the window (a peak between samples is then this window's).
   */
  windowPeakRssMb(): number {
    this.sampleMemory();
    const peak = this.hwmKb > this.windowStartHwmKb ? this.hwmKb : this.windowPeakKb;
    return Math.round((peak / 1024) * 10) / 10;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sampleMemory(): void {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      for (const [, name, kb] of status.matchAll(/^(VmHWM|VmRSS):\s+(\d+) kB$/gm)) {
        this.peakKb = Math.max(this.peakKb, Number(kb));
        if (name === 'VmHWM') this.hwmKb = Number(kb);
        else this.windowPeakKb = Math.max(this.windowPeakKb, Number(kb));
      }
    } catch {
      // not Linux, or the process has ended
    }
  }
}
