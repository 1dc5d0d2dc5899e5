import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SeatAssignment, SeatingProblem, SeatingTable } from '../../../contracts/events.protocol.js';
import { BULGARIAN_PRECEDENCE, orderGuests } from './precedence.js';
import { placesOfHonour, planSeating, seatBeside, seatOpposite, tableGeometry, validateSeating, type SeatingInput } from './seating.js';

const round = (id: string, seats: number): SeatingTable => ({ id, name: id, shape: 'round', seats });
const rectangular = (id: string, seats: number, style: 'french' | 'english' = 'french'): SeatingTable => ({ id, name: id, shape: 'rectangular', seats, style });
const head = (id: string, seats: number, sides: 'one' | 'both' = 'one'): SeatingTable => ({ id, name: id, shape: 'head', seats, sides });
const guests = (...ids: string[]) => ids.map((id) => ({ id }));
const seatOf = (plan: { assignments: SeatAssignment[] }, guestId: string) => {
  const a = plan.assignments.find((x) => x.guestId === guestId);
  return a && `${a.tableId}/${a.seat}`;
};
const layoutOf = (plan: { assignments: SeatAssignment[] }) => Object.fromEntries(plan.assignments.map((a) => [a.guestId, `${a.tableId}/${a.seat}`]));

describe('table geometry', () => {
  it('numbers a round table clockwise from the top; the right of a diner is the previous seat', () => {
    const t = round('r', 10);
    const { seats } = tableGeometry(t);
    expect(seats[0]).toMatchObject({ seat: 1, angle: 0 });
    expect(seats[0]!.x).toBeCloseTo(0);
    expect(seats[0]!.y).toBeLessThan(0);
    expect(seats[1]!.x).toBeGreaterThan(0); // seat 2 is clockwise: to the right on the drawing
    expect(seats[5]).toMatchObject({ seat: 6, angle: 180 });
    expect([seatBeside(t, 1, 'right'), seatBeside(t, 1, 'left'), seatBeside(t, 1, 'right', 2), seatOpposite(t, 1)]).toEqual([10, 2, 9, 6]);
  });

  it('seats host and co-host face to face on a French rectangular table, end to end on an English one', () => {
    const french = rectangular('f', 10);
    const { seats } = tableGeometry(french);
    expect(seats.map((s) => s.angle)).toEqual([0, 0, 90, 180, 180, 180, 180, 270, 0, 0]);
    expect(seatOpposite(french, 1)).toBe(5);
    expect(seats[4]!.x).toBeCloseTo(seats[0]!.x);
    expect(seats[0]!.x).toBeGreaterThan(seats[9]!.x); // the host's right (seat 10) is to the host's right as they face the table

    const english = rectangular('e', 10, 'english');
    expect(tableGeometry(english).seats.map((s) => s.angle)).toEqual([270, 0, 0, 0, 0, 90, 180, 180, 180, 180]);
    expect(seatOpposite(english, 1)).toBe(6);
    expect(seatBeside(english, 1, 'right')).toBe(10); // facing along the table, the host's right is the lower side
  });

  it('seats a one-sided head table in a line, host in the middle, with no seat beyond the ends or opposite', () => {
    const t = head('h', 7);
    const { seats } = tableGeometry(t);
    expect(seats.every((s) => s.angle === 0)).toBe(true);
    expect(seats.map((s) => s.x)).toEqual([0, 1, 2, 3, -3, -2, -1]);
    expect([seatBeside(t, 1, 'right'), seatBeside(t, 1, 'left')]).toEqual([7, 2]);
    expect([seatBeside(t, 5, 'right'), seatBeside(t, 4, 'left'), seatOpposite(t, 1)]).toEqual([undefined, undefined, undefined]);
    expect(seatOpposite(head('b', 8, 'both'), 1)).toBe(4);
  });

  it('puts every seat at its own place, outside the table top', () => {
    for (const t of [round('r', 1), round('r', 9), rectangular('f', 3), rectangular('e', 11, 'english'), head('h', 1), head('h', 6, 'both')]) {
      const { width, height, seats } = tableGeometry(t);
      expect(seats.map((s) => s.seat)).toEqual(Array.from({ length: t.seats }, (_, i) => i + 1));
      expect(new Set(seats.map((s) => `${s.x.toFixed(3)},${s.y.toFixed(3)}`)).size).toBe(t.seats);
      for (const s of seats) {
        const outside = t.shape === 'round' ? Math.hypot(s.x, s.y) > width / 2 : Math.abs(s.x) > width / 2 || Math.abs(s.y) > height / 2;
        expect(outside).toBe(true);
      }
    }
  });

  it('orders the places of honour: right of host, right of co-host, left of host, left of co-host, one further each round', () => {
    expect(placesOfHonour(round('r', 10), 1, 6)).toEqual([1, 6, 10, 5, 2, 7, 9, 4, 3, 8]);
    expect(placesOfHonour(round('r', 10), 1)).toEqual([1, 10, 2, 9, 3, 8, 4, 7, 5, 6]);
    expect(placesOfHonour(head('h', 7), 1)).toEqual([1, 7, 2, 6, 3, 5, 4]);
  });
});

