/** Colour only on a terminal, and never when NO_COLOR is set. */
export function useColour(stream: NodeJS.WriteStream = process.stdout): boolean {
  return stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;

export function paint(text: string, colour: keyof typeof CODES, on = useColour()): string {
  return on ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
}

export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}
