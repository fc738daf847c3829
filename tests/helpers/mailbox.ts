import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { createMailer, type Mailer } from '../../server/services/mail/mailer.js';

/** A real SMTP server on loopback that keeps what it receives, parsed. */
export interface TestMailbox {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  messages: ParsedMail[];
  /** While true, every message is refused with 451 (a mail server in trouble). */
  refusing: boolean;
  /** The messages to one address. */
  to(address: string): ParsedMail[];
  /** Waits until `count` messages have arrived (all, or to `address`), or fails after `ms`. */
  waitFor(count: number, address?: string, ms?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

const addressesOf = (mail: ParsedMail): string[] =>
  (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((to) => to.value.map((value) => value.address ?? ''));

/** Starts an SMTP server (smtp-server, no TLS, authentication optional) on a random loopback port. */
export async function startMailbox(): Promise<TestMailbox> {
  const mailbox: TestMailbox = {
    url: '',
    messages: [],
    refusing: false,
    to: (address) => mailbox.messages.filter((mail) => addressesOf(mail).includes(address)),
    async waitFor(count, address, ms = 20_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const got = address ? mailbox.to(address) : mailbox.messages;
        if (got.length >= count) return got;
        if (Date.now() > deadline) throw new Error(`expected ${count} messages${address ? ` to ${address}` : ''}, got ${got.length}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'test' }),
    onData(stream, _session, callback) {
      if (mailbox.refusing) {
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream).then(
        (mail) => {
          mailbox.messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mailbox.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return mailbox;
}

/**
 * The hooks the mail suites share: one mailbox for the file and a mailer that sends to it, handed to the
 * suite's own variables once they are there, e.g. `useMailbox((started) => ({ mailbox, mailer } = started))`.
 */
export function useMailbox(bind: (started: { mailbox: TestMailbox; mailer: Mailer }) => void): void {
  let started: { mailbox: TestMailbox; mailer: Mailer } | undefined;
  beforeAll(async () => {
    const mailbox = await startMailbox();
    started = { mailbox, mailer: createMailer(mailbox.url, 'PACAK rating <pacak@bkk.example.go.id>')! };
    bind(started);
  });
  afterAll(async () => {
    started?.mailer.close();
    await started?.mailbox.close();
  });
}