describe('planSeating', () => {
  it('seats a Bulgarian municipal reception: mayor hosting, the council chair opposite, the visiting ambassador at the right', () => {
    const invited = [
      { id: 'mayor', name: 'Калоян Дренски', category: 'mayor' },
      { id: 'chair', name: 'Радослава Пеева', category: 'council_chair' },
      { id: 'valborg', name: 'Ingrid Valborg', category: 'ambassador', functionsSince: '2023-05-10' },
      { id: 'spouse', name: 'Eric Valborg', category: null, companionOf: 'valborg' },
      { id: 'dolny', name: 'Marek Dolny', category: 'ambassador', functionsSince: '2021-02-01' },
      { id: 'ferreira', name: 'Tomas Ferreira', category: 'ambassador', functionsSince: '2022-06-01' },
      { id: 'brink', name: 'Olaf Brink', category: 'ambassador', diplomaticClass: 'envoy' as const },
      { id: 'deputy-a', name: 'Алекса Борисова', category: 'deputy_mayor' },
      { id: 'deputy-b', name: 'Богдан Ангелов', category: 'deputy_mayor' },
      { id: 'media', name: 'Вера Асенова', category: 'media' },
      { id: 'business', name: 'Стефан Цанков', category: 'business' },
      { id: 'culture', name: 'Яна Бъчварова', category: 'culture' },
    ];
    const roles = { hostId: 'mayor', coHostId: 'chair', principalGuestId: 'valborg' };
    const ordered = orderGuests(invited, BULGARIAN_PRECEDENCE, 'bg', roles);
    const plan = planSeating({ tables: [round('top', 8), rectangular('t2', 6)], guests: ordered, ...roles });
    expect(plan.problems).toEqual([]);
    expect(plan.unseated).toEqual([]);
    expect(layoutOf(plan)).toEqual({
      mayor: 'top/1', // place of honour
      chair: 'top/5', // opposite the host
      valborg: 'top/8', // the host's right
      spouse: 'top/4', // the co-host's right
      dolny: 'top/2', // the host's left
      ferreira: 'top/6', // the co-host's left
      brink: 'top/7', // second to the host's right
      'deputy-a': 'top/3', // second to the co-host's right
      'deputy-b': 't2/1', // next table: its place of honour (middle of the upper side) ...
      media: 't2/6', // ... then its right,
      business: 't2/2', // its left,
      culture: 't2/5', // second to its right
    });
  });

  it('puts the principal guest at the host\'s right and the co-host at the host\'s left on a one-sided head table', () => {
    const plan = planSeating({ tables: [head('h', 5)], guests: guests('host', 'co', 'a', 'p', 'b'), hostId: 'host', coHostId: 'co', principalGuestId: 'p' });
    expect(layoutOf(plan)).toEqual({ host: 'h/1', p: 'h/5', co: 'h/2', a: 'h/3', b: 'h/4' });
  });

  it('seats host and co-host at the ends of an English-style table', () => {
    const plan = planSeating({ tables: [rectangular('e', 6, 'english')], guests: guests('host', 'co', 'p', 'a'), hostId: 'host', coHostId: 'co', principalGuestId: 'p' });
    expect(layoutOf(plan)).toEqual({ host: 'e/1', co: 'e/4', p: 'e/6', a: 'e/3' });
  });

  it('leaves the lowest in precedence unseated when there are more guests than seats', () => {
    const plan = planSeating({ tables: [round('r', 4)], guests: guests('host', 'a', 'b', 'c', 'd', 'e'), hostId: 'host' });
    expect(plan.unseated).toEqual(['d', 'e']);
    expect(plan.problems).toEqual([{ code: 'more_guests_than_seats', guests: 6, seats: 4 }]);
  });

  it('reports a missing host and gives the place of honour to the first guest', () => {
    const plan = planSeating({ tables: [round('r', 4)], guests: guests('a', 'b'), hostId: 'nobody' });
    expect(plan.problems).toEqual([{ code: 'no_host', hostId: 'nobody' }]);
    expect(layoutOf(plan)).toEqual({ a: 'r/1', b: 'r/4' });
  });

  it('keeps places set by hand: the next guest takes the free place of honour', () => {
    const input: SeatingInput = {
      tables: [round('top', 6), round('t2', 6)],
      guests: guests('host', 'p', 'a', 'b'),
      hostId: 'host',
      principalGuestId: 'p',
      fixed: [{ guestId: 'p', tableId: 't2', seat: 3 }],
    };
    expect(layoutOf(planSeating(input))).toEqual({ host: 'top/1', a: 'top/6', b: 'top/2', p: 't2/3' });
    // A host moved by hand takes the principal guest along: the right is counted from the host's seat.
    const moved = planSeating({ ...input, fixed: [{ guestId: 'host', tableId: 't2', seat: 4 }] });
    expect(layoutOf(moved)).toEqual({ host: 't2/4', p: 't2/3', a: 't2/5', b: 't2/2' });
  });

  it('reports each bad place set by hand precisely, and keeps the first valid one', () => {
    const plan = planSeating({
      tables: [round('r', 4)],
      guests: guests('host', 'a', 'b'),
      hostId: 'host',
      fixed: [
        { guestId: 'a', tableId: 'r', seat: 3 },
        { guestId: 'a', tableId: 'r', seat: 2 },
        { guestId: 'b', tableId: 'r', seat: 3 },
        { guestId: 'ghost', tableId: 'r', seat: 4 },
        { guestId: 'b', tableId: 'elsewhere', seat: 1 },
        { guestId: 'b', tableId: 'r', seat: 5 },
      ],
    });
    expect(plan.problems).toEqual([
      { code: 'unknown_guest', guestId: 'ghost', tableId: 'r', seat: 4 },
      { code: 'unknown_table', guestId: 'b', tableId: 'elsewhere' },
      { code: 'unknown_seat', guestId: 'b', tableId: 'r', seat: 5 },
      { code: 'guest_seated_twice', guestId: 'a', places: [{ tableId: 'r', seat: 3 }, { tableId: 'r', seat: 2 }] },
      { code: 'seat_used_twice', tableId: 'r', seat: 3, guestIds: ['a', 'b'] },
    ]);
    expect(layoutOf(plan)).toEqual({ host: 'r/1', a: 'r/3', b: 'r/4' });
  });

  it('seats companions beside their principal when asked', () => {
    const input = { tables: [round('r', 8)], guests: [{ id: 'host' }, { id: 'p' }, { id: 'a' }, { id: 'spouse', companionOf: 'p' }], hostId: 'host', principalGuestId: 'p' };
    expect(layoutOf(planSeating(input))).toEqual({ host: 'r/1', p: 'r/8', a: 'r/2', spouse: 'r/7' });
    expect(layoutOf(planSeating({ ...input, guests: [input.guests[0]!, input.guests[1]!, input.guests[3]!, input.guests[2]!] }))).toEqual({ host: 'r/1', p: 'r/8', spouse: 'r/2', a: 'r/7' });
    const together = planSeating({ ...input, guests: [input.guests[0]!, input.guests[1]!, input.guests[3]!, input.guests[2]!], keepCompanionsTogether: true });
    expect(layoutOf(together)).toEqual({ host: 'r/1', p: 'r/8', spouse: 'r/7', a: 'r/2' });
  });
});

