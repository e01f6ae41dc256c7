import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** One JSON-RPC frame of a session, as it passed. */
export interface RecordedFrame {
  direction: 'sent' | 'received';
  message: JSONRPCMessage;
}

/** Sees the traffic of one session as it passes (wire validation). */
export interface FrameObserver {
  frame(frame: RecordedFrame): void;
  /** The transport dropped something it received that was not a JSON-RPC message. */
  unparseable(reason: string): void;
}
