/**
 * What the fuzzer sends. A payload is a JSON value, or raw JSON text for what JSON.stringify
 * cannot produce (NaN, nesting 10 000 deep, a literal __proto__ key).
 */
export type Payload = { label: string; value?: unknown; raw?: string };

const val = (label: string, value: unknown): Payload => ({ label, value });
const raw = (label: string, text: string): Payload => ({ label, raw: text });

export const HUGE = 100_000;
export const DEEP = 10_000;

export const deepArray = (depth = DEEP) => '['.repeat(depth) + ']'.repeat(depth);
export const deepObject = (depth = DEEP) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

const UNICODE = [
  val('NUL inside', 'a\u0000b'),
  val('NUL alone', '\u0000'),
  val('lone high surrogate', 'x\ud800'),
  val('lone low surrogate', '\udfffy'),
  val('RTL override', 'invoice\u202egpj.exe'),
  val('zero-width joiners', 'a\u200d\u200c\u200bb\u2060'),
  val('emoji', '👩‍👩‍👧‍👦 🇧🇬 🏳️‍🌈'),
  val('combining marks', `Z${'\u0301\u0302\u0303'.repeat(300)}`),
  val('Georgian Mtavruli', 'ᲗᲑᲘᲚᲘᲡᲘ ᲥᲣᲗᲐᲘᲡᲘ'),
  val('BOM and non-character', '\ufeff\uffff'),
  val('line and paragraph separators', 'a\u2028b\u2029c'),
  val('control characters', '\u0001\u0007\u001b[31m\u007f'),
];

const INJECTION = [
  val('SQL tautology', "' OR 1=1 --"),
  val('SQL drop table', "'; DROP TABLE users; --"),
  val('SQL sleep', "1'); SELECT pg_sleep(10); --"),
  val('LIKE wildcards and escape', '%_%\\'),
  val('script tag', '<script>alert(1)</script>'),
  val('img onerror', '<img src=x onerror=alert(1)>'),
  val('template expressions', '${7*7}{{7*7}}#{7*7}'),
  val('path traversal', '../../etc/passwd'),
  val('header injection', 'x\r\nSet-Cookie: legato_session=stolen'),
  val('spreadsheet formula', '=HYPERLINK("http://example.org","x")'),
];

const SIZES = [val('empty', ''), val('blank', '   '), val('100k ASCII', 'x'.repeat(HUGE)), val('100k Georgian', 'ა'.repeat(HUGE))];

/**
 * Payloads by the JSON type a field expects: `wrong` values of another type (each field gets one)
 * and `hostile` values of the right type (each field gets a few, dealt from a seeded shuffle).
 */
export type Payloads = { wrong: Payload[]; hostile: Payload[] };

export const STRING_PAYLOADS: Payloads = {
  wrong: [val('number', 12345), val('boolean', true), val('null', null), val('object', { a: 1 }), val('array', ['x'])],
  hostile: [...UNICODE, ...INJECTION, ...SIZES],
};

export const NUMBER_PAYLOADS: Payloads = {
  wrong: [val('numeric string', '1'), val('text', 'abc'), val('boolean', true), val('null', null), val('object', {}), val('array', [1])],
  hostile: [
    val('-1', -1),
    val('0', 0),
    val('fraction', 1.5),
    val('2^31', 2 ** 31),
    val('-2^31 - 1', -(2 ** 31) - 1),
    val('2^53 + 1', 2 ** 53 + 1),
    val('1e308', 1e308),
    val('-1e308', -1e308),
    val('1e-300', 1e-300),
    raw('NaN', 'NaN'),
    raw('Infinity', 'Infinity'),
    raw('1e999', '1e999'),
  ],
};

export const BOOLEAN_PAYLOADS: Payloads = {
  wrong: [val('"true"', 'true'), val('0', 0), val('1', 1), val('null', null), val('object', {}), val('array', [true])],
  hostile: [],
};

export function arrayPayloads(item: unknown): Payloads {
  const small = item !== null && typeof item === 'object' ? 1 : item; // 100k objects would pass the body limit
  return {
    wrong: [val('string', 'x'), val('object', {}), val('null', null)],
    hostile: [
      val('100k items', Array.from({ length: HUGE }, () => small)),
      val('null items', [null, null]),
      val('nested arrays', [[[[]]]]),
      val('object items', [{}, { a: 1 }]),
      raw(`nested ${DEEP} deep`, deepArray()),
    ],
  };
}

