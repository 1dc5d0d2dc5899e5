/**
 * Seating benchmark: a gala dinner of 400 guests at 40 tables of 10 (a one-sided head table,
 * then round and rectangular tables, French and English style), with a host, a co-host, a
 * principal guest, heads of mission with the dates they took up functions, and spouses. It times
 * the order of precedence (orderGuests), the automatic plan (planSeating), the plan after 40
 * places were moved by hand, and the check of a plan (validateSeating). CPU only, no database:
 * always the full size, whatever --size says.
 */
import type { PrecedenceGuest, SeatAssignment, SeatingTable } from '../src/contracts/events.protocol.js';
import { BULGARIAN_PRECEDENCE, orderGuests } from '../src/server/modules/events/precedence.js';
import { planSeating, seatBeside, validateSeating } from '../src/server/modules/events/seating.js';
import { throwIfInterrupted } from './lib/cleanup.js';
import { rng, type Rng } from './lib/directory-data.js';
import { int, ms, now, summarize, type Summary } from './lib/stats.js';
import type { BenchOptions, BenchReport, Benchmark } from './lib/types.js';

const GUESTS = 400;
const TABLES = 40;
const SEATS_PER_TABLE = 10;
const MIN_ITERATIONS = 50;
/** Enough runs for the JIT to settle: one run takes about a millisecond. */
const WARMUP = 20;

const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The guest list's mix of ranks, roughly that of a municipality's national-day dinner. */
const MIX: [category: string, share: number][] = [
  ['ambassador', 0.08],
  ['chargé_d_affaires', 0.02],
  ['head_of_international_organization', 0.02],
  ['member_of_parliament', 0.04],
  ['regional_governor', 0.005],
  ['deputy_mayor', 0.015],
  ['consul', 0.04],
  ['municipal_councillor', 0.1],
  ['official', 0.15],
  ['business', 0.2],
  ['culture', 0.15],
  ['media', 0.08],
  ['other', 0.1],
];

const SYLLABLES = ['ка', 'ло', 'ян', 'ми', 'ра', 'ნი', 'კო', 'ლა', 've', 'ta', 'ri', 'no'];
const inventedName = (r: Rng) => Array.from({ length: 2 }, () => Array.from({ length: 2 + r.int(2) }, () => r.pick(SYLLABLES)).join('')).join(' ');

function pickCategory(r: Rng): string {
  let x = r.next();
  for (const [category, share] of MIX) if ((x -= share) < 0) return category;
  return 'other';
}

/** Host (the mayor), co-host (the council chair), principal guest (an ambassador), the rest drawn from MIX; one in six accompanied. */
function buildGuests(r: Rng): PrecedenceGuest[] {
  const guests: PrecedenceGuest[] = [
    { id: uuid(1), name: inventedName(r), category: 'mayor' },
    { id: uuid(2), name: inventedName(r), category: 'council_chair' },
    { id: uuid(3), name: inventedName(r), category: 'ambassador', functionsSince: '2024-03-12' },
  ];
  while (guests.length < GUESTS) {
    const id = uuid(guests.length + 1);
    const principal = guests.length > 3 && r.int(6) === 0 ? guests[guests.length - 1]! : undefined;
    if (principal && !principal.companionOf) {
      guests.push({ id, name: inventedName(r), category: null, companionOf: principal.id });
      continue;
    }
    const category = pickCategory(r);
    const diplomat = category === 'ambassador' || category === 'chargé_d_affaires';
    const since = `20${String(15 + r.int(10))}-0${1 + r.int(9)}-1${r.int(10)}`;
    guests.push({ id, name: inventedName(r), category, ...(diplomat ? { functionsSince: since } : {}) });
  }
  return guests;
}

function buildTables(): SeatingTable[] {
  const tables: SeatingTable[] = [{ id: uuid(10_001), name: 'Head table', shape: 'head', seats: SEATS_PER_TABLE, sides: 'one' }];
  for (let i = 2; i <= TABLES; i++) {
    const id = uuid(10_000 + i);
    const name = String(i);
    tables.push(i % 2 ? { id, name, shape: 'rectangular', seats: SEATS_PER_TABLE, style: i % 4 === 1 ? 'english' : 'french' } : { id, name, shape: 'round', seats: SEATS_PER_TABLE });
  }
  return tables;
}