describe('validateSeating', () => {
  it('names the guests and seats of every conflict', () => {
    const tables = [round('r', 2)];
    const problems = validateSeating(
      [
        { guestId: 'a', tableId: 'r', seat: 1 },
        { guestId: 'b', tableId: 'r', seat: 1 },
        { guestId: 'b', tableId: 'r', seat: 2 },
        { guestId: 'c', tableId: 'r', seat: 0 },
      ],
      tables,
      guests('a', 'b', 'c'),
    );
    expect(problems).toEqual([
      { code: 'unknown_seat', guestId: 'c', tableId: 'r', seat: 0 },
      { code: 'guest_seated_twice', guestId: 'b', places: [{ tableId: 'r', seat: 1 }, { tableId: 'r', seat: 2 }] },
      { code: 'seat_used_twice', tableId: 'r', seat: 1, guestIds: ['a', 'b'] },
      { code: 'more_guests_than_seats', guests: 3, seats: 2 },
    ]);
  });
});

// --- Properties -----------------------------------------------------------------------------

const arbitraryTable = (id: string): fc.Arbitrary<SeatingTable> => {
  const seats = fc.integer({ min: 1, max: 12 });
  return fc.oneof(
    seats.map((n) => round(id, n)),
    fc.tuple(seats, fc.constantFrom('french' as const, 'english' as const)).map(([n, style]) => rectangular(id, n, style)),
    fc.tuple(seats, fc.constantFrom('one' as const, 'both' as const)).map(([n, sides]) => head(id, n, sides)),
  );
};

