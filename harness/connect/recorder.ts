import type { Transport, TransportSendOptions } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  isInitializeRequest,
  type JSONRPCMessage,
  type MessageExtraInfo,
} from '@modelcontextprotocol/sdk/types.js';
import type { FrameObserver, RecordedFrame } from '../protocol/frames.ts';
import { boundedJson, DEPTH_CAP, VALUE_STRING_CAP } from '../records/bounds.ts';

/**
 * A frame as kept for evidence: strings cut at VALUE_STRING_CAP (records/bounds.ts) and nesting at
 * DEPTH_CAP; arrays stay whole, so a kept frame still validates against the SDK's schemas.
 */
export function boundedFrame<T>(message: T): T {
  return boundedJson(message, {
    string: VALUE_STRING_CAP,
    array: Number.POSITIVE_INFINITY,
    depth: DEPTH_CAP,
  }) as T;
}

export interface RecordingOptions {
  observer?: FrameObserver;
  /** The protocol revision `initialize` asks for instead of the SDK's latest (frames are recorded as sent). */
  requestVersion?: string;
}

/** How many dropped frames' parse errors are kept; the rest are only counted. */
export const DROPPED_KEPT = 20;

/**
 * Wraps any SDK transport and keeps every JSON-RPC frame in both directions, whatever the
 * transport (HTTP, stdio, in-memory). Frames are kept raw here and redacted when written out.
 */
export class RecordingTransport implements Transport {
  readonly frames: RecordedFrame[] = [];
  /**
   * What the transport received and dropped as not JSON-RPC (the SDK only reports it as an error): the
   * parse errors of the first `DROPPED_KEPT`, and how many there were in all (a server logging to stdout).
   */
  readonly dropped: string[] = [];
  droppedCount = 0;
  /** The revision negotiated at initialize, as the client hands it to the transport. */
  protocolVersion?: string;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T, extra?: MessageExtraInfo) => void;

  constructor(
    readonly inner: Transport,
    private readonly options: RecordingOptions = {},
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.protocolVersion = version;
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    this.inner.onmessage = (message, extra) => {
      this.keep({ direction: 'received', message });
      this.onmessage?.(message, extra);
    };
    this.inner.onclose = () => this.onclose?.();
    this.inner.onerror = (error) => {
      // The SDK transports report a frame they cannot parse here and then drop it.
      if (error.name === 'ZodError' || error instanceof SyntaxError) {
        this.droppedCount++;
        if (this.dropped.length < DROPPED_KEPT) this.dropped.push(error.message.slice(0, 300));
        this.options.observer?.unparseable(error.message);
      }
      this.onerror?.(error);
    };
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    const version = this.options.requestVersion;
    const frame: JSONRPCMessage =
      version && isInitializeRequest(message)
        ? { ...message, params: { ...message.params, protocolVersion: version } }
        : message;
    this.keep({ direction: 'sent', message: frame });
    await this.inner.send(frame, options);
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
    // The observer validates what really passed; the kept copy is bounded (a 50 MB answer stays 64 KiB).
    this.frames.push({ direction: frame.direction, message: boundedFrame(frame.message) });
    this.options.observer?.frame(frame);
  }
}
