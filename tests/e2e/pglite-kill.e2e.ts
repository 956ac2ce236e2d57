// #14 item 2, the embedded database: a kill -9 of the server at any moment loses no committed data. The
// server takes writes on its own PGlite data directory; each write answered 201 is noted; the process is
// killed with SIGKILL at a random moment while writes are in flight; the same directory is started again
// (its pid lock left by a dead process is taken over) and every acknowledged write must be there.
import type { TestServer } from '@jinji/test-kit/e2e-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ADMIN_PASSWORD, prepareTenant } from './support/app';
import { HttpSession, sleep } from './support/processes';
import { startServer } from './support/server';

const ROUNDS = 3;
const WRITERS = 3;

describe('PGlite: kill -9 during writes', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ prepare: prepareTenant() });
  }, 180_000);
  afterAll(() => server?.stop());

  const logIn = async () => {
    const s = new HttpSession(server.url);
    const r = await s.request('POST', '/api/v1/auth/login', {
      tenantCode: ADMIN.tenantCode,
      loginId: ADMIN.loginId,
      password: ADMIN_PASSWORD,
    });
    expect(r.status).toBe(200);
    return s;
  };

  it('keeps every acknowledged write through each kill, and the directory opens again', async () => {
    const runs: { acked: number; inFlightAtKill: number; lost: number; killAfterMs: number }[] = [];
    let browser = await logIn();
    for (let round = 1; round <= ROUNDS; round++) {
      const acked: string[] = [];
      let stop = false;
      let inFlight = 0;
      let n = 0;
      const writer = async () => {
        while (!stop) {
          const code = `K${round}-${++n}`;
          inFlight++;
          try {
            const r = await browser.request('POST', '/api/v1/masters/company', { code, name: `停電試験${code}` });
            if (r.status === 201) acked.push(code);
            else if (!stop) throw new Error(`write ${code}: ${r.status}`);
          } catch (e) {
            if (!stop) throw e;
          } finally {
            inFlight--;
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, writer);
      const killAfterMs = 300 + Math.floor(Math.random() * 1_200);
      await sleep(killAfterMs);
      stop = true;
      const inFlightAtKill = inFlight;
      await server.crash();
      await Promise.all(writers);
      await server.restart(); // the same data directory; its jinji.pid names the killed process
      // the session was committed too: the same browser goes on without logging in again
      const me = await browser.request('GET', '/api/v1/auth/me');
      if (me.status !== 200) browser = await logIn();
      const list = await browser.request('GET', '/api/v1/masters/company?pageSize=500');
      expect(list.status).toBe(200);
      const present = new Set((list.body as { items: { code: string }[] }).items.map((i) => i.code));
      const lost = acked.filter((code) => !present.has(code));
      runs.push({ acked: acked.length, inFlightAtKill, lost: lost.length, killAfterMs });
      expect(acked.length).toBeGreaterThan(0);
      expect(lost).toEqual([]);
    }
    console.log(JSON.stringify({ fault: 'pglite-kill-9', rounds: ROUNDS, writers: WRITERS, runs }));
  }, 300_000);
});
