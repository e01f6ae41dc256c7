import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';

/**
 * Q19 fixed-2024-11-05: the session answers `2024-11-05` whatever version the client asks for, as v1
 * was captured doing (T-V1INIT). The SDK server echoes a version it supports and takes no setting, so
 * the client's `initialize` reaches it asking for the pinned version instead.
 */
export function pinProtocolVersion(transport: Transport, version: string): void {
  const deliver = transport.onmessage;
  transport.onmessage = (message, extra) => {
    const pinned = isInitializeRequest(message)
      ? { ...message, params: { ...message.params, protocolVersion: version } }
      : message;
    deliver?.(pinned, extra);
  };
}
