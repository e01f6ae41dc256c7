/** Jira's timestamp form: `2026-10-01T09:00:00.000+0000` (offset without a colon). */
export function jiraDateTime(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

/** Parses the offsets Jira accepts (`+0000`, `+00:00`, `Z`); NaN date when it cannot. */
export function parseJiraDateTime(text: string): Date {
  const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return new Date(normalised);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}
