// Email through SMTP with nodemailer. Connection errors and 4xx replies keep the message in the
// outbox (`unavailable`); 5xx replies (no such mailbox, relay denied) fail it (`rejected`).
import nodemailer from 'nodemailer';
import { TransportError, type EmailOut, type EmailTransport } from './transports';

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string | null;
  from: string;
  /** Only for tests against a local server with a self-signed certificate. */
  allowInvalidCertificates?: boolean;
}

export class SmtpEmailTransport implements EmailTransport {
  readonly name = 'smtp';
  private readonly transporter: nodemailer.Transporter;

  constructor(private readonly config: SmtpConfig) {
    this.transporter = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.password ?? '' } : undefined,
      tls: config.allowInvalidCertificates ? { rejectUnauthorized: false } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
  }

  async send(message: EmailOut): Promise<{ providerId: string }> {
    try {
      const info = await this.transporter.sendMail({
        from: this.config.from, to: message.to, subject: message.subject, text: message.text, ...(message.html ? { html: message.html } : {}), messageId: message.messageId,
        ...(message.attachments?.length ? { attachments: message.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content, ...(a.cid ? { cid: a.cid } : {}) })) } : {}),
      });
      if (info.rejected.length) throw new TransportError('rejected', `rejected by the mail server: ${info.rejected.join(', ')}`);
      return { providerId: info.messageId };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      const code = (error as { responseCode?: number }).responseCode;
      throw new TransportError(code && code >= 500 ? 'rejected' : 'unavailable', error instanceof Error ? error.message : String(error));
    }
  }

  close(): void {
    this.transporter.close();
  }
}
