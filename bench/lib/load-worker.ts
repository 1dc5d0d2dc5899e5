/**
 * The load generator of bench/load.ts, in a worker thread so that it does not share the server's
 * event loop: autocannon holds one keep-alive connection per simulated user, each with its own
 * session cookie and CSRF token, and asks load-mix.ts what that user does next.
 */
import { parentPort, workerData } from 'node:worker_threads';
import autocannon from 'autocannon';
import { KINDS, afterResponse, needsBody, newUserState, nextStep, type Kind, type Step, type UserState } from './load-mix.js';

export type LoadUser = { cookie: string; csrfToken: string };

export type LoadPlan = {
  url: string;
  users: LoadUser[];
  pools: { organizations: string[]; people: string[] };
  durationSeconds: number;
  /** Requests per second per user (autocannon's connectionRate); 0: each sends again as soon as answered. */
  rate: number;
  /** Requests per second of all users together (autocannon's overallRate); 0: not limited so. */
  overallRate: number;
  /** Seconds of load by a few users first, not measured: a cold server (JIT, caches) is slower. */
  warmupSeconds: number;
  timeoutSeconds: number;
  seed: number;
};

export type KindTally = {
  /** Response times in ms, every answer whatever its status. */
  latencies: number[];
  statuses: Record<number, number>;
  /** Requests that never got an answer: timed out, or their connection failed. */
  abandoned: number;
  /** 200 answers whose body could not be read as JSON. */
  unreadable: number;
};

export type Phase = {
  users: number;
  kinds: Record<Kind, KindTally>;
  seconds: number;
  /** Failed requests by error message, as autocannon reports them (timeouts included). */
  errors: Record<string, number>;
};
export type LoadResult = { warmup: Phase | null; load: Phase };

async function drive(plan: LoadPlan, users: LoadUser[], durationSeconds: number, rate: number, seed: number): Promise<Phase> {
  const kinds = Object.fromEntries(KINDS.map((k): [Kind, KindTally] => [k, { latencies: [], statuses: {}, abandoned: 0, unreadable: 0 }])) as Record<Kind, KindTally>;
  const states: UserState[] = users.map((_, i) => newUserState(i, seed));
  /** Each user's request on the wire (one at a time: no pipelining). */
  const inFlight: (Step | null)[] = users.map(() => null);
  const userOf = new WeakMap<object, number>();
  const errors: Record<string, number> = {};
  let nextUser = 0;

  const build = (i: number, req: autocannon.Request): autocannon.Request => {
    // Still in flight when the next one is built: it timed out or its connection failed.
    const lost = inFlight[i];
    if (lost) kinds[lost.kind].abandoned += 1;
    const step = nextStep(states[i], plan.pools);
    inFlight[i] = step;
    const user = users[i];
    const headers: Record<string, string> = { cookie: `legato_session=${user.cookie}`, 'accept-language': 'en' };
    if (step.method !== 'GET') {
      headers['x-csrf-token'] = user.csrfToken;
      headers['content-type'] = 'application/json';
    }
    return { ...req, method: step.method, path: step.path, headers, body: step.body === undefined ? undefined : JSON.stringify(step.body) };
  };

  const options: autocannon.Options = {
    url: plan.url,
    connections: users.length,
    duration: durationSeconds,
    timeout: plan.timeoutSeconds,
    ...(rate > 0 ? { connectionRate: rate } : {}),
    ...(plan.overallRate > 0 && users === plan.users ? { overallRate: plan.overallRate } : {}),
    // Replaced per connection in setupClient (autocannon needs a valid first request).
    requests: [{ method: 'GET', path: '/api/health' }],
    setupClient(client) {
      const i = nextUser++;
      userOf.set(client, i);
      client.setRequests([
        {
          setupRequest: (req) => build(i, req),
          onResponse: (status, body) => {
            const step = inFlight[i];
            if (!step || !needsBody(step)) return;
            try {
              afterResponse(states[i], step, status, body);
            } catch {
              kinds[step.kind].unreadable += 1;
            }
          },
        },
      ]);
    },
  };
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });
  instance.on('response', (client, status, _bytes, ms) => {
    const i = userOf.get(client);
    const step = i === undefined ? null : inFlight[i];
    if (i === undefined || !step) return;
    inFlight[i] = null;
    const tally = kinds[step.kind];
    tally.latencies.push(ms);
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
  });
  instance.on('reqError', (err: Error) => {
    const message = String(err?.message ?? err);
    errors[message] = (errors[message] ?? 0) + 1;
  });
  const result = await finished;
  return { users: users.length, kinds, seconds: result.duration, errors };
}

async function run(plan: LoadPlan): Promise<LoadResult> {
  const warmup = plan.warmupSeconds > 0 ? await drive(plan, plan.users.slice(0, 10), plan.warmupSeconds, 0, plan.seed + 1) : null;
  return { warmup, load: await drive(plan, plan.users, plan.durationSeconds, plan.rate, plan.seed) };
}

run(workerData as LoadPlan).then(
  (result) => parentPort!.postMessage({ result }),
  (err) => parentPort!.postMessage({ error: String((err as Error)?.stack ?? err) }),
);
