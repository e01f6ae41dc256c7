import { describe, expect, it } from 'vitest';
import { compileJql } from './compile.ts';
import { NOW, issue, sampleEnvironment } from './sample-site.ts';
import type { JqlIssueView } from './types.ts';

const COUNT = 20_000;
const STATUSES = ['To Do', 'In Progress', 'Done'];

/**
 * Issue n: OPS when n is a multiple of 4 (else DEMO), status by n mod 3, labelled "hot" when n is
 * a multiple of 10, about logins when n is a multiple of 100, Alice's when n is even, created n
 * minutes before now.
 */
function syntheticIssues(): JqlIssueView[] {
  return Array.from({ length: COUNT }, (_, n) =>
    issue({
      key: `${n % 4 === 0 ? 'OPS' : 'DEMO'}-${n + 1}`,
      status: STATUSES[n % 3],
      labels: n % 10 === 0 ? ['hot'] : [],
      summary: n % 100 === 0 ? `Login broken for customer ${n}` : `Routine maintenance ${n}`,
      assignee: n % 2 === 0 ? 'acc-alice' : 'acc-bob',
      created: new Date(NOW.getTime() - n * 60_000).toISOString(),
      customFields: { customfield_10016: n % 13 },
    }),
  );
}

const issues = syntheticIssues();
const env = sampleEnvironment();

function run(jql: string): JqlIssueView[] {
  const compiled = compileJql(jql, env);
  return issues.filter((i) => compiled.matches(i)).sort((a, b) => compiled.compare(a, b));
}

describe('20,000 synthetic issues', () => {
  it('finds the few issues a selective query names', () => {
    // n divisible by 20 (OPS and hot) with n mod 3 = 2 (Done): n = 20k for k = 1, 4, ..., 997.
    const found = run('project = OPS AND status = Done AND labels = hot');
    expect(found).toHaveLength(333);
    expect(found[0]?.key).toBe('OPS-21');
  });

  it('combines a full-text clause with a user clause', () => {
    expect(run('summary ~ login AND assignee = currentUser()')).toHaveLength(200);
  });

  it('counts a relative date range', () => {
    expect(run('created >= -1d')).toHaveLength(1441);
  });

  it('counts a numeric custom field range', () => {
    // n mod 13 is 12 for 1,538 values of n below 20,000.
    expect(run('cf[10016] >= 12')).toHaveLength(1538);
  });

  it('sorts every issue for an unbounded ORDER BY query', () => {
    const compiled = compileJql('ORDER BY created ASC', env);
    expect(compiled.bounded).toBe(false);
    const found = run('ORDER BY created ASC');
    expect(found).toHaveLength(COUNT);
    expect(found[0]?.key).toBe('DEMO-20000');
    expect(found.at(-1)?.key).toBe('OPS-1');
  });

  it('sorts a broad query by key numerically', () => {
    const found = run('project = DEMO ORDER BY key DESC');
    expect(found).toHaveLength(15_000);
    expect(found.slice(0, 3).map((i) => i.key)).toEqual(['DEMO-20000', 'DEMO-19999', 'DEMO-19998']);
    expect(found.at(-1)?.key).toBe('DEMO-2');
  });
});