type Event = SeatingInput & { tables: SeatingTable[]; guests: { id: string; companionOf?: string }[]; fixed: SeatAssignment[]; hostId: string | null };

/** The host's seat, and the seats kept free for co-host and principal guest around it. */
function hostPlace(tables: SeatingTable[], hostSeat: SeatAssignment | undefined) {
  const table = tables.find((t) => t.id === hostSeat?.tableId) ?? tables[0]!;
  const seat = hostSeat?.seat ?? 1;
  const coHostSeat = seatOpposite(table, seat) ?? seatBeside(table, seat, 'left');
  return { table, seat, coHostSeat, rightSeat: seatBeside(table, seat, 'right') };
}

/**
 * An event: 1–6 tables of any shape, up to 70 guests in order of precedence (some accompanied),
 * usually a host, maybe a co-host and a principal guest, and valid, distinct places set by hand
 * for other guests (perhaps for the host too) that leave the seats around the host free.
 */
const arbitraryEvent: fc.Arbitrary<Event> = fc
  .record({
    tables: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitraryTable(`t${i + 1}`)))),
    guestCount: fc.integer({ min: 0, max: 70 }),
    roleIndexes: fc.tuple(fc.option(fc.nat(), { freq: 8 }), fc.option(fc.nat()), fc.option(fc.nat())),
    hostFixedAt: fc.option(fc.tuple(fc.nat(), fc.nat()), { freq: 4 }),
    companionPairs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
    fixedPicks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 12 }),
    keepCompanionsTogether: fc.boolean(),
  })
  .map(({ tables, guestCount, roleIndexes, hostFixedAt, companionPairs, fixedPicks, keepCompanionsTogether }) => {
    const guests: { id: string; companionOf?: string }[] = Array.from({ length: guestCount }, (_, i) => ({ id: `g${i}` }));
    const roles: (string | null)[] = [];
    for (const i of roleIndexes) {
      const id = guests.length && i !== null ? guests[i % guests.length]!.id : null;
      roles.push(id && !roles.includes(id) ? id : null);
    }
    const [hostId, coHostId, principalGuestId] = roles as [string | null, string | null, string | null];
    for (const [c, p] of companionPairs) if (guests.length > 1 && c % guests.length !== p % guests.length) guests[c % guests.length]!.companionOf = guests[p % guests.length]!.id;

    const fixed: SeatAssignment[] = [];
    const taken = new Set<string>();
    const fix = (guestId: string, table: SeatingTable, seat: number) => {
      fixed.push({ guestId, tableId: table.id, seat });
      taken.add(`${table.id}#${seat}`);
    };
    if (hostId && hostFixedAt) {
      const table = tables[hostFixedAt[0] % tables.length]!;
      fix(hostId, table, 1 + (hostFixedAt[1] % table.seats));
    }
    const host = hostPlace(tables, fixed[0]);
    for (const s of [host.seat, host.coHostSeat, host.rightSeat]) if (s !== undefined) taken.add(`${host.table.id}#${s}`);
    for (const [g, t, s] of fixedPicks) {
      const guest = guests[g % Math.max(1, guests.length)];
      const table = tables[t % tables.length]!;
      const seat = 1 + (s % table.seats);
      if (!guest || roles.includes(guest.id) || fixed.some((f) => f.guestId === guest.id) || taken.has(`${table.id}#${seat}`)) continue;
      fix(guest.id, table, seat);
    }
    return { tables, guests, hostId, coHostId, principalGuestId, fixed, keepCompanionsTogether };
  });

