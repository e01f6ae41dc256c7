import type { Readable } from 'node:stream';
import type Dockerode from 'dockerode';
import type { WaitStrategy } from 'testcontainers';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ContainerStartError extends Error {
  override readonly name = 'ContainerStartError';
  readonly code = 'CONTAINER_START';
}

/** The last lines a container wrote, for the message when it does not come up. */
export class LogTail {
  private text = '';
  private ended: Promise<void> = Promise.resolve();

  consume = (stream: Readable): void => {
    stream.on('data', (chunk: string | Buffer) => {
      this.text = (this.text + chunk.toString()).slice(-4000);
    });
    this.ended = new Promise((resolve) => {
      stream.once('end', resolve);
      stream.once('close', resolve);
    });
  };

  /** The tail once the log stream has delivered everything (it ends when the container exits). */
  async final(waitMs = 2000): Promise<string> {
    await Promise.race([this.ended, pause(waitMs)]);
    return String(this);
  }

  toString(): string {
    const lines = this.text.trim().split('\n').slice(-5);
    return lines[0] ? `its output ended with: ${lines.join(' | ')}` : 'it wrote nothing';
  }
}

/**
 * Ready when the MCP endpoint answers HTTP at its path: any status but 404 (a GET without a session
 * is refused with 400, 401 or 405, which proves the server is there). A container that exits first,
 * or an endpoint still silent or 404 at the deadline, fails with what the container printed.
 */
export class McpEndpointWait implements WaitStrategy {
  private timeoutMs = 20_000;
  private timeoutSet = false;

  constructor(
    private readonly url: URL,
    private readonly tail: LogTail,
  ) {}

  withStartupTimeout(ms: number): this {
    this.timeoutMs = ms;
    this.timeoutSet = true;
    return this;
  }

  isStartupTimeoutSet(): boolean {
    return this.timeoutSet;
  }

  getStartupTimeout(): number {
    return this.timeoutMs;
  }

  async waitUntilReady(container: Dockerode.Container): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const { State } = await container.inspect();
      if (!State.Running) {
        const output = await this.tail.final();
        // testcontainers only removes a container it could stop; this one stopped by itself.
        await container.remove({ force: true, v: true }).catch(() => undefined);
        throw new ContainerStartError(
          `the container exited with code ${State.ExitCode} before ${this.url} answered; ${output}`,
        );
      }
      const status = await this.status();
      if (typeof status === 'number' && status !== 404) return;
      const last =
        typeof status === 'number' ? `HTTP 404: nothing is served at ${this.url.pathname}` : status;
      if (Date.now() > deadline)
        throw new ContainerStartError(
          `${this.url} did not answer within ${this.timeoutMs} ms (last: ${last}); ${String(this.tail)}`,
        );
      await pause(100);
    }
  }

  private async status(): Promise<number | string> {
    try {
      const response = await fetch(this.url, {
        headers: { accept: 'text/event-stream' },
        signal: AbortSignal.timeout(2000),
      });
      void response.body?.cancel().catch(() => undefined);
      return response.status;
    } catch (error) {
      return (error as Error).cause instanceof Error
        ? (error as { cause: Error }).cause.message
        : String(error);
    }
  }
}
