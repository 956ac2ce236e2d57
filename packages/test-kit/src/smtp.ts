// A real SMTP server in the test process (smtp-server), on 127.0.0.1 and a free port: what a test's
// mail worker sends arrives here, raw and parsed (mailparser), for the test to read. `refuse` lets a
// test turn mails away: it is asked for each incoming mail and may answer an SMTP reply code.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './e2e-server';

export type CaughtMail = { raw: string; parsed: ParsedMail; to: string[] };

export type TestSmtp = {
  url: string;
  mails: CaughtMail[];
  /** resolves when `count` mails have arrived (default 1 more than now) */
  waitForMails(count: number, ms?: number): Promise<CaughtMail[]>;
  /** refusals so far (each refused attempt) */
  refused: number;
  close(): Promise<void>;
};

/** `port`: when the server under test must be told it before the SMTP server starts (e2e) */
export async function startTestSmtp(
  opts: { refuse?: (attempt: number) => number | null; port?: number } = {},
): Promise<TestSmtp> {
  const port = opts.port ?? (await freePort());
  const mails: CaughtMail[] = [];
  let attempts = 0;
  const state = { refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        attempts++;
        const reply = opts.refuse?.(attempts) ?? null;
        if (reply !== null) {
          state.refused++;
          const err = Object.assign(new Error('refused by the test'), { responseCode: reply });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({ raw, parsed: await simpleParser(raw), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refused() {
      return state.refused;
    },
    async waitForMails(count, ms = 15_000) {
      const end = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > end) throw new Error(`expected ${count} mails, ${mails.length} arrived`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
