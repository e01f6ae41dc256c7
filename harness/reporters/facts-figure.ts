import { z } from 'zod';

const CountSchema = z.object({ held: z.number().int(), total: z.number().int() });

/**
 * How many public facts about Rovo (fixtures/fidelity) a target reproduced, for one endpoint
 * generation: the `fidelity` command's figure, carried in the run header of every report.
 */
export const FactsFigureSchema = z.object({
  /** `v1` (v1 and both-generation facts, probed at /v1/mcp) or `v2` (probed at /v2/mcp). */
  generation: z.string(),
  /** What was probed: `profile default` on the mock, or a target's name. */
  on: z.string(),
  confirmed: CountSchema,
  partial: CountSchema,
  /** Facts this target cannot be probed for (mock setup, writes, another generation). */
  notTestable: z.number().int(),
  /** Ids of the facts not reproduced. */
  missed: z.array(z.string()),
});
export type FactsFigure = z.infer<typeof FactsFigureSchema>;

/** `v1: N of M facts reproduced (confirmed: a of b, partial: c of d) on profile default`. */
export function figureLine(f: FactsFigure): string {
  const held = f.confirmed.held + f.partial.held;
  const total = f.confirmed.total + f.partial.total;
  const untested = f.notTestable > 0 ? `; ${f.notTestable} not testable there` : '';
  return (
    `${f.generation}: ${held} of ${total} facts reproduced ` +
    `(confirmed: ${f.confirmed.held} of ${f.confirmed.total}, partial: ${f.partial.held} of ${f.partial.total}) on ${f.on}${untested}`
  );
}
