/** Whether a message from another process of the service (over Node's IPC channel) is of this type. */
export const isProcessMessage = <T extends { type: string }>(message: unknown, type: T['type']): message is T =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
