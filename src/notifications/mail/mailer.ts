import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';

/** One e-mail as the notifications feature composes it. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** Stable per e-mail: a retry sends the same Message-ID, so a server that has the first can drop the copy. */
  messageId: string;
}

/** Seconds, not nodemailer's minutes: a server that does not answer is treated as down and retried later. */
const CONNECTION_TIMEOUT_MS = 10_000;
const SOCKET_TIMEOUT_MS = 30_000;

/** Sends e-mail over SMTP (SMTP_URL) with nodemailer; without SMTP_URL there is nothing to send through. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transporter: Transporter | null;

  constructor(private readonly config: AppConfig) {
    this.transporter = config.SMTP_URL
      ? createTransport({
          url: config.SMTP_URL,
          connectionTimeout: CONNECTION_TIMEOUT_MS,
          greetingTimeout: CONNECTION_TIMEOUT_MS,
          socketTimeout: SOCKET_TIMEOUT_MS,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** Resolves once the SMTP server has accepted the e-mail; rejects when it could not be handed over. */
  async send(email: OutgoingEmail): Promise<void> {
    if (!this.transporter) throw new Error('SMTP_URL is not set; no e-mail can be sent.');
    await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: email.to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      messageId: email.messageId,
      headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
    });
  }

  onModuleDestroy(): void {
    this.transporter?.close();
  }
}
