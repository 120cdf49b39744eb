import { CommandBus } from '@nestjs/cqrs';
import { testEnvironment } from '@tracker/config';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {  } from '@tracker/application';
import { rootOperations } from '../testing/contract';
import { bearer, signTestToken } from '../testing/test-tokens';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ALLOWED_CODES, MalformedRequests, show, type FuzzCase, type FuzzRequest } from './fuzz/malformed-requests';
import { fuzzSeed, SeededRandom } from './fuzz/seeded-random';
import { createFuzzFixtures, VALID_INPUTS } from './fuzz/valid-inputs';

/**
 * Thousands of generated malformed requests over every mutation of the served schema (see
 * fuzz/malformed-requests.ts for the kinds of mistake), one after another, each checked:
 * no 5xx, no INTERNAL_SERVER_ERROR, every error coded from the contract's list (or Apollo's
 * parse / validation codes), an answer within MAX_ANSWER_MS, and not one event recorded by a
 * refused request. HARDENING_HEAVY=1 sends 20,000; FUZZ_CASES sets the number; FUZZ_SEED
 * replays a run (the seed is printed with every failure).
 *
 * The requests go one at a time, never past the api's limit of requests at once: a 503 for
 * load (OVERLOADED) would mean a request kept its place after its answer (a malformed or
 * oversized body, say), so it is a failure here like any 5xx, and afterwards every place must
 * be free (postgres-restart.e2e.spec.ts is where shedding under overload is a correct answer).
 */
const { hardeningHeavy: HEAVY, fuzzCases, fuzzSeed: givenSeed } = testEnvironment();
const CASES = fuzzCases ?? (HEAVY ? 20_000 : 2_000);
const SEED = fuzzSeed(givenSeed);
// A liveness bound, not a performance figure: answers take milliseconds, and one that blocks
// the event loop (a limit walking an exponential fragment tree) takes hours.
const MAX_ANSWER_MS = 5_000;
const BODY_LIMIT = 1024 * 1024;

let api: TestApp;
let baseUrl: string;
let generator: MalformedRequests;
const sentPerMutation = new Map<string, number>();

beforeAll(async () => {
  api = await startTestApp({ readYourWritesTimeoutMs: 0, bodyLimitBytes: BODY_LIMIT });
  await api.app.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  const now = Math.floor(Date.now() / 1000);
  const refused = [
    await signTestToken({ roles: ['admin'] }, { expiresInSeconds: -60 }),
    await signTestToken({ roles: ['admin'], nbf: now + 3600 }),
    await signTestToken({ roles: ['admin'] }, { secret: 'another-secret-another-secret-0123456789' }),
    unsigned({ sub: 'mallory', roles: ['admin'], exp: now + 300 }),
  ].map((token) => `Bearer ${token}`);
  generator = new MalformedRequests({
    schema: api.app.get(GraphQLSchemaHost).schema,
    fixtures: await createFuzzFixtures(api.app.get(CommandBus)),
    random: new SeededRandom(SEED),
    bodyLimitBytes: BODY_LIMIT,
    tokens: { admin: await bearer(['admin'], 'fuzzer'), diplomat: await bearer(['diplomat']), auditor: await bearer(['auditor']), refused },
  });
});

afterAll(async () => {
  await api?.close();
});

function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

interface Answer {
  status: number;
  contentType: string;
  text: string;
  body?: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  ms: number;
}

async function send(request: FuzzRequest): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${baseUrl}/graphql${request.search ? `?${request.search}` : ''}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: AbortSignal.timeout(MAX_ANSWER_MS * 4),
  });
  const text = await response.text();
  let body: Answer['body'];
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, body, ms: Date.now() - started };
}

