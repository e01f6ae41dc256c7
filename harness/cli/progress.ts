import type { CheckRecord } from '../records/schema.ts';
import { countVerdicts } from '../reporters/verdicts.ts';
import { pad, paint, useColour } from './style.ts';

const BAR_WIDTH = 24;

/**
 * Progress of a long run, per capability area with counts: a live bar on a terminal, and otherwise
 * one plain line per finished area (CI logs). Written to stderr so stdout stays the result.
 */
export class Progress {
  private readonly done = new Map<string, CheckRecord[]>();
  private count = 0;
  private failed = 0;
  private readonly total: number;
  private readonly live: boolean;
  private readonly colour: boolean;
  private readonly width: number;

  constructor(
    /** Checks expected per area. */
    private readonly expected: ReadonlyMap<string, number>,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.total = [...expected.values()].reduce((n, c) => n + c, 0);
    this.live = stream.isTTY === true && process.env.TERM !== 'dumb';
    this.colour = useColour(stream);
    this.width = Math.max(...[...expected.keys()].map((a) => a.length), 8) + 2;
  }

  add(area: string, record: CheckRecord): void {
    const list = this.done.get(area) ?? [];
    list.push(record);
    this.done.set(area, list);
    this.count += 1;
    if (record.verdict === 'failed') this.failed += 1;
    if (this.live) this.stream.write('\r\u001b[2K');
    if (list.length === this.expected.get(area)) this.stream.write(`${this.areaLine(area)}\n`);
    if (this.live) this.stream.write(this.bar());
  }

  /** Ends the bar and names every area that did not report all its checks. */
  finish(): void {
    if (this.live) this.stream.write('\r\u001b[2K');
    for (const [area, n] of this.expected)
      if ((this.done.get(area)?.length ?? 0) < n) this.stream.write(`${this.areaLine(area)}\n`);
  }

  private areaLine(area: string): string {
    const list = this.done.get(area) ?? [];
    const expected = this.expected.get(area) ?? 0;
    const missing = expected - list.length;
    const text = `${pad(area, this.width)}${list.length}/${expected} checks${list.length ? `: ${countVerdicts(list.map((r) => r.verdict))}` : ''}${missing > 0 ? ` (${missing} did not report)` : ''}`;
    const bad = missing > 0 || list.some((r) => r.verdict === 'failed');
    return bad ? paint(text, 'red', this.colour) : text;
  }

  private bar(): string {
    const share = this.total === 0 ? 1 : Math.min(1, this.count / this.total);
    const filled = Math.round(share * BAR_WIDTH);
    const running = [...this.expected]
      .filter(([area, n]) => this.done.has(area) && (this.done.get(area)?.length ?? 0) < n)
      .map(([area, n]) => `${area} ${this.done.get(area)?.length ?? 0}/${n}`);
    return `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${this.count}/${this.total} checks${this.failed ? paint(`, ${this.failed} failed`, 'red', this.colour) : ''}${running.length ? `  ${running.join('  ')}` : ''}`;
  }
}
