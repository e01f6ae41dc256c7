import type { AdfNode } from './types.ts';

/** Typed reads of `attrs`, which ADF leaves as free-form JSON. */
export function stringAttr(node: AdfNode, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberAttr(node: AdfNode, name: string): number | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