/** Forty guests dragged to a place of their choosing, as a specialist adjusting the plan would. */
function movesByHand(r: Rng, guests: PrecedenceGuest[], tables: SeatingTable[]): SeatAssignment[] {
  const moves: SeatAssignment[] = [];
  const used = new Set<string>();
  while (moves.length < 40) {
    const guest = guests[10 + r.int(guests.length - 10)]!;
    const table = tables[1 + r.int(tables.length - 1)]!;
    const seat = 1 + r.int(table.seats);
    if (used.has(guest.id) || used.has(`${table.id}#${seat}`)) continue;
    used.add(guest.id).add(`${table.id}#${seat}`);
    moves.push({ guestId: guest.id, tableId: table.id, seat });
  }
  return moves;
}

function measure(opts: BenchOptions, run: () => unknown): Summary {
  for (let i = 0; i < Math.max(opts.warmup, WARMUP); i++) run();
  const samples: number[] = [];
  for (let i = 0; i < Math.max(opts.iterations, MIN_ITERATIONS); i++) {
    throwIfInterrupted();
    const t0 = now();
    run();
    samples.push(now() - t0);
  }
  return summarize(samples);
}

export const seatingBenchmark: Benchmark = {
  name: 'seating',
  description: 'Order of precedence and seating plan for 400 guests at 40 tables (CPU only)',
  async run(opts: BenchOptions): Promise<BenchReport> {
    const r = rng(20260501);
    const guests = buildGuests(r);
    const tables = buildTables();
    const roles = { hostId: guests[0]!.id, coHostId: guests[1]!.id, principalGuestId: guests[2]!.id };
    const ordered = orderGuests(guests, BULGARIAN_PRECEDENCE, 'bg', roles);
    const fixed = movesByHand(r, ordered, tables);

    const plan = planSeating({ tables, guests: ordered, ...roles });
    const principal = plan.assignments.find((a) => a.guestId === roles.principalGuestId)!;
    const host = plan.assignments.find((a) => a.guestId === roles.hostId)!;
    if (plan.problems.length || plan.unseated.length || principal.seat !== seatBeside(tables[0]!, host.seat, 'right')) {
      throw new Error(`seating benchmark: unexpected plan (${JSON.stringify(plan.problems)}, ${plan.unseated.length} unseated)`);
    }

    const cases: [name: string, run: () => unknown][] = [
      ['orderGuests (scheme BG, collation bg)', () => orderGuests(guests, BULGARIAN_PRECEDENCE, 'bg', roles)],
      ['planSeating (guests already ordered)', () => planSeating({ tables, guests: ordered, ...roles })],
      ['orderGuests + planSeating (a new plan)', () => planSeating({ tables, guests: orderGuests(guests, BULGARIAN_PRECEDENCE, 'bg', roles), ...roles })],
      ['planSeating with 40 places set by hand', () => planSeating({ tables, guests: ordered, ...roles, fixed })],
      ['validateSeating (a full plan)', () => validateSeating(plan.assignments, tables, guests)],
    ];
    const results = cases.map(([name, run]) => {
      const summary = measure(opts, run);
      opts.log(`[seating] ${name.padEnd(44)} p50 ${ms(summary.p50)} ms  p95 ${ms(summary.p95)} ms  (n=${summary.n})`);
      return { name, summary };
    });

    const companions = guests.filter((g) => g.companionOf).length;
    const lines = [
      '## Events: order of precedence and seating plan',
      '',
      `${int(GUESTS)} guests (${companions} of them accompanying another guest; heads of mission with the dates they took up functions) at ${TABLES} tables of ${SEATS_PER_TABLE}: ` +
        'a one-sided head table, then round and rectangular tables (French and English style) in turn; the Bulgarian default scheme. ' +
        'Pure functions on one CPU core, no database: the full size whatever `--size` says. ' +
        `After ${Math.max(opts.warmup, WARMUP)} warm-up runs, each operation timed n times (ms):`,
      '',
      '| Operation | n | p50 | p95 |',
      '|---|--:|--:|--:|',
      ...results.map(({ name, summary }) => `| ${name} | ${summary.n} | ${ms(summary.p50)} | ${ms(summary.p95)} |`),
    ];
    return { title: 'Seating', markdown: lines.join('\n') };
  },
};
