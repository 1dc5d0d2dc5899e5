/**
 * Seating plans: where each seat of a table is, which seat is whose place of honour, automatic
 * placement by precedence, and the check of a plan.
 *
 * Seat numbering: seat 1 is the table's place of honour (the host's at the top table) and seats
 * are numbered clockwise as seen from above, which is how the plan is drawn. A diner faces the
 * table, so the seat at their right is the previous number and the one at their left the next.
 * - Round: seat 1 at the top of the drawing.
 * - Rectangular: seats on both long sides and, from 4 seats, one at each end. French style
 *   (the default, usual in continental protocol): seat 1 in the middle of the upper long side,
 *   the co-host face to face across the table. English style: seat 1 at the left end, the
 *   co-host at the other end.
 * - Head table: seats on the upper side facing the room (or on both sides), seat 1 in the
 *   middle. On one side there is no place opposite the host: the co-host sits at the host's left.
 *
 * Placement follows diplomatic practice: the host at the place of honour of the top table, the
 * co-host opposite, the principal guest at the host's right, then the guests by precedence at
 * the right of the host, the right of the co-host, the left of the host, the left of the
 * co-host, one place further out each round (the same alternation in both styles). A host moved
 * by hand takes the places of honour along: they are counted from wherever the host sits. The
 * other tables are filled in the order given, the highest remaining guest at seat 1, then right
 * and left alternately.
 */
import type { SeatAssignment, SeatingPlan, SeatingProblem, SeatingTable } from '../../../contracts/events.protocol.js';

// --- Geometry -----------------------------------------------------------------------------

/**
 * Where a seat is, in table-local units of one place's width: origin at the table's centre, y
 * growing downwards (as in SVG), `angle` the chair's rotation in degrees clockwise, 0 for a
 * diner at the top of the drawing facing down towards the table.
 */
export type SeatPosition = { seat: number; x: number; y: number; angle: number };
/** The table top's size (round: diameter) and its seats, by seat number. */
export type TableGeometry = { width: number; height: number; seats: SeatPosition[] };

type Point = { x: number; y: number; angle: number };
/** Places in clockwise order, the index of the place of honour, and whether they form a line (no wrap from last to first). */
type Layout = { width: number; height: number; places: Point[]; honour: number; line: boolean };

/** From the table's edge to a chair's centre, and the depth of a long table, in places. */
const CHAIR_OFFSET = 0.4;
const TABLE_DEPTH = 1.5;

/** `count` places spread evenly along a side of `length`, in the direction of `step` (±1). */
function side(count: number, length: number, y: number, angle: number, step: 1 | -1): Point[] {
  return Array.from({ length: count }, (_, i) => ({ x: step * (-length / 2 + ((i + 0.5) * length) / count), y, angle }));
}

function roundLayout(n: number): Layout {
  const radius = Math.max(0.5, n / (2 * Math.PI));
  const places = Array.from({ length: n }, (_, i) => {
    const angle = (i * 360) / n;
    const r = (angle * Math.PI) / 180;
    return { x: (radius + CHAIR_OFFSET) * Math.sin(r), y: -(radius + CHAIR_OFFSET) * Math.cos(r), angle };
  });
  return { width: 2 * radius, height: 2 * radius, places, honour: 0, line: false };
}

/** Long sides (upper left to right, lower right to left) with optional end places. */
function longTableLayout(n: number, ends: boolean, honourAtEnd: boolean): Layout {
  const onSides = n - (ends ? 2 : 0);
  const upper = Math.ceil(onSides / 2);
  const length = Math.max(upper, 1);
  const edge = TABLE_DEPTH / 2 + CHAIR_OFFSET;
  const places = [
    ...side(upper, length, -edge, 0, 1),
    ...(ends ? [{ x: length / 2 + CHAIR_OFFSET, y: 0, angle: 90 }] : []),
    ...side(onSides - upper, length, edge, 180, -1),
    ...(ends ? [{ x: -(length / 2 + CHAIR_OFFSET), y: 0, angle: 270 }] : []),
  ];
  return { width: length, height: TABLE_DEPTH, places, honour: ends && honourAtEnd ? n - 1 : Math.floor(upper / 2), line: false };
}

function layoutOf(table: SeatingTable): Layout {
  const n = table.seats;
  switch (table.shape) {
    case 'round':
      return roundLayout(n);
    case 'rectangular':
      return longTableLayout(n, n >= 4, table.style === 'english');
    case 'head':
      if (table.sides === 'both') return longTableLayout(n, false, false);
      return { width: n, height: TABLE_DEPTH, places: side(n, n, -(TABLE_DEPTH / 2 + CHAIR_OFFSET), 0, 1), honour: Math.floor(n / 2), line: true };
  }
}

