import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { HarnessError } from '../errors.ts';
import { loadRequirementSet } from './load.ts';

const dir = mkdtempSync(join(tmpdir(), 'requirements-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const valid = {
  name: 'team',
  description: 'd',
  source: 's',
  requirements: [{ id: 'create', title: 'Create issues', capabilities: ['jira.issue.create'] }],
};

function error(path: string): HarnessError {
  try {
    loadRequirementSet(path);
  } catch (e) {
    if (e instanceof HarnessError) return e;
    throw e;
  }
  throw new Error(`${path} loaded`);
}

it('loads a valid set, filling the defaults', () => {
  expect(loadRequirementSet(file('ok.json', valid)).requirements[0]).toMatchObject({
    critical: true,
    legacyTools: [],
  });
});

it('an unknown capability is a usage error naming the requirement, the field and the likely id', () => {
  const e = error(
    file('typo.json', {
      ...valid,
      requirements: [
        ...valid.requirements,
        {
          id: 'bulk',
          title: 'Bulk create',
          capabilities: ['jira.issue.create', 'jira.isue.craete', 'bulk.nothing'],
        },
      ],
    }),
  );
  expect(e.code).toBe('UNKNOWN_CAPABILITY');
  expect(e.message).toContain(
    'requirements[1].capabilities[1] (requirement "bulk"): "jira.isue.craete" is not in the catalogue; did you mean "jira.issue.create"?',
  );
  expect(e.message).toContain('requirements[1].capabilities[2] (requirement "bulk"): "bulk.nothing"');
});

it('schema errors name the field path; a missing or broken file says so', () => {
  const bad = error(
    file('bad.json', { ...valid, requirements: [{ id: 'Bad Id', title: 'x', capabilities: [] }] }),
  );
  expect(bad.message).toMatch(/requirements\[0\]\.id: requirement ids are lower-case kebab-case/);
  expect(bad.message).toMatch(/requirements\[0\]\.title/);
  expect(bad.message).toMatch(/requirements\[0\]\.capabilities/);
  expect(error(join(dir, 'absent.json')).message).toMatch(/--requirements .*absent\.json: no such file/);
  expect(error(file('broken.json', '{"name": ')).message).toMatch(/is not valid JSON/);
});
