import { expect, it, vi } from 'vitest';
import { UnsupportedVerbError } from '../errors.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { driverOnDemand } from './on-demand.ts';
import type { Driver } from './types.ts';

const target = (dialect: TargetSpec['dialect']): TargetSpec => ({
  name: 'spawned',
  kind: 'stdio',
  dialect,
  command: 'node server.js',
  reason: 'test',
});

const opened = () => {
  const driver = { whoAmI: vi.fn(() => Promise.resolve({ accountId: 'a', displayName: 'A' })), session: 's' };
  return { driver, open: vi.fn(() => Promise.resolve(driver as unknown as Driver)) };
};

it('a data dialect refuses a verb it maps no tool for without opening a session', async () => {
  const { open } = opened();
  const driver = await driverOnDemand(target('mcp-atlassian'), open);
  await expect(driver.issueTypes('SBX')).rejects.toBeInstanceOf(UnsupportedVerbError);
  await expect(driver.linkIssues('Blocks', 'A-1', 'A-2')).rejects.toThrow(/no issue-link tools/);
  expect(() => driver.session).toThrow(/no session before a verb reached its server/);
  expect(driver.dialect).toBe('mcp-atlassian');
  expect(open).not.toHaveBeenCalled();
});

it('opens the session once, with the first verb the dialect maps', async () => {
  const { driver: real, open } = opened();
  const driver = await driverOnDemand(target('mcp-atlassian'), open);
  await driver.whoAmI();
  await driver.whoAmI();
  expect(open).toHaveBeenCalledTimes(1);
  expect(real.whoAmI).toHaveBeenCalledTimes(2);
  expect(driver.session).toBe('s');
});

it('a dialect written as code opens its session at once', async () => {
  const { open } = opened();
  await driverOnDemand(target('rovo'), open);
  expect(open).toHaveBeenCalledTimes(1);
});
