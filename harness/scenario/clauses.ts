import type { Capability } from '../catalogue/index.ts';
import type { Clause, ClauseLevel } from '../catalogue/schema.ts';
import { HarnessError } from '../errors.ts';
import { type Outcome, partial } from './outcome.ts';

/** A breach of a MUST clause: the check's verdict is `failed`, its evidence the clause. */
export class SpecBreach extends Error {
  override readonly name = 'SpecBreach';
  readonly code = 'SPEC_BREACH';
}

const STRENGTH: Record<ClauseLevel, number> = { MUST: 0, SHOULD: 1, described: 2, MAY: 3 };

/** `detail — SHOULD (2025-06-18 page#section): "the sentence"`. */
export function cite(clause: Clause, detail: string): string {
  const level = clause.level === 'described' ? 'described, not required' : clause.level;
  return `${detail} — ${level} (${clause.source}): "${clause.text}"`;
}

/**
 * What a check found against the spec sentences its catalogue entry names. A MUST breach makes
 * the check `failed`; a SHOULD breach, or a departure from behaviour the spec only describes,
 * `partial`. The evidence leads with the first breach of the strongest clause, whatever order the
 * check met them in (a never-issued session id answered 400 is noted, but an ended session served
 * is what the evidence cites).
 */
export class Breaches {
  private readonly found: { clause: Clause; detail: string }[] = [];

  constructor(private readonly capability: Capability) {}

  clause(key: string): Clause {
    const clause = this.capability.clauses?.find((c) => c.key === key);
    if (!clause)
      throw new HarnessError(
        'UNKNOWN_CAPABILITY',
        `${this.capability.id} names no clause "${key}" in harness/catalogue/${this.capability.area}.json`,
      );
    return clause;
  }

  /** Notes a breach of the clause `key`; the check goes on to find the others. */
  breach(key: string, detail: string): void {
    this.found.push({ clause: this.clause(key), detail });
  }

  /** Breaches a MUST clause now: nothing after it can change the verdict. */
  must(key: string, detail: string): never {
    this.breach(key, detail);
    throw new SpecBreach(this.evidence());
  }

  get count(): number {
    return this.found.length;
  }

  /**
   * The verdict: `ok` when nothing was breached; `partial` (each breach cited, strongest first) when
   * only SHOULD or described clauses were; otherwise throws SpecBreach citing the first MUST breach.
   */
  settle(ok: Outcome, workaround: string, context = ''): Outcome {
    if (this.found.length === 0) return ok;
    const evidence = this.evidence(context);
    if (this.strongest() === 'MUST') throw new SpecBreach(evidence);
    return partial(evidence, workaround, ok.details ? { details: ok.details } : {});
  }

  private ordered() {
    return this.found
      .map((b, i) => ({ ...b, i }))
      .sort((a, b) => STRENGTH[a.clause.level] - STRENGTH[b.clause.level] || a.i - b.i);
  }

  private strongest(): ClauseLevel | undefined {
    return this.ordered()[0]?.clause.level;
  }

  /** Each clause cited once, after all its breaches. */
  private evidence(context = ''): string {
    const byClause = new Map<Clause, string[]>();
    for (const b of this.ordered()) byClause.set(b.clause, [...(byClause.get(b.clause) ?? []), b.detail]);
    const cited = [...byClause].map(([clause, details]) => cite(clause, details.join('; ')));
    return [cited.join('; '), ...(context ? [context] : [])].join('. ');
  }
}
