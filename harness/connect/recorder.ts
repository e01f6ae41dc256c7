import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage, MessageExtraInfo } from '@modelcontextprotocol/sdk/types.js';

export interface RecordedFrame {
  direction: 'sent' | 'received';
  message: JSONRPCMessage;
}

/**
 * Wraps any SDK transport and keeps every JSON-RPC frame in both directions, whatever the
 * transport (HTTP, stdio, in-memory). Frames are kept raw here and redacted when written out.
 */
export class RecordingTransport implements Transport {
  readonly frames: RecordedFrame[] = [];
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  constructor(
    readonly inner: Transport,
    private readonly observe?: (frame: RecordedFrame) => void,
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    this.inner.onmessage = (message, extra) => {
      this.keep({ direction: 'received', message });
      this.onmessage?.(message, extra);
    };
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => this.onerror?.(error);
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    this.keep({ direction: 'sent', message });
    await this.inner.send(message, options);
  }

  async close(): Promise<void> {
    await this.inner.close();
  }

  /** JSON-RPC requests sent so far (notifications and responses excluded). */
  requestCount(): number {
    return this.frames.filter((f) => f.direction === 'sent' && 'method' in f.message && 'id' in f.message)
      .length;
  }

  private keep(frame: RecordedFrame): void {
    this.frames.push(frame);
    this.observe?.(frame);
  }
}
