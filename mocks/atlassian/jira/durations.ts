const UNIT_SECONDS: Record<string, number> = { w: 5 * 8 * 3600, d: 8 * 3600, h: 3600, m: 60 };

/** Jira durations: "2h", "30m", "1d 4h", "1w"; days are 8 hours and weeks 5 days, Jira's defaults. */
export function parseDuration(text: string): number | undefined {
  const parts = text.trim().toLowerCase().split(/\s+/);
  let seconds = 0;
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(part);
    if (!m?.[1] || !m[2]) return undefined;
    seconds += Number(m[1]) * (UNIT_SECONDS[m[2]] ?? 0);
  }
  return seconds > 0 ? Math.round(seconds) : undefined;
}

export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}