const PROTOTYPE_KEYS = [
  raw('__proto__ key', '{"__proto__":{"polluted":"yes"}}'),
  raw('constructor.prototype keys', '{"constructor":{"prototype":{"polluted":"yes"}}}'),
  val('constructor key', { constructor: 'x', toString: 'y', hasOwnProperty: 'z' }),
];

const NOT_AN_OBJECT = [val('string', 'x'), val('number', 1), val('array', []), val('null', null)];

export const OBJECT_PAYLOADS: Payloads = {
  wrong: NOT_AN_OBJECT,
  hostile: [val('unknown key', { zzUnknown: 1 }), ...PROTOTYPE_KEYS, raw(`nested ${DEEP} deep`, deepObject())],
};

export const RECORD_PAYLOADS: Payloads = {
  wrong: NOT_AN_OBJECT,
  hostile: [
    ...PROTOTYPE_KEYS,
    raw(`nested ${DEEP} deep`, deepObject()),
    val('NUL in a key', { 'e\u0000n': 'x' }),
    val('lone surrogate in a key', { '\ud800': 'x' }),
    val('2 000 keys', Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, 'x']))),
    val('SQL in a key', { "'; DROP TABLE users; --": 'x' }),
  ],
};

/** Whole bodies, each replacing the body of a request. */
export const BODY_PAYLOADS: Payload[] = [
  val('null body', null),
  val('array body', []),
  val('string body', 'x'),
  val('number body', 1),
  val('100k-item array body', Array.from({ length: HUGE }, () => 1)),
  raw(`array nested ${DEEP} deep`, deepArray()),
  raw(`object nested ${DEEP} deep`, deepObject()),
  raw('truncated JSON', '{"a":'),
  raw('empty body', ''),
  ...PROTOTYPE_KEYS,
];

/** Query values: every hostile string, and numbers written badly. */
export const PARAM_PAYLOADS: Payload[] = [
  ...[...UNICODE, ...INJECTION, ...SIZES],
  ...['-1', '0', '1.5', '1e309', '99999999999999999999', 'NaN', '0x1A', ' 7 ', 'true', 'null'].map((v) => val(`"${v}"`, v)),
  val('repeated', ['1', '2']),
];

export const ID_PAYLOADS: Payload[] = [
  val('not a uuid', 'not-a-uuid'),
  val('nil uuid', '00000000-0000-0000-0000-000000000000'),
  val('max uuid', 'ffffffff-ffff-ffff-ffff-ffffffffffff'),
  val('unknown uuid', '3f1e2a9c-7b4d-4e8f-9a6b-2c5d8e1f4a7b'),
  val('SQL', "' OR 1=1 --"),
  val('path traversal', '../../etc/passwd'),
  val('NUL', '\u0000'),
  val('lone surrogate', '\ud800'),
  val('100k characters', 'a'.repeat(HUGE)),
];

/** A small, fast, seeded generator (mulberry32): the same seed picks the same sample. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Payloads dealt round a seeded shuffle, the same number to each draw. Given how many draws there
 * will be, each draw takes enough that every payload is dealt at least once.
 */
export class Deck {
  readonly cards: Payload[];
  readonly perDraw: number;
  private dealt = 0;

  constructor(cards: readonly Payload[], random: () => number, draws: number, atLeast: number) {
    this.cards = shuffled(cards, random);
    this.perDraw = Math.min(this.cards.length, Math.max(atLeast, Math.ceil(this.cards.length / Math.max(1, draws))));
  }

  draw(): Payload[] {
    if (this.cards.length === 0) return [];
    const out = Array.from({ length: this.perDraw }, (_, j) => this.cards[(this.dealt + j) % this.cards.length]);
    this.dealt += this.perDraw;
    return out;
  }

  /** Labels of the payloads not dealt yet. */
  get undealt(): string[] {
    return this.cards.slice(Math.min(this.dealt, this.cards.length)).map((c) => c.label);
  }
}
