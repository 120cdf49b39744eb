import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { SeededRandom } from './seeded-random';
import { VALID_INPUTS, type FuzzFixtures, type Input } from './valid-inputs';

/** Error codes a malformed request may get: the contract's, less INTERNAL_SERVER_ERROR, and Apollo's two. */
export const ALLOWED_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
] as const;

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string | Buffer;
  /** GET: the URL's query string, without '?'. */
  search?: string;
}

export interface FuzzCase {
  index: number;
  kind: Kind;
  mutation: string;
  /** What was broken, for the failure report (values cut short). */
  note: string;
  request: FuzzRequest;
  /** Sent first and must succeed: the record a duplicate commandId collides with. */
  first?: FuzzRequest;
  /** The codes this kind of mistake must get (every error's code is one of them). */
  expected: readonly string[];
  /** A request that must succeed and record nothing (a retry with the same commandId). */
  expectSuccess?: boolean;
  /** HTTP status the case must get, when the kind fixes it. */
  status?: number;
}

/** One mutation of the served schema, as the fuzzer needs it. */
interface MutationShape {
  name: string;
  input: GraphQLInputObjectType;
  /** The payload's selection: the command result and the record's id. */
  selection: string;
  payload: GraphQLObjectType;
}

function mutationShapes(schema: GraphQLSchema): MutationShape[] {
  const mutation = schema.getMutationType();
  if (!mutation) return [];
  return Object.values(mutation.getFields()).map((field) => {
    const inputArg = field.args.find((arg) => arg.name === 'input');
    const input = inputArg && getNamedType(inputArg.type);
    if (!input || !isInputObjectType(input)) throw new Error(`Mutation.${field.name} takes no input object: teach the fuzzer its shape`);
    const payload = getNamedType(field.type);
    if (!isObjectType(payload)) throw new Error(`Mutation.${field.name} returns no object`);
    const selection = Object.values(payload.getFields())
      .map((f) => (f.name === 'result' ? 'result { streamId version position projected }' : `${f.name} { id }`))
      .join(' ');
    return { name: field.name, input, selection: `{ ${selection} }`, payload };
  });
}

/** The kinds of mistake, one per case. */
export type Kind =
  | 'broken-json'
  | 'wrong-type'
  | 'unknown-enum'
  | 'missing-required'
  | 'null-required'
  | 'unknown-field'
  | 'invalid-date'
  | 'non-decimal'
  | 'unknown-id'
  | 'huge-string'
  | 'huge-list'
  | 'oversized-body'
  | 'deep-selection'
  | 'deep-document'
  | 'fragment-bomb'
  | 'wide-selection'
  | 'duplicate-command-id'
  | 'retried-command-id'
  | 'bad-token'
  | 'wrong-role'
  | 'bad-expected-version'
  | 'control-characters'
  | 'inline-literal'
  | 'http-shape';

const KINDS: readonly Kind[] = [
  'broken-json',
  'wrong-type',
  'unknown-enum',
  'missing-required',
  'null-required',
  'unknown-field',
  'invalid-date',
  'non-decimal',
  'unknown-id',
  'huge-string',
  'huge-list',
  'oversized-body',
  'deep-selection',
  'deep-document',
  'fragment-bomb',
  'wide-selection',
  'duplicate-command-id',
  'retried-command-id',
  'bad-token',
  'wrong-role',
  'bad-expected-version',
  'control-characters',
  'inline-literal',
  'http-shape',
];

/** A place in an input, and the GraphQL type expected there. */
interface Slot {
  path: (string | number)[];
  type: GraphQLInputType;
}

const INVALID_DATES = [
  '31 กุมภาพันธ์ 2562',
  '๓๒/๑๓/๒๕๖๒',
  '29/02/2562', // 2019 was no leap year
  '30 ก.พ. 2563',
  '2019-02-29',
  '2019-13-01',
  '2019-12-32',
  '0000-00-00',
  '16 ธันวาคม',
  'ธันวาคม ๒๕๖๒',
  '16 Dezember 2562',
  '16/12',
  '2019/12/16/1',
  '',
  '   ',
  'tomorrow',
  '๑๖ ธันวาคม ๒๕๖๒ ๑๖',
  '16 ธ.ค. 99999999999999999999',
  '-2019-12-16',
  '2019-12-16T00:00:00Z',
  '1e5',
  // Outside the era rule's 1900-2200 CE, whichever era the year is read in.
  '1/1/2400',
  '1/1/2401',
  '2401-01-01',
  '31/12/1899',
  '1/1/2744',
  '1 มกราคม พ.ศ. 2019',
];

