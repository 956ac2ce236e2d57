// Two apps in one process, as `npm start` runs HR and training over one database: both listen; a
// shutdown lets an in-flight request on either finish, and only then closes the shared resources in order.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { runServer } from './run-server';

describe('runServer', () => {
  it('serves two apps on two ports and closes HTTP first, then the resources in order', async () => {
    const events: string[] = [];
    let release = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const hr = Fastify({ logger: false });
    hr.get('/who', async () => ({ app: 'hr' }));
    hr.get('/slow', async () => {
      events.push('slow started');
      await slow;
      events.push('slow answered');
      return { done: true };
    });
    const training = Fastify({ logger: false });
    training.get('/who', async () => ({ app: 'training' }));
    training.addHook('onClose', async () => void events.push('training http closed'));
    hr.addHook('onClose', async () => void events.push('hr http closed'));

    let closed = () => {};
    const isClosed = new Promise<void>((resolve) => {
      closed = resolve;
    });
    const server = await runServer({
      apps: [
        { app: hr, port: 0, host: '127.0.0.1', name: 'hr' },
        { app: training, port: 0, host: '127.0.0.1', name: 'training' },
      ],
      resources: [
        { close: async () => void events.push('jobs stopped'), closedMessage: 'jobs stopped' },
        { close: async () => void events.push('database closed'), closedMessage: 'database closed' },
      ],
      onClosed: closed,
      // these bare apps keep idle keep-alive sockets open (the base app closes them): cut them soon
      graceMs: 500,
    });
    const [hrUrl, trainingUrl] = server.urls;
    expect(hrUrl).not.toBe(trainingUrl);
    expect(await (await fetch(`${hrUrl}/who`)).json()).toEqual({ app: 'hr' });
    expect(await (await fetch(`${trainingUrl}/who`)).json()).toEqual({ app: 'training' });

    const inflight = fetch(`${hrUrl}/slow`).then((r) => r.json());
    while (!events.includes('slow started')) await new Promise((r) => setTimeout(r, 5));
    const shutdown = server.shutdown('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    expect(events).not.toContain('database closed'); // the request still runs
    release();
    expect(await inflight).toEqual({ done: true });
    await shutdown;
    await isClosed;
    expect(events.indexOf('hr http closed')).toBeGreaterThan(events.indexOf('slow answered'));
    expect(events.slice(-3)).toEqual(['hr http closed', 'jobs stopped', 'database closed']);
    expect(events).toContain('training http closed');
  });
});