/** Layouts depend only on the table's shape and size, and are asked for often while planning. */
const layouts = new Map<string, Layout>();
function layout(table: SeatingTable): Layout {
  const key = `${table.shape}:${table.seats}:${table.shape === 'rectangular' ? table.style : table.shape === 'head' ? table.sides : ''}`;
  let found = layouts.get(key);
  if (!found) layouts.set(key, (found = layoutOf(table)));
  return found;
}

const placeOf = (l: Layout, seat: number) => (seat - 1 + l.honour) % l.places.length;
const seatAt = (l: Layout, place: number) => ((place - l.honour + l.places.length) % l.places.length) + 1;

/** Each seat's position on its table, for drawing the plan. */
export function tableGeometry(table: SeatingTable): TableGeometry {
  const l = layout(table);
  const seats = l.places.map((p, place) => ({ seat: seatAt(l, place), x: p.x, y: p.y, angle: p.angle }));
  return { width: l.width, height: l.height, seats: seats.sort((a, b) => a.seat - b.seat) };
}

/** The seat `distance` places to the right or left of a diner at `seat`, if the table has one. */
export function seatBeside(table: SeatingTable, seat: number, hand: 'right' | 'left', distance = 1): number | undefined {
  const l = layout(table);
  const n = l.places.length;
  if (distance < 1 || distance >= n) return undefined;
  const place = placeOf(l, seat) + (hand === 'right' ? -distance : distance);
  if (l.line && (place < 0 || place >= n)) return undefined;
  return seatAt(l, (place + n) % n);
}

/** The seat across the table from `seat`; none on a head table seated on one side. */
export function seatOpposite(table: SeatingTable, seat: number): number | undefined {
  const l = layout(table);
  if (l.line || l.places.length < 2) return undefined;
  const from = l.places[placeOf(l, seat)]!;
  // Round: through the centre. Long tables: face to face across the table, or end to end.
  const target = table.shape === 'round' ? { x: -from.x, y: -from.y } : from.angle % 180 === 90 ? { x: -from.x, y: from.y } : { x: from.x, y: -from.y };
  let best: number | undefined;
  let bestDistance = Infinity;
  l.places.forEach((p, place) => {
    const d = Math.hypot(p.x - target.x, p.y - target.y);
    if (place !== placeOf(l, seat) && d < bestDistance - 1e-9) [best, bestDistance] = [place, d];
  });
  return best === undefined ? undefined : seatAt(l, best);
}

/**
 * The seats of a table from the most to the least honourable, around one or two anchors (host
 * and co-host): the anchors, then for each distance outwards the right of each anchor, then the
 * left of each anchor.
 */
export function placesOfHonour(table: SeatingTable, first: number, second?: number): number[] {
  const anchors = second === undefined ? [first] : [first, second];
  const order = new Set<number>(anchors);
  for (let d = 1; d < table.seats; d++) {
    for (const hand of ['right', 'left'] as const) {
      for (const anchor of anchors) {
        const seat = seatBeside(table, anchor, hand, d);
        if (seat !== undefined) order.add(seat);
      }
    }
  }
  return [...order];
}

// --- Checking a plan ----------------------------------------------------------------------

type Guest = { id: string; companionOf?: string };
type Place = { tableId: string; seat: number };
const seatKey = (p: Place) => `${p.tableId}#${p.seat}`;

/** Problems of single assignments (unknown guest, table or seat), in the order given. */
function unknownPlaces(assignments: readonly SeatAssignment[], tables: ReadonlyMap<string, SeatingTable>, guestIds: ReadonlySet<string>): SeatingProblem[] {
  const problems: SeatingProblem[] = [];
  for (const { guestId, tableId, seat } of assignments) {
    const table = tables.get(tableId);
    if (!guestIds.has(guestId)) problems.push({ code: 'unknown_guest', guestId, tableId, seat });
    if (!table) problems.push({ code: 'unknown_table', guestId, tableId });
    else if (!Number.isInteger(seat) || seat < 1 || seat > table.seats) problems.push({ code: 'unknown_seat', guestId, tableId, seat });
  }
  return problems;
}

function isValidPlace(a: SeatAssignment, tables: ReadonlyMap<string, SeatingTable>, guestIds: ReadonlySet<string>): boolean {
  const table = tables.get(a.tableId);
  return guestIds.has(a.guestId) && !!table && Number.isInteger(a.seat) && a.seat >= 1 && a.seat <= table.seats;
}