const NON_DECIMALS: unknown[] = [
  '1e5',
  'NaN',
  '1,000',
  1.5,
  'Infinity',
  '-Infinity',
  '-',
  '',
  ' 10',
  '10 ',
  '๑๐๐',
  '0x10',
  '1.2.3',
  '+5',
  '1_000',
  '١٠٠',
  `1${'0'.repeat(40)}`,
  `0.${'0'.repeat(20)}1`,
  '.5',
  '5.',
  1e21,
  -0.1,
  true,
  { amount: '1' },
  ['1'],
];

const WRONG_VALUES: Record<string, unknown[]> = {
  String: [123, true, { th: 'x' }, ['x'], 1.5],
  ID: [true, { id: 'x' }, ['x'], 1.5],
  Int: ['12', 1.5, true, { n: 1 }, 2 ** 31, -(2 ** 31) - 1, 1e20, 'NaN'],
  Boolean: ['true', 1, {}],
  Date: [20191216, true, { y: 2019 }, ['2019-12-16']],
  Decimal: [1.5, true, {}, 1e21, ['1']],
  enum: [0, true, {}, 'meeting', ' MEETING', 'MEETING ', ''],
  object: ['text', 42, true, [[]]],
};

const BAD_AUTHORIZATION = ['Bearer', 'Bearer ', 'Bearer abc', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'Token x', `Bearer ${'x'.repeat(4000)}`, 'Bearer e30.e30.', 'Bearer ..'];

interface GeneratorOptions {
  schema: GraphQLSchema;
  fixtures: FuzzFixtures;
  random: SeededRandom;
  bodyLimitBytes: number;
  /** Bearer headers: one per role, and tokens the api must refuse (expired, forged, alg none...). */
  tokens: { admin: string; diplomat: string; auditor: string; refused: string[] };
}

/**
 * Makes malformed requests for the mutations of the served schema, each a mistake of one
 * kind, from a seeded PRNG: the same seed makes the same cases (record ids aside).
 */
export class MalformedRequests {
  readonly mutations: MutationShape[];
  private readonly random: SeededRandom;

  constructor(private readonly options: GeneratorOptions) {
    this.mutations = mutationShapes(options.schema);
    this.random = options.random;
  }

  /** Case `index`: mutations in turn, a kind that applies to it at random. */
  async next(index: number): Promise<FuzzCase> {
    const mutation = this.mutations[index % this.mutations.length];
    const kinds = KINDS.filter((kind) => this.applies(kind, mutation));
    const kind = this.random.pick(kinds);
    const made = await this.make(kind, mutation);
    return { index, kind, mutation: mutation.name, ...made };
  }

  private applies(kind: Kind, mutation: MutationShape): boolean {
    const slots = this.slots(mutation.input);
    switch (kind) {
      case 'invalid-date':
        return slots.some((slot) => namedTypeName(slot.type) === 'Date');
      case 'non-decimal':
        return slots.some((slot) => namedTypeName(slot.type) === 'Decimal');
      case 'bad-expected-version':
        return 'expectedVersion' in mutation.input.getFields();
      case 'unknown-id':
        return this.idSlots(mutation).length > 0;
      case 'huge-list':
        return slots.some((slot) => isListType(getNullableType(slot.type)));
      default:
        return true;
    }
  }

