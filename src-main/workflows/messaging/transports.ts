// The channels messages leave by. A transport either accepts a message (returning the
// provider's id) or fails with a typed reason: `unavailable` (network down, provider 5xx,
// throttled — the message stays in the outbox and is retried later) or `rejected` (bad number,
// unapproved template — retrying will not help, the message is marked failed).
export interface SmsOut {
  phone: string;
  text: string;
  /** The provider's approved template code and its variables (Chinese SMS clouds send only approved templates). */
  templateCode: string | null;
  params: Record<string, string>;
  outId: string;
}

export interface EmailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** Content-ID for images the HTML part shows inline (`<img src="cid:…">`). */
  cid?: string;
}

export interface EmailOut {
  to: string;
  subject: string;
  text: string;
  html: string | null;
  messageId: string;
  attachments?: EmailAttachment[];
}

export class TransportError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'rejected',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface SmsTransport {
  readonly name: string;
  send(message: SmsOut): Promise<{ providerId: string }>;
}

export interface EmailTransport {
  readonly name: string;
  send(message: EmailOut): Promise<{ providerId: string }>;
}

export interface Transports {
  sms: SmsTransport | null;
  email: EmailTransport | null;
}