const totalSeats = (tables: SeatingTable[]) => tables.reduce((n, t) => n + t.seats, 0);

describe('planSeating properties', () => {
  it('seats every guest at most once, never two on a seat, only at seats that exist, and lists the others as unseated, whatever is set by hand', () => {
    // Places set by hand as a careless drag and drop could send them: unknown guests and tables, seats out of range, doubles.
    const anyPlace = fc.record({ guestId: fc.constantFrom('g0', 'g1', 'g2', 'g5', 'ghost'), tableId: fc.constantFrom('t1', 't2', 'nowhere'), seat: fc.integer({ min: 0, max: 13 }) });
    fc.assert(
      fc.property(arbitraryEvent, fc.array(anyPlace, { maxLength: 8 }), (valid, careless) => {
        const event = { ...valid, fixed: [...careless, ...valid.fixed] };
        const plan = planSeating(event);
        const seated = plan.assignments.map((a) => a.guestId);
        expect(new Set(seated).size).toBe(seated.length);
        expect(new Set(plan.assignments.map((a) => `${a.tableId}#${a.seat}`)).size).toBe(seated.length);
        expect([...seated, ...plan.unseated].sort()).toEqual(event.guests.map((g) => g.id).sort());
        expect(plan.assignments.length).toBe(Math.min(event.guests.length, totalSeats(event.tables)));
        // The planner's result passes its own check: nothing but a lack of seats.
        expect(validateSeating(plan.assignments, event.tables, event.guests).every((p) => p.code === 'more_guests_than_seats')).toBe(true);
      }),
    );
  });

  it('keeps the places set by hand, reports only a missing host or a lack of seats, and is deterministic', () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        const plan = planSeating(event);
        for (const f of event.fixed) expect(plan.assignments).toContainEqual(f);
        const expected: SeatingProblem[] = [];
        if (!event.hostId) expected.push({ code: 'no_host', hostId: null });
        if (event.guests.length > totalSeats(event.tables)) expected.push({ code: 'more_guests_than_seats', guests: event.guests.length, seats: totalSeats(event.tables) });
        expect(plan.problems).toEqual(expected);
        expect(planSeating({ ...event, fixed: [...event.fixed].reverse(), guests: event.guests.map((g) => ({ ...g })) })).toEqual(plan);
      }),
    );
  });

  it('puts the host at the place of honour, the co-host opposite and the principal guest at the host\'s right', () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        fc.pre(event.hostId !== null);
        const plan = planSeating(event);
        const at = (id: string | null | undefined) => plan.assignments.find((a) => a.guestId === id);
        const host = hostPlace(event.tables, event.fixed.find((f) => f.guestId === event.hostId));
        expect(at(event.hostId)).toEqual({ guestId: event.hostId, tableId: host.table.id, seat: host.seat });
        if (event.coHostId && host.coHostSeat !== undefined) expect(at(event.coHostId)).toEqual({ guestId: event.coHostId, tableId: host.table.id, seat: host.coHostSeat });
        // On a table of two, the co-host's place opposite is also the host's right.
        const rightIsFree = host.rightSeat !== undefined && !(event.coHostId && host.coHostSeat === host.rightSeat);
        if (event.principalGuestId && rightIsFree) expect(at(event.principalGuestId)).toEqual({ guestId: event.principalGuestId, tableId: host.table.id, seat: host.rightSeat });
      }),
    );
  });

  it('fills the places of honour table by table in order of precedence, leaving the lowest unseated', () => {
    fc.assert(
      fc.property(arbitraryEvent, (event) => {
        fc.pre(!event.keepCompanionsTogether && event.hostId !== null);
        const plan = planSeating(event);
        const occupant = new Map(plan.assignments.map((a) => [`${a.tableId}#${a.seat}`, a.guestId]));
        const host = hostPlace(event.tables, event.fixed.find((f) => f.guestId === event.hostId));
        const coHost = event.coHostId && host.coHostSeat !== undefined ? host.coHostSeat : undefined;
        // Host and co-host are anchored; a co-host with no place opposite waits their turn.
        const placedByPlanner = (id: string) => !event.fixed.some((f) => f.guestId === id) && id !== event.hostId && (id !== event.coHostId || coHost === undefined);
        const queue = [...event.guests.filter((g) => g.id === event.principalGuestId), ...event.guests.filter((g) => g.id !== event.principalGuestId)]
          .map((g) => g.id)
          .filter(placedByPlanner);
        const reading = [
          ...placesOfHonour(host.table, host.seat, coHost).map((s) => occupant.get(`${host.table.id}#${s}`)),
          ...event.tables.filter((t) => t !== host.table).flatMap((t) => placesOfHonour(t, 1).map((s) => occupant.get(`${t.id}#${s}`))),
        ].filter((id): id is string => id !== undefined && placedByPlanner(id));
        expect(reading).toEqual(queue.slice(0, reading.length));
        expect(plan.unseated).toEqual(queue.slice(reading.length));
      }),
    );
  });

  it('places of honour list every seat once, starting with the anchors and the right of the first', () => {
    fc.assert(
      fc.property(arbitraryTable('t'), fc.nat(), (table, pick) => {
        const first = 1 + (pick % table.seats);
        const order = placesOfHonour(table, first);
        expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: table.seats }, (_, i) => i + 1));
        expect(order[0]).toBe(first);
        const right = seatBeside(table, first, 'right');
        if (right !== undefined) expect(order[1]).toBe(right);
      }),
    );
  });
});