  private async make(kind: Kind, mutation: MutationShape): Promise<Omit<FuzzCase, 'index' | 'kind' | 'mutation'>> {
    const r = this.random;
    const input = await this.valid(mutation, false);
    const slots = this.slots(mutation.input);
    switch (kind) {
      case 'broken-json': {
        const body = this.body(mutation, input);
        const broken = r.pick([
          () => body.slice(0, r.int(0, body.length - 1)),
          () => `${body}${r.pick(['}', ',', 'x', ']', '{"a":1}'])}`,
          () => body.replace(/"/g, "'"),
          () => body.replace(/}$/, ',}'),
          () => body.replace(/:/, ': NaN, "x":'),
          () => body.replace(/"(\w+)":/, '$1:'),
          () => `${body.slice(0, 10)}\u0001${body.slice(10)}`,
          () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body.slice(1))]),
          () => 'undefined',
          () => '',
          () => '{',
        ])();
        if (typeof broken === 'string' && parses(broken)) return this.make(kind, mutation);
        return { note: `body: ${show(broken)}`, request: this.post(broken), expected: ['BAD_USER_INPUT'], status: 400 };
      }
      case 'wrong-type': {
        const slot = r.pick(slots);
        const named = getNamedType(slot.type);
        const pool = isInputObjectType(named) ? WRONG_VALUES.object : isEnumType(named) ? WRONG_VALUES.enum : (WRONG_VALUES[named.name] ?? WRONG_VALUES.String);
        const list = isListType(getNullableType(slot.type));
        // A list accepts a lone item (input coercion wraps it): the item itself must be wrong,
        // so no list is picked as the item (['x'] is a fine list of strings).
        let value = r.pick(list ? pool.filter((candidate) => !Array.isArray(candidate)) : pool);
        if (list && r.chance(0.5)) value = [value];
        if (named.name === 'ID' && typeof value === 'number' && Number.isInteger(value)) value = 1.5;
        return this.variablesCase(mutation, setAt(input, slot.path, value), `input.${slot.path.join('.')} = ${show(value)}`, ['BAD_USER_INPUT']);
      }
      case 'unknown-enum': {
        const enumSlots = slots.filter((slot) => isEnumType(getNamedType(slot.type)));
        const slot = enumSlots.length ? r.pick(enumSlots) : undefined;
        if (!slot) return this.make('missing-required', mutation);
        const value = r.pick(['NOT_A_VALUE', 'meeting', 'Meeting', 'MEETING_', 'ACTIVE ', '🙂', 'DELETE', '']);
        return this.variablesCase(mutation, setAt(input, slot.path, value), `input.${slot.path.join('.')} = ${show(value)}`, ['BAD_USER_INPUT']);
      }
      case 'missing-required': {
        const required = slots.filter((slot) => isNonNullType(slot.type) && getAt(input, slot.path) !== undefined);
        if (required.length === 0 || r.chance(0.1)) {
          return r.chance(0.5)
            ? this.variablesCase(mutation, undefined, 'no variables at all', ['BAD_USER_INPUT'])
            : this.variablesCase(mutation, {}, 'input: {}', ['BAD_USER_INPUT']);
        }
        const slot = r.pick(required);
        return this.variablesCase(mutation, deleteAt(input, slot.path), `input.${slot.path.join('.')} left out`, ['BAD_USER_INPUT']);
      }
      case 'null-required': {
        const required = slots.filter((slot) => isNonNullType(slot.type));
        if (required.length === 0 || r.chance(0.1)) {
          return { note: 'input: null', request: this.post({ query: this.document(mutation), variables: { input: null } }), expected: ['BAD_USER_INPUT'] };
        }
        const slot = r.pick(required);
        return this.variablesCase(mutation, setAt(input, slot.path, null), `input.${slot.path.join('.')} = null`, ['BAD_USER_INPUT']);
      }
      case 'unknown-field': {
        // An object inside a list is reached through its first item (a key on the list itself
        // would not survive JSON).
        const objects: { path: (string | number)[]; type: GraphQLInputObjectType }[] = [
          { path: [], type: mutation.input },
          ...slots
            .filter((slot) => isInputObjectType(getNamedType(slot.type)) && getAt(input, slot.path) !== undefined)
            .map((slot) => ({
              path: isListType(getNullableType(slot.type)) ? [...slot.path, 0] : slot.path,
              type: getNamedType(slot.type) as GraphQLInputObjectType,
            })),
        ];
        const target = r.pick(objects);
        const names = ['bogus', 'id_', '__proto__', 'constructor', 'projected', 'version', 'actor', 'position', 'streamId'];
        const name = r.pick(names.filter((candidate) => !(candidate in target.type.getFields())));
        // setAt defines `__proto__` as an own property, which JSON.stringify keeps.
        const broken = setAt(input, [...target.path, name], r.pick([1, 'x', null, { a: 1 }]));
        return this.variablesCase(mutation, broken, `input.${[...target.path, name].join('.')} added`, ['BAD_USER_INPUT']);
      }
      case 'invalid-date': {
        const slot = r.pick(slots.filter((s) => namedTypeName(s.type) === 'Date'));
        const value = r.pick(INVALID_DATES);
        return this.variablesCase(mutation, setAt(input, slot.path, value), `input.${slot.path.join('.')} = ${show(value)}`, ['BAD_USER_INPUT']);
      }
      case 'non-decimal': {
        const slot = r.pick(slots.filter((s) => namedTypeName(s.type) === 'Decimal'));
        const value = r.pick(NON_DECIMALS);
        return this.variablesCase(mutation, setAt(input, slot.path, value), `input.${slot.path.join('.')} = ${show(value)}`, ['BAD_USER_INPUT']);
      }
      case 'unknown-id': {
        const slot = r.pick(this.idSlots(mutation));
        const value = r.pick([r.uuid(), r.uuid().toUpperCase(), 'not-a-uuid', '00000000-0000-0000-0000-000000000000', `${r.uuid()}x`, '1', 'x'.repeat(101), ' ', 'a b']);
        const at = isListType(getNullableType(slot.type)) ? [...slot.path, 0] : slot.path;
        const base = isListType(getNullableType(slot.type)) && getAt(input, slot.path) === undefined ? setAt(input, slot.path, []) : input;
        return this.variablesCase(mutation, setAt(base, at, value), `input.${at.join('.')} = ${show(value)}`, ['NOT_FOUND', 'BAD_USER_INPUT']);
      }
      case 'huge-string': {
        const textSlots = slots.filter((s) => ['String', 'ID'].includes(namedTypeName(s.type)));
        const slot = r.pick(textSlots);
        const unit = r.pick(['x', 'ก', '中', '🙂', ' x']);
        const budget = this.options.bodyLimitBytes - Buffer.byteLength(this.body(mutation, input)) - 1024;
        const length = Math.floor(r.int(Math.min(4001 * 4, budget), budget) / Buffer.byteLength(unit));
        const value = unit.repeat(length);
        const at = isListType(getNullableType(slot.type)) ? [...slot.path, 0] : slot.path;
        return this.variablesCase(mutation, setAt(input, at, value), `input.${at.join('.')} = ${show(unit)} x ${length}`, ['BAD_USER_INPUT', 'NOT_FOUND']);
      }
      case 'huge-list': {
        const slot = r.pick(slots.filter((s) => isListType(getNullableType(s.type))));
        const length = r.pick([1_000, 5_000, 20_000]);
        const named = namedTypeName(slot.type);
        const item = (i: number): unknown => (named === 'ID' ? r.uuid() : named === 'String' ? `topic ${i}` : getAt(input, [...slot.path, 0]));
        const value = Array.from({ length }, (_, i) => item(i));
        return this.variablesCase(mutation, setAt(input, slot.path, value), `input.${slot.path.join('.')}: ${length} items`, ['BAD_USER_INPUT']);
      }
      case 'oversized-body': {
        const over = this.options.bodyLimitBytes + r.int(1, 256 * 1024);
        const body = JSON.stringify({ query: this.document(mutation), variables: { input: { ...input, title: { en: 'x'.repeat(over) } } } });
        return { note: `${body.length} bytes`, request: this.post(body), expected: ['BAD_USER_INPUT'], status: 413 };
      }
      case 'deep-selection': {
        const depth = r.int(11, 80);
        const selection = this.deepSelection(mutation.payload, depth);
        const query = `mutation Fuzz($input: ${mutation.input.name}!) { ${mutation.name}(input: $input) ${selection} }`;
        return { note: `selection ${depth} deep`, request: this.post({ query, variables: { input } }), expected: ['BAD_USER_INPUT'] };
      }
      case 'deep-document': {
        const depth = r.pick([200, 2_000, 20_000, 200_000]);
        const query = r.pick([
          () => `mutation { ${mutation.name}(input: {}) ${'{ a '.repeat(depth)}${'}'.repeat(depth)} }`,
          () => `mutation { ${mutation.name}(input: ${'{ a: '.repeat(depth)}1${' }'.repeat(depth)}) { __typename } }`,
          () => `mutation { ${mutation.name}(input: { topics: ${'['.repeat(depth)}"x"${']'.repeat(depth)} }) { __typename } }`,
          () => `${'{'.repeat(depth)}`,
          () => `mutation { ${mutation.name}(input: { title: { en: "unterminated }) }`,
        ])();
        return {
          note: `document ${query.length} characters: ${show(query)}`,
          request: this.post({ query, variables: {} }),
          expected: ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'],
        };
      }
      case 'fragment-bomb': {
        // Each fragment spreads the next twice: 2^levels fields once expanded. A limit that
        // expands fragments naively hangs the event loop here.
        const levels = r.int(16, 60);
        const type = mutation.payload.name;
        const fragments = Array.from({ length: levels }, (_, i) =>
          i === levels - 1 ? `fragment F${i} on ${type} { result { streamId } }` : `fragment F${i} on ${type} { ...F${i + 1} ...F${i + 1} }`,
        );
        const query = `mutation Fuzz($input: ${mutation.input.name}!) { ${mutation.name}(input: $input) { ...F0 } } ${fragments.join(' ')}`;
        return { note: `${levels} levels of fragments`, request: this.post({ query, variables: { input: await this.valid(mutation, true) } }), expected: ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'] };
      }
      case 'wide-selection': {
        // The same field thousands of times (graphql-js compares overlapping fields pairwise)
        // and thousands of aliases: cheap to send, must be cheap to refuse (the token limit
        // stops the parser; without it this took a second per request).
        const times = r.pick([12_000, 20_000, 60_000]);
        const field = r.chance(0.5) ? 'streamId ' : null;
        const inner = field ? field.repeat(times) : Array.from({ length: times }, (_, i) => `a${i}: streamId`).join(' ');
        const query = `mutation Fuzz($input: ${mutation.input.name}!) { ${mutation.name}(input: $input) { result { ${inner} } } }`;
        if (Buffer.byteLength(query) > this.options.bodyLimitBytes - 4096) return this.make('deep-selection', mutation);
        return {
          note: `${times} ${field ? 'repeated' : 'aliased'} fields`,
          request: this.post({ query, variables: { input: await this.valid(mutation, true) } }),
          expected: ['GRAPHQL_PARSE_FAILED', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'],
        };
      }
      case 'duplicate-command-id': {
        const commandId = r.pick([r.uuid(), `fuzz-${r.int(1, 1e9)}`]);
        const first = { ...(await this.valid(mutation, true)), commandId };
        const other = r.chance(0.5) ? mutation : r.pick(this.mutations.filter((m) => m.name !== mutation.name));
        const second = { ...(await this.valid(other, other !== mutation)), commandId };
        return {
          note: `commandId ${commandId} sent to ${mutation.name}, then to ${other.name} with other content`,
          first: this.post({ query: this.document(mutation), variables: { input: first } }),
          request: this.post({ query: this.document(other), variables: { input: second } }),
          expected: ['CONFLICT'],
        };
      }
      case 'retried-command-id': {
        const commandId = r.uuid();
        const first = this.post({ query: this.document(mutation), variables: { input: { ...(await this.valid(mutation, true)), commandId } } });
        return { note: `commandId ${commandId} sent twice with the same input`, first, request: first, expected: [], expectSuccess: true };
      }
      case 'bad-token': {
        const authorization = r.pick([...BAD_AUTHORIZATION, ...this.options.tokens.refused]);
        const request = this.post({ query: this.document(mutation), variables: { input: await this.valid(mutation, true) } });
        request.headers.authorization = authorization;
        return { note: `authorization: ${show(authorization)}`, request, expected: ['UNAUTHENTICATED'] };
      }
      case 'wrong-role': {
        const planners = new Set([
          'renameOrganization',
          'updateOrganization',
          'mergeOrganizations',
          'launchProgram',
          'addProgramPartner',
          'changeProgramStatus',
          'recordAgreement',
          'correctProgram',
          'removeProgramPartner',
          'signAgreement',
          'amendAgreement',
          'terminateAgreement',
        ]);
        const token = planners.has(mutation.name) && r.chance(0.5) ? this.options.tokens.diplomat : this.options.tokens.auditor;
        const request = this.post({ query: this.document(mutation), variables: { input: await this.valid(mutation, true) } });
        request.headers.authorization = token;
        return { note: token === this.options.tokens.auditor ? 'as auditor' : 'as diplomat', request, expected: ['FORBIDDEN'] };
      }
      case 'bad-expected-version': {
        const value = r.pick([999, 1_000_000, 0, -1, 2 ** 31, 1.5, '1']);
        const expected = typeof value === 'number' && Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? ['CONFLICT', 'BAD_USER_INPUT'] : ['BAD_USER_INPUT'];
        return this.variablesCase(mutation, { ...input, expectedVersion: value }, `expectedVersion = ${show(value)}`, expected);
      }
      case 'control-characters': {
        const textSlots = slots.filter((s) => ['String', 'ID'].includes(namedTypeName(s.type)));
        const slot = r.pick(textSlots);
        // Text showing nothing is refused in String slots only: an id of U+200B is merely unknown,
        // and a commandId of it is as good as any other.
        const invisible = namedTypeName(slot.type) === 'String' ? ['\u200B\u200D', '\u0E34', '\u00AD', '\u2060\uFEFF'] : [];
        const value = r.pick(['\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', `${'ก'.repeat(3)}\u0000`, ...invisible]);
        const at = isListType(getNullableType(slot.type)) ? [...slot.path, 0] : slot.path;
        return this.variablesCase(mutation, setAt(input, at, value), `input.${at.join('.')} = ${show(value)}`, ['BAD_USER_INPUT', 'NOT_FOUND']);
      }
      case 'inline-literal': {
        const slot = r.pick(slots);
        const named = getNamedType(slot.type);
        const kind = namedTypeName(slot.type);
        const text = kind === 'String' || kind === 'ID';
        // Only values no input of this type accepts (a date string is a fine String).
        const broken = r.pick(
          [
            { value: new Raw('NOT_A_VALUE'), note: 'an unknown enum value', fits: kind !== 'object' },
            { value: new Raw('{ bogus: 1 }'), note: 'an object', fits: true },
            { value: new Raw('$undefinedVariable'), note: 'an undefined variable', fits: true },
            { value: new Raw('1.5'), note: 'a float', fits: kind !== 'Decimal' },
            { value: new Raw('"31 กุมภาพันธ์ 2562"'), note: 'an impossible Thai date', fits: !text },
            { value: new Raw('"1e5"'), note: 'an exponent', fits: !text },
            { value: new Raw('null'), note: 'null', fits: isNonNullType(slot.type) },
            { value: new Raw('[[[1]]]'), note: 'nested lists', fits: true },
          ].filter((candidate) => candidate.fits),
        );
        const query = `mutation { ${mutation.name}(input: ${literal(setAt(input, slot.path, broken.value))}) ${mutation.selection} }`;
        return {
          note: `inline input.${slot.path.join('.')} (${named.name}) = ${broken.note}`,
          request: this.post({ query }),
          expected: ['GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT'],
        };
      }
      case 'http-shape':
        return this.httpShape(mutation, input);
    }
  }

  private httpShape(mutation: MutationShape, input: Input): Omit<FuzzCase, 'index' | 'kind' | 'mutation'> {
    const r = this.random;
    const query = this.document(mutation);
    const admin = this.options.tokens.admin;
    const search = new URLSearchParams({ query, variables: JSON.stringify({ input }) }).toString();
    const shapes: (() => Omit<FuzzCase, 'index' | 'kind' | 'mutation'>)[] = [
      () => ({ note: 'GET with the preflight header', request: { method: 'GET', headers: { authorization: admin, 'apollo-require-preflight': 'true' }, search }, expected: ['BAD_USER_INPUT'], status: 405 }),
      () => ({ note: 'GET without the preflight header', request: { method: 'GET', headers: { authorization: admin }, search }, expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'PUT', request: { ...this.post({ query, variables: { input } }), method: 'PUT' }, expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'DELETE', request: { ...this.post({ query, variables: { input } }), method: 'DELETE' }, expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'text/plain body', request: this.post(JSON.stringify({ query, variables: { input } }), 'text/plain'), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'application/graphql body', request: this.post(query, 'application/graphql'), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'form body', request: this.post(search, 'application/x-www-form-urlencoded'), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'no content-type', request: this.post(JSON.stringify({ query, variables: { input } }), null), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'latin1 charset', request: this.post(JSON.stringify({ query, variables: { input } }), 'application/json; charset=latin1'), expected: ['BAD_USER_INPUT'], status: 415 }),
      () => ({ note: 'gzip claimed, not sent', request: { ...this.post({ query, variables: { input } }), headers: { ...this.post('').headers, 'content-encoding': 'gzip' } }, expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'a batch', request: this.post([{ query, variables: { input } }, { query, variables: { input } }]), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'query is a number', request: this.post({ query: 42, variables: { input } }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'query is an object', request: this.post({ query: { mutation: 1 }, variables: { input } }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'no query', request: this.post({ variables: { input } }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'variables is a string', request: this.post({ query, variables: JSON.stringify({ input }) }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'variables is a list', request: this.post({ query, variables: [input] }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'extensions is a string', request: this.post({ query, variables: { input }, extensions: 'x' }), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'a persisted query', request: this.post({ variables: { input }, extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'an unknown operationName', request: this.post({ query, variables: { input }, operationName: 'Nope' }), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'two operations, no operationName', request: this.post({ query: `${query} query Other { __typename }`, variables: { input } }), expected: ['BAD_USER_INPUT'] }),
      () => ({ note: 'a JSON string body', request: this.post(JSON.stringify(query)), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'a JSON null body', request: this.post('null'), expected: ['BAD_USER_INPUT'], status: 400 }),
      () => ({ note: 'a subscription over HTTP', request: this.post({ query: `subscription { programHistoryAppended(programId: "${this.options.fixtures.program}") { position } }` }), expected: ['BAD_USER_INPUT'] }),
    ];
    return r.pick(shapes)();
  }

  /** A well-formed input for `mutation` (commandId left out, so each one is new). */
  private valid(mutation: MutationShape, fresh: boolean): Promise<Input> {
    const make = VALID_INPUTS[mutation.name];
    if (!make) throw new Error(`no valid input for Mutation.${mutation.name}: add one to VALID_INPUTS`);
    return make(this.options.fixtures, this.random, fresh);
  }

  private idSlots(mutation: MutationShape): Slot[] {
    return this.slots(mutation.input).filter((slot) => namedTypeName(slot.type) === 'ID' && slot.path[slot.path.length - 1] !== 'commandId');
  }

  /** Every field of the input type, nested objects and the first item of lists included. */
  private slots(type: GraphQLInputObjectType, prefix: (string | number)[] = [], depth = 0): Slot[] {
    if (depth > 3) return [];
    return Object.values(type.getFields()).flatMap((field) => {
      const path = [...prefix, field.name];
      const slot: Slot = { path, type: field.type };
      const nullable = getNullableType(field.type);
      const inner = isListType(nullable) ? getNamedType(nullable.ofType) : nullable;
      if (isInputObjectType(inner)) {
        const innerPath = isListType(nullable) ? [...path, 0] : path;
        return [slot, ...this.slots(inner, innerPath, depth + 1)];
      }
      return [slot];
    });
  }

  /** A selection `depth` fields deep, walking object fields of the payload (Organization.parent goes on forever). */
  private deepSelection(type: GraphQLObjectType, depth: number): string {
    if (depth <= 1) return '{ __typename }';
    const composite = Object.values(type.getFields()).filter((field) => isObjectType(getNamedType(field.type)));
    if (composite.length === 0) return '{ __typename }';
    // Prefer a field whose type leads on far enough, so the selection really gets `depth` deep.
    // A type that merely has an object field is not enough: Organization.merged leads to
    // MergedOrganization.name, a LocalizedText, and there the walk used to stop at 5 levels,
    // so a "deep" selection went through and recorded its mutation.
    const onward = composite.filter((field) => reach(getNamedType(field.type) as GraphQLObjectType) >= depth - 1);
    const field = this.random.pick(onward.length ? onward : composite);
    return `{ ${field.name} ${this.deepSelection(getNamedType(field.type) as GraphQLObjectType, depth - 1)} }`;
  }

  private variablesCase(mutation: MutationShape, input: unknown, note: string, expected: readonly string[]): Omit<FuzzCase, 'index' | 'kind' | 'mutation'> {
    const variables = input === undefined ? undefined : { input };
    return { note, request: this.post({ query: this.document(mutation), variables }), expected };
  }

  private document(mutation: MutationShape): string {
    return `mutation Fuzz($input: ${mutation.input.name}!) { ${mutation.name}(input: $input) ${mutation.selection} }`;
  }

  private body(mutation: MutationShape, input: Input): string {
    return JSON.stringify({ query: this.document(mutation), variables: { input } });
  }

  /** A POST as a client sends it (JSON unless told), with the admin token and a random Accept. */
  private post(body: unknown, contentType: string | null = 'application/json'): FuzzRequest {
    const headers: Record<string, string> = { authorization: this.options.tokens.admin };
    if (contentType) headers['content-type'] = contentType;
    const accept = this.random.pick(['application/json', 'application/graphql-response+json', '*/*', 'application/graphql-response+json, application/json;q=0.9', null]);
    if (accept) headers.accept = accept;
    return { method: 'POST', headers, body: typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body) };
  }
}

/** GraphQL source to paste into a literal as is. */
class Raw {
  constructor(readonly source: string) {}
}

/** A JS value as a GraphQL input literal; enum values are recognised by their shape. */
function literal(value: unknown): string {
  if (value instanceof Raw) return value.source;
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') {
    return `{ ${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string' && /^[A-Z][A-Z_]+$/.test(value)) return value;
  return JSON.stringify(value);
}

function namedTypeName(type: GraphQLInputType): string {
  const named = getNamedType(type);
  return isScalarType(named) ? named.name : isEnumType(named) ? 'enum' : isLeafType(named) ? named.name : 'object';
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** A copy of `value` with `path` set (missing objects and lists made on the way). */
function setAt(value: Input, path: (string | number)[], replacement: unknown): Input {
  const root = clone(value);
  let current: Record<string | number, unknown> = root;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      Object.defineProperty(current, key, { value: replacement, enumerable: true, writable: true, configurable: true });
      return;
    }
    const next = current[key];
    if (next === null || typeof next !== 'object') current[key] = typeof path[i + 1] === 'number' ? [] : {};
    current = current[key] as Record<string | number, unknown>;
  });
  return root;
}

function deleteAt(value: Input, path: (string | number)[]): Input {
  const root = clone(value);
  const parent = getAt(root, path.slice(0, -1));
  if (parent && typeof parent === 'object') delete (parent as Record<string | number, unknown>)[path[path.length - 1]];
  return root;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export function show(value: unknown, max = 120): string {
  const text = Buffer.isBuffer(value) ? `<${value.length} bytes>` : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max)}... (${text.length} characters)` : text;
}

/**
 * How many levels deep a selection can go from `type`: Infinity where a cycle is in reach.
 * Memoised per type; a type met again while it is being measured lies on a cycle with the
 * types in between, which can all go on for ever.
 */
const reached = new WeakMap<GraphQLObjectType, number>();
function reach(type: GraphQLObjectType): number {
  const known = reached.get(type);
  if (known !== undefined) return known;
  reached.set(type, Infinity);
  let deepest = 1;
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isObjectType(named)) deepest = Math.max(deepest, 1 + reach(named));
  }
  reached.set(type, deepest);
  return deepest;
}
