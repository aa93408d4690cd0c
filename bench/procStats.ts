import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let clockTicks: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat times (100 on Linux almost everywhere). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** Resident set size of a process in MiB, from /proc (Linux) or `ps` elsewhere. */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    if (kb !== undefined) return Number(kb) / 1024;
  } catch {
    // no /proc: fall through to ps
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** User + system CPU time a process has used so far, in ms; undefined without /proc. */
export function cpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return ((utime + stime) * 1000) / ticksPerSecond();
  } catch {
    return undefined;
  }
}

/** Samples a process's RSS on an interval and remembers the peak since the last `mark()`. */
export class RssSampler {
  private timer: NodeJS.Timeout | undefined;
  private peakSinceMark = 0;
  private peakOverall = 0;

  constructor(
    private readonly pid: number,
    private readonly intervalMs = 50,
  ) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  /** Starts a new window for `peak()`. */
  mark(): void {
    this.peakSinceMark = 0;
    this.sample();
  }

  /** Peak RSS (MiB) since the last mark. */
  peak(): number {
    this.sample();
    return this.peakSinceMark;
  }

  /** Peak RSS (MiB) since start. */
  overallPeak(): number {
    return this.peakOverall;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sample(): void {
    try {
      const mib = rssMiB(this.pid);
      this.peakSinceMark = Math.max(this.peakSinceMark, mib);
      this.peakOverall = Math.max(this.peakOverall, mib);
    } catch {
      // the process is gone; the peak so far stands
    }
  }
}
