/**
 * Fills a dialect template from a verb's variables. A string that is exactly `{name}` takes the
 * variable's value whatever its type (`{name|text}`: `text` when it has none); `{name}` inside a longer string is replaced by its text. A
 * property whose placeholder has no value is left out, and so is an object left empty by that, so
 * optional inputs need no conditionals in the data. `"$spread": "{name}"` merges an object variable
 * into the object that holds it (extra REST fields).
 */
export type Variables = Readonly<Record<string, unknown>>;

const WHOLE = /^\{([A-Za-z][A-Za-z0-9]*)(?:\|([^}]*))?\}$/;
const PART = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The marker for "no value": the property holding it is dropped. */
const ABSENT = Symbol('absent');

function fillValue(template: unknown, vars: Variables): unknown {
  if (typeof template === 'string') {
    const whole = WHOLE.exec(template);
    if (whole) return vars[whole[1] ?? ''] ?? whole[2] ?? ABSENT;
    let missing = false;
    const text = template.replace(PART, (_m, name: string) => {
      const value = vars[name];
      if (value === undefined || value === null) missing = true;
      return String(value);
    });
    return missing ? ABSENT : text;
  }
  if (Array.isArray(template))
    return template.map((item) => fillValue(item, vars)).filter((item) => item !== ABSENT);
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(template)) {
      const filled = fillValue(value, vars);
      if (filled === ABSENT) continue;
      if (key === '$spread') {
        if (filled !== null && typeof filled === 'object') Object.assign(out, filled);
        continue;
      }
      out[key] = filled;
    }
    const empty = Object.keys(out).length === 0 && Object.keys(template).length > 0;
    return empty ? ABSENT : out;
  }
  return template;
}

export function fillTemplate(template: unknown, vars: Variables): unknown {
  const filled = fillValue(template, vars);
  return filled === ABSENT ? undefined : filled;
}

/** Fills a path template: placeholders are URL-encoded, and a missing one is the caller's bug. */
export function fillPath(template: string, vars: Variables): string {
  return template.replace(PART, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined || value === null) throw new Error(`path ${template} needs {${name}}`);
    return encodeURIComponent(typeof value === 'string' ? value : JSON.stringify(value));
  });
}

/** Whether a template names a variable anywhere (`{name}`, `{name|default}` or inside a longer string). */
export function mentions(template: unknown, name: string): boolean {
  const text = JSON.stringify(template ?? null);
  return text.includes(`{${name}}`) || text.includes(`{${name}|`);
}
