import { describe, expect, it } from 'vitest';
import type { Capability } from '../catalogue/index.ts';
import { Breaches, SpecBreach } from './clauses.ts';
import { supported } from './outcome.ts';

const capability: Capability = {
  id: 'protocol.example.check',
  area: 'protocol',
  title: 'example',
  description: 'an example capability',
  tools: [],
  mutates: false,
  clauses: [
    { key: 'must', level: 'MUST', source: '2025-06-18 basic#x', text: 'The server MUST do it.' },
    { key: 'should', level: 'SHOULD', source: '2025-06-18 basic#y', text: 'The server SHOULD do that.' },
    { key: 'told', level: 'described', source: '2025-06-18 basic#z', text: 'Servers usually do this.' },
  ],
};

describe('Breaches', () => {
  it('nothing breached: the outcome the check built', () => {
    expect(new Breaches(capability).settle(supported('fine'), 'none')).toEqual(supported('fine'));
  });

  it('SHOULD and described breaches are partial, the SHOULD cited first and each clause once', () => {
    const spec = new Breaches(capability);
    spec.breach('told', 'odd');
    spec.breach('should', 'first');
    spec.breach('should', 'second');
    const outcome = spec.settle(supported('fine'), 'work around it', 'what was seen');
    expect(outcome.verdict).toBe('partial');
    expect(outcome.workaround).toBe('work around it');
    expect(outcome.evidence).toBe(
      'first; second — SHOULD (2025-06-18 basic#y): "The server SHOULD do that."; odd — described, not required (2025-06-18 basic#z): "Servers usually do this.". what was seen',
    );
  });

  it('a MUST breach fails, cited before a SHOULD met earlier', () => {
    const spec = new Breaches(capability);
    spec.breach('should', 'met first');
    spec.breach('must', 'met second');
    expect(() => spec.settle(supported('fine'), '')).toThrow(SpecBreach);
    expect(() => spec.settle(supported('fine'), '')).toThrow(
      /^met second — MUST \(2025-06-18 basic#x\): "The server MUST do it."; met first — SHOULD/,
    );
  });

  it('must() stops the check at once; an unknown key is the harness author’s error', () => {
    expect(() => new Breaches(capability).must('must', 'now')).toThrow(SpecBreach);
    expect(() => new Breaches(capability).breach('nope', 'x')).toThrow(/names no clause "nope"/);
  });
});
