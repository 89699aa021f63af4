import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message as a local SMTP server received it; `acknowledged` once the server answered 250. */
export interface ReceivedMail {
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  acknowledged: boolean;
}

/** Headers unfolded, body decoded from quoted-printable when so encoded: enough for our plain-text mails. */
function parseMail(raw: string): Pick<ReceivedMail, 'messageId' | 'subject' | 'text'> {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => headers.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim() ?? '';
  let text = raw.slice(split + 4);
  if (/quoted-printable/i.test(header('Content-Transfer-Encoding'))) {
    text = Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
  }
  return { messageId: header('Message-ID'), subject: header('Subject'), text };
}

/**
 * A real SMTP server (the `smtp-server` package) on a free local port, the edge the SMTP transport talks to.
 * `hold(mail)` true keeps the server from answering that message's DATA: the sender waits mid-send.
 * `defer(mail)` true answers 451 (try again later), as a relay does while its queue or disk is full.
 */
export async function startSmtpReceiver(hold: (mail: ReceivedMail) => boolean = () => false, defer: (mail: ReceivedMail) => boolean = () => false) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail: ReceivedMail = { to: session.envelope.rcptTo.map((r) => r.address), ...parseMail(Buffer.concat(chunks).toString('utf8')), acknowledged: false };
        received.push(mail);
        if (hold(mail)) return;
        if (defer(mail)) {
          callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
          return;
        }
        mail.acknowledged = true;
        callback();
      });
    },
  });
  // A client killed mid-transaction resets its connection, which the server reports as an error; what the
  // server received and acknowledged is what the tests read, so the report is not a failure here.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