function groupBy<K, V>(items: readonly V[], key: (v: V) => K): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Guests given more than one place, and seats given to more than one guest, among valid assignments. */
function doubleBookings(valid: readonly SeatAssignment[]): SeatingProblem[] {
  const problems: SeatingProblem[] = [];
  for (const [guestId, places] of groupBy(valid, (a) => a.guestId)) {
    if (places.length > 1) problems.push({ code: 'guest_seated_twice', guestId, places: places.map(({ tableId, seat }) => ({ tableId, seat })) });
  }
  for (const same of groupBy(valid, seatKey).values()) {
    if (same.length > 1) problems.push({ code: 'seat_used_twice', tableId: same[0]!.tableId, seat: same[0]!.seat, guestIds: same.map((a) => a.guestId) });
  }
  return problems;
}

function capacityProblem(guests: readonly Guest[], tables: readonly SeatingTable[]): SeatingProblem[] {
  const seats = tables.reduce((sum, t) => sum + t.seats, 0);
  return guests.length > seats ? [{ code: 'more_guests_than_seats', guests: guests.length, seats }] : [];
}

/** Problems of the assignments themselves: unknown guests, tables and seats, double bookings. */
function assignmentProblems(assignments: readonly SeatAssignment[], tables: ReadonlyMap<string, SeatingTable>, guestIds: ReadonlySet<string>): SeatingProblem[] {
  const valid = assignments.filter((a) => isValidPlace(a, tables, guestIds));
  return [...unknownPlaces(assignments, tables, guestIds), ...doubleBookings(valid)];
}

/** Everything wrong with a plan, each problem naming the guests and seats concerned. */
export function validateSeating(assignments: readonly SeatAssignment[], tables: readonly SeatingTable[], guests: readonly Guest[]): SeatingProblem[] {
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const guestIds = new Set(guests.map((g) => g.id));
  return [...assignmentProblems(assignments, tableById, guestIds), ...capacityProblem(guests, tables)];
}

// --- Automatic placement ------------------------------------------------------------------

export type SeatingInput = {
  /** In order of importance: the first is the top table. */
  tables: readonly SeatingTable[];
  /** In order of precedence (orderGuests); ids unique. */
  guests: readonly Guest[];
  hostId?: string | null;
  coHostId?: string | null;
  principalGuestId?: string | null;
  /** Places set by hand (drag and drop): kept; the first valid place of a guest or seat wins. */
  fixed?: readonly SeatAssignment[];
  /** Seat a companion beside their principal (free seat at the right, else the left) instead of at the next place of honour. */
  keepCompanionsTogether?: boolean;
};

/** The seats taken so far, both ways. */
class Seating {
  readonly byGuest = new Map<string, Place>();
  private readonly bySeat = new Map<string, string>();
  isFree(tableId: string, seat: number | undefined): seat is number {
    return seat !== undefined && !this.bySeat.has(seatKey({ tableId, seat }));
  }
  seat(guestId: string, tableId: string, seat: number) {
    this.byGuest.set(guestId, { tableId, seat });
    this.bySeat.set(seatKey({ tableId, seat }), guestId);
  }
}

/** Keeps the fixed places that are valid and the first for their guest and their seat. */
function seatFixed(seating: Seating, fixed: readonly SeatAssignment[], tables: ReadonlyMap<string, SeatingTable>, guestIds: ReadonlySet<string>) {
  for (const a of fixed) {
    if (isValidPlace(a, tables, guestIds) && !seating.byGuest.has(a.guestId) && seating.isFree(a.tableId, a.seat)) seating.seat(a.guestId, a.tableId, a.seat);
  }
}

/** The host's table: where the host was put by hand, else the first table. */
function hostTable(tables: readonly SeatingTable[], byId: ReadonlyMap<string, SeatingTable>, seating: Seating, hostId: string | null): SeatingTable {
  const fixedAt = hostId ? seating.byGuest.get(hostId) : undefined;
  return (fixedAt && byId.get(fixedAt.tableId)) || tables[0]!;
}

/**
 * Host at the place of honour of their table (or, when it was given away by hand, the next free
 * place of honour; with none free the host waits their turn like any guest), co-host opposite
 * (on a head table seated on one side: at the host's left), unless they were placed by hand.
 */
