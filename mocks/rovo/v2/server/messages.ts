/**
 * The error sentences of execute* and the primary tools. No capture of any of them exists
 * (rovo-v2-surface.md 4.2): each is the reference's best inference, listed in the profile's
 * assumptions, and says what to do next.
 */
export const v2Messages = {
  unknownOperation: (name: string) =>
    `Unknown operation "${name}". Operation names are case-sensitive; run discover with different keywords to find the exact name.`,
  wrongTier: (name: string, tier: string, tool: string, right: string) =>
    `Operation "${name}" is a ${tier} operation and cannot be run with ${tool}; call it with ${right}.`,
  disabledGroup: (name: string, group: string) =>
    `Operation "${name}" needs the ${group} permission group, which your organization admin has not enabled for the Rovo MCP server.`,
  insufficientScope: (name: string, group: string) =>
    `insufficient_scope: operation "${name}" needs the ${group} permission group, which the token's scopes do not grant.`,
  notModelled: (name: string, reason: string) =>
    `Operation "${name}" is not modelled by this mock of the Rovo MCP Server: ${reason}`,
  missingCloudId: (name: string) =>
    `"${name}" needs cloudId beside name (not inside inputs): call getAccessibleAtlassianResources once and pass its cloudId.`,
  unknownKeys: (name: string, keys: readonly string[], allowed: readonly string[]) =>
    `Invalid arguments for ${name}: unknown key(s) ${keys.map((k) => `"${k}"`).join(', ')}; allowed: ${allowed.join(', ') || '(none)'}`,
  invalidInputs: (name: string, detail: string) => `Invalid arguments for ${name}: ${detail}`,
  needsName: (tool: string) => `${tool} needs "name", the operation to run (see discover).`,
};