/** What is wrong with the answer to a malformed request; empty when nothing is. */
function problemsWith(fuzz: FuzzCase, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`HTTP ${answer.status}`);
  if (fuzz.status !== undefined && answer.status !== fuzz.status) problems.push(`HTTP ${answer.status}, expected ${fuzz.status}`);
  if (answer.ms > MAX_ANSWER_MS) problems.push(`answered after ${answer.ms} ms`);
  if (!/^application\/(graphql-response\+)?json/.test(answer.contentType)) problems.push(`content-type ${answer.contentType}`);
  if (!answer.body) return [...problems, `not JSON: ${show(answer.text)}`];
  const errors = answer.body.errors ?? [];
  if (fuzz.expectSuccess) {
    if (errors.length) problems.push(`errors on a retry: ${show(errors)}`);
    return problems;
  }
  if (errors.length === 0) problems.push(`accepted: ${show(answer.body.data)}`);
  for (const error of errors) {
    const code = error.extensions?.code;
    if (!code || !(ALLOWED_CODES as readonly string[]).includes(code)) problems.push(`code ${code}: ${show(error.message, 300)}`);
    else if (fuzz.expected.length && !fuzz.expected.includes(code)) problems.push(`code ${code}, expected ${fuzz.expected.join(' or ')}: ${show(error.message, 300)}`);
  }
  return problems;
}

describe('input fuzzing', () => {
  jest.setTimeout(HEAVY ? 3_600_000 : 240_000);

  it(`has a well-formed input for every mutation the api serves`, () => {
    const served = rootOperations(api.app.get(GraphQLSchemaHost).schema).filter((op) => op.startsWith('Mutation.'));
    expect(served.map((op) => op.slice('Mutation.'.length)).filter((name) => !VALID_INPUTS[name])).toEqual([]);
  });

  it(`answers ${CASES} malformed requests with contract codes, no 5xx, recording nothing (seed ${SEED})`, async () => {
    const failures: string[] = [];
    for (let index = 0; index < CASES && failures.length < 25; index += 1) {
      const fuzz = await generator.next(index);
      sentPerMutation.set(fuzz.mutation, (sentPerMutation.get(fuzz.mutation) ?? 0) + 1);
      let firstPosition: unknown;
      if (fuzz.first) {
        const first = await send(fuzz.first);
        const errors = first.body?.errors;
        if (first.status !== 200 || errors?.length) {
          failures.push(`#${index} ${fuzz.kind} ${fuzz.mutation}: the well-formed first request failed: ${show(errors ?? first.text, 400)}`);
          continue;
        }
        firstPosition = (first.body?.data?.[fuzz.mutation] as { result?: { position?: string } })?.result?.position;
      }
      const before = await api.eventCount();
      const answer = await send(fuzz.request);
      const problems = problemsWith(fuzz, answer);
      const after = await api.eventCount();
      if (after !== before) problems.push(`recorded ${after - before} event(s)`);
      if (fuzz.expectSuccess) {
        const position = (answer.body?.data?.[fuzz.mutation] as { result?: { position?: string } })?.result?.position;
        if (position !== firstPosition) problems.push(`the retry answered position ${position}, the first ${firstPosition}`);
      }
      if (problems.length) {
        failures.push(`#${index} ${fuzz.kind} ${fuzz.mutation} (${fuzz.note}): ${problems.join('; ')} [HTTP ${answer.status}: ${show(answer.text, 300)}]`);
      }
    }
    if (failures.length) throw new Error(`seed ${SEED} (replay with FUZZ_SEED=${SEED}):\n${failures.join('\n')}`);
  });

  it('sent malformed requests to every mutation', () => {
    const mutations = generator.mutations.map((m) => m.name);
    const least = Math.floor(CASES / mutations.length) - 1;
    expect(mutations.filter((name) => (sentPerMutation.get(name) ?? 0) < least)).toEqual([]);
  });

  it('gave every place back: nothing was shed, nothing is left in flight', async () => {
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^tracker_http_requests_shed_total 0$/m);
    expect(metrics).toMatch(/^tracker_http_requests_in_flight 0$/m);
  });

  it('is still up afterwards: the history verifies, a valid mutation works', async () => {
    await api.http.get('/health').expect(200);
    const query = await api.graphql('{ verifyHistory { ok eventsChecked } }', undefined, await bearer(['auditor']));
    expect(query.body.errors).toBeUndefined();
    expect(query.body.data.verifyHistory.ok).toBe(true);
    expect(query.body.data.verifyHistory.eventsChecked).toBeGreaterThan(0);
    const before = await api.eventCount();
    const mutation = await api.graphql(
      'mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) { result { version } } }',
      { input: { name: { th: 'หอการค้าไทย' }, kind: 'ASSOCIATION' } },
      await bearer(['diplomat']),
    );
    expect(mutation.body.errors).toBeUndefined();
    expect(await api.eventCount()).toBe(before + 1);
  });
});
