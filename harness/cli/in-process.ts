import { main } from './main.ts';

export interface InProcessResult {
  /** What `main()` returned: the exit code `bin/` gives the process. */
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * The CLI's `main()` in the calling process, with what it printed through the console captured: for
 * tests of what a command answers (exit code, message), which need no process of their own. A
 * process costs a second of CPU for the loader alone; tests of process behaviour (signals, a server
 * left running, stdio) still spawn `bin/`.
 */
export async function mainInProcess(...args: string[]): Promise<InProcessResult> {
  const { log, error } = console;
  const out: string[] = [];
  const err: string[] = [];
  console.log = (...parts: unknown[]) => out.push(parts.map(String).join(' '));
  console.error = (...parts: unknown[]) => err.push(parts.map(String).join(' '));
  try {
    const status = await main(args);
    return { status, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}