function seatHosts(seating: Seating, table: SeatingTable, hostId: string | null, coHostId: string | null) {
  if (hostId && !seating.byGuest.has(hostId)) {
    const seat = placesOfHonour(table, 1).find((s) => seating.isFree(table.id, s));
    if (seat !== undefined) seating.seat(hostId, table.id, seat);
  }
  const host = hostId ? seating.byGuest.get(hostId) : undefined;
  if (!host || !coHostId || seating.byGuest.has(coHostId)) return;
  const seat = seatOpposite(table, host.seat) ?? seatBeside(table, host.seat, 'left');
  if (seating.isFree(table.id, seat)) seating.seat(coHostId, table.id, seat);
}

/**
 * The host's table first, its places of honour around host and co-host; then the other tables
 * in the order given, around their seat 1.
 */
function tablesInOrder(tables: readonly SeatingTable[], top: SeatingTable, seating: Seating, hostId: string | null, coHostId: string | null) {
  const host = hostId ? seating.byGuest.get(hostId) : undefined;
  const coHost = coHostId ? seating.byGuest.get(coHostId) : undefined;
  const topAnchors: [number, number?] = host?.tableId === top.id ? [host.seat, coHost?.tableId === top.id ? coHost.seat : undefined] : [1];
  return [{ table: top, anchors: topAnchors }, ...tables.filter((t) => t !== top).map((table) => ({ table, anchors: [1] as [number] }))];
}

/** A companion takes the free seat at their principal's right, else at the left, else waits their turn. */
function seatCompanionsBeside(seating: Seating, table: SeatingTable, seat: number, companions: readonly Guest[]) {
  for (const c of companions) {
    if (seating.byGuest.has(c.id)) continue;
    const beside = [seatBeside(table, seat, 'right'), seatBeside(table, seat, 'left')].find((s) => seating.isFree(table.id, s));
    if (beside !== undefined) seating.seat(c.id, table.id, beside);
  }
}

function assignmentsInOrder(seating: Seating, tables: readonly SeatingTable[]): SeatAssignment[] {
  const tableIndex = new Map(tables.map((t, i) => [t.id, i]));
  return [...seating.byGuest]
    .map(([guestId, p]) => ({ guestId, tableId: p.tableId, seat: p.seat }))
    .sort((a, b) => tableIndex.get(a.tableId)! - tableIndex.get(b.tableId)! || a.seat - b.seat);
}

/**
 * Places the guests: fixed places first, then host and co-host, then the principal guest and
 * everyone else in order of precedence along the places of honour of each table in turn. Guests
 * who find no seat are `unseated`: the lowest in precedence. Problems of the fixed places, a
 * missing host and too few seats are reported, never thrown.
 */
export function planSeating(input: SeatingInput): SeatingPlan {
  const { tables, guests, fixed = [], keepCompanionsTogether = false } = input;
  const tableById = new Map(tables.map((t) => [t.id, t]));
  const guestIds = new Set(guests.map((g) => g.id));
  const known = (id: string | null | undefined) => (id && guestIds.has(id) ? id : null);
  const [hostId, coHostId, principalId] = [known(input.hostId), known(input.coHostId), known(input.principalGuestId)];
  const problems = assignmentProblems(fixed, tableById, guestIds);
  if (!hostId) problems.push({ code: 'no_host', hostId: input.hostId ?? null });

  const seating = new Seating();
  seatFixed(seating, fixed, tableById, guestIds);
  const top = tables.length ? hostTable(tables, tableById, seating, hostId) : undefined;
  if (top) seatHosts(seating, top, hostId, coHostId);

  // The principal guest first, then everyone else in order of precedence.
  const queue = [...guests.filter((g) => g.id === principalId), ...guests.filter((g) => g.id !== principalId)].filter((g) => !seating.byGuest.has(g.id));
  const companionsOf = groupBy(guests.filter((g) => g.companionOf), (g) => g.companionOf!);
  let next = 0;
  const takeNext = () => {
    while (next < queue.length && seating.byGuest.has(queue[next]!.id)) next++;
    return queue[next++];
  };

  for (const { table, anchors } of top ? tablesInOrder(tables, top, seating, hostId, coHostId) : []) {
    for (const seat of placesOfHonour(table, ...anchors)) {
      if (!seating.isFree(table.id, seat)) continue;
      const guest = takeNext();
      if (!guest) break;
      seating.seat(guest.id, table.id, seat);
      if (keepCompanionsTogether) seatCompanionsBeside(seating, table, seat, companionsOf.get(guest.id) ?? []);
    }
  }

  const unseated = queue.filter((g) => !seating.byGuest.has(g.id)).map((g) => g.id);
  problems.push(...capacityProblem(guests, tables));
  return { assignments: assignmentsInOrder(seating, tables), unseated, problems };
}
