import type { RequirementChange } from '../migration/cutover.ts';
import { STATUS_LABEL } from '../migration/readiness.ts';
import { terminalLine } from './terminal.ts';

/** The `check` answer with two targets: which requirements change status between them, and why. */
export function renderCutover(from: string, to: string, changes: readonly RequirementChange[]): string {
  const head = `Requirements whose verdict changes from ${from} to ${to} (the 2027-03-01 cutover): ${changes.length}`;
  const lines = [head];
  for (const c of changes) {
    lines.push(
      `  ${c.requirement.id} (${c.requirement.title}): ${STATUS_LABEL[c.before]} → ${STATUS_LABEL[c.after]}`,
    );
    // Reasons quote the target's evidence: shown, never obeyed.
    for (const reason of c.reasons) lines.push(`      ${terminalLine(reason)}`);
  }
  if (changes.length === 0) lines.push('  none: every requirement keeps its status');
  return lines.join('\n');
}