type Injection = 'guest_twice' | 'seat_twice' | 'unknown_guest' | 'unknown_table' | 'unknown_seat';

describe('validateSeating properties', () => {
  it('finds exactly the conflict injected into a valid plan', () => {
    fc.assert(
      fc.property(arbitraryEvent, fc.constantFrom<Injection>('guest_twice', 'seat_twice', 'unknown_guest', 'unknown_table', 'unknown_seat'), fc.nat(), fc.nat(), (event, kind, i, j) => {
        const plan = planSeating(event);
        fc.pre(plan.assignments.length >= 2);
        const base = validateSeating(plan.assignments, event.tables, event.guests);
        const a = plan.assignments[i % plan.assignments.length]!;
        const b = plan.assignments.filter((x) => x !== a)[j % (plan.assignments.length - 1)]!;
        const table = event.tables.find((t) => t.id === a.tableId)!;
        const cases: Record<Injection, { extra: SeatAssignment; guests?: { id: string }[]; expected: SeatingProblem[] }> = {
          guest_twice: {
            extra: { guestId: a.guestId, tableId: b.tableId, seat: b.seat },
            expected: [
              { code: 'guest_seated_twice', guestId: a.guestId, places: [{ tableId: a.tableId, seat: a.seat }, { tableId: b.tableId, seat: b.seat }] },
              { code: 'seat_used_twice', tableId: b.tableId, seat: b.seat, guestIds: [b.guestId, a.guestId] },
            ],
          },
          seat_twice: {
            extra: { guestId: 'newcomer', tableId: a.tableId, seat: a.seat },
            guests: [{ id: 'newcomer' }],
            expected: [{ code: 'seat_used_twice', tableId: a.tableId, seat: a.seat, guestIds: [a.guestId, 'newcomer'] }],
          },
          unknown_guest: { extra: { guestId: 'ghost', tableId: a.tableId, seat: a.seat }, expected: [{ code: 'unknown_guest', guestId: 'ghost', tableId: a.tableId, seat: a.seat }] },
          unknown_table: { extra: { guestId: a.guestId, tableId: 'nowhere', seat: 1 }, expected: [{ code: 'unknown_table', guestId: a.guestId, tableId: 'nowhere' }] },
          unknown_seat: {
            extra: { guestId: a.guestId, tableId: a.tableId, seat: table.seats + 1 },
            expected: [{ code: 'unknown_seat', guestId: a.guestId, tableId: a.tableId, seat: table.seats + 1 }],
          },
        };
        const { extra, guests: more = [], expected } = cases[kind];
        const allGuests = [...event.guests, ...more];
        const problems = validateSeating([...plan.assignments, extra], event.tables, allGuests);
        const capacity = (p: SeatingProblem) => p.code === 'more_guests_than_seats';
        expect(problems.filter((p) => !capacity(p))).toEqual([...base.filter((p) => !capacity(p)), ...expected]);
        expect(problems.some(capacity)).toBe(allGuests.length > totalSeats(event.tables));
      }),
    );
  });
});
