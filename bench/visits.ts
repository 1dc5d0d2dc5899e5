/**
 * Visits benchmark: ten years of a protocol office's visits and trips (size 1 = 5,000 visits
 * and trips with their participants and about 50,000 programme items, on a directory of 2,500
 * organisations and 5,000 people), measured through the real HTTP server as a signed-in
 * administrator and, for the JSON requests, against the same SQL run bare:
 *
 * - the calendar of a month (every visit, trip and programme item with its conflicts), of a week,
 *   and one official's agenda for the month;
 * - the visits list;
 * - the programme of a 5-day visit with 60 items as PDF and DOCX, in one language and in two
 *   columns. Here the SQL is a small part: the table shows it to say so.
 *
 * The visits are built once for every database of the run (seeded PRNG) and loaded like the
 * directory benchmark's rows (bench/directory.ts: parameterised multi-row INSERTs).
 */
import { randomUUID } from 'node:crypto';
import type { MultilingualText } from '../src/contracts/common/multilingual.js';
import { searchFold } from '../src/contracts/common/transliteration.js';
import { addDays } from '../src/contracts/common/dates.js';
import { programmeItems, visitParticipants, visits } from '../src/server/modules/visits/visits.table.js';
import { buildRows, insertAll, measureCase, seed, type Case, type CaseResult, type Rows } from './directory.js';
import { throwIfInterrupted } from './lib/cleanup.js';
import { openBenchDatabase } from './lib/databases.js';
import { rng, type Rng } from './lib/directory-data.js';
import { createUsers, signIn, startBenchServer } from './lib/server.js';
import { int, ms, now, ratio, seconds } from './lib/stats.js';
import type { BenchOptions, BenchReport, Benchmark } from './lib/types.js';

const FULL_VISITS = 5_000;
/** The directory under the visits, as a share of the directory benchmark's (50k/100k). */
const DIRECTORY_SHARE = 0.05;
const FIRST_DAY = '2017-01-02';
const TEN_YEARS_DAYS = 3650;
/** The officials who host visits and travel: the same few people book most of the calendar. */
const OFFICIALS = 12;
/** The month measured: mid-way through the ten years. */
const MONTH = { from: '2022-05-01', to: '2022-05-31' };
const WEEK = { from: '2022-05-16', to: '2022-05-22' };
/** The programme measured as a document: 5 days of 12 items. */
const PROGRAMME = { days: 5, itemsPerDay: 12, startDate: '2022-05-16' };

type VisitRow = typeof visits.$inferInsert & { id: string };
type ParticipantRow = typeof visitParticipants.$inferInsert & { id: string };
/** A programme item before loading: `responsible` is the index of the user responsible. */
type ItemRow = Omit<typeof programmeItems.$inferInsert, 'responsibleId'> & { responsible: number };
type VisitData = { visits: VisitRow[]; participants: ParticipantRow[]; items: ItemRow[]; officials: string[]; programmeVisitId: string };

const ml = (original: string, values: Record<string, string>): MultilingualText => ({ original, values });

const ITEM_TITLES: Record<'bg' | 'en' | 'ka', string>[] = [
  { bg: 'Среща с кмета', en: 'Meeting with the mayor', ka: 'შეხვედრა მერთან' },
  { bg: 'Работна среща в общинската администрация', en: 'Working meeting at the municipal administration', ka: 'სამუშაო შეხვედრა მერიაში' },
  { bg: 'Посещение на индустриалната зона', en: 'Visit to the industrial zone', ka: 'ინდუსტრიული ზონის დათვალიერება' },
  { bg: 'Обяд, даден от кмета', en: 'Lunch hosted by the mayor', ka: 'სადილი მერის სახელით' },
  { bg: 'Пресконференция', en: 'Press conference', ka: 'პრესკონფერენცია' },
  { bg: 'Разглеждане на стария град', en: 'Tour of the old town', ka: 'ძველი ქალაქის დათვალიერება' },
  { bg: 'Подписване на меморандум за сътрудничество', en: 'Signing of the memorandum of cooperation', ka: 'თანამშრომლობის მემორანდუმის ხელმოწერა' },
  { bg: 'Концерт в Доходното здание', en: 'Concert at the Profit House', ka: 'კონცერტი' },
  { bg: 'Среща с представители на бизнеса', en: 'Meeting with business representatives', ka: 'შეხვედრა ბიზნესის წარმომადგენლებთან' },
  { bg: 'Посещение на университета', en: 'Visit to the university', ka: 'უნივერსიტეტის მონახულება' },
  { bg: 'Официална вечеря', en: 'Official dinner', ka: 'ოფიციალური ვახშამი' },
  { bg: 'Трансфер до летището', en: 'Transfer to the airport', ka: 'ტრანსფერი აეროპორტში' },
];
const PLACES: Record<'bg' | 'en' | 'ka', string>[] = [
  { bg: 'Общината, зала „Европа“', en: 'Town hall, Europe Hall', ka: 'მერია, ევროპის დარბაზი' },
  { bg: 'Хотел „Дунав“', en: 'Danube Hotel', ka: 'სასტუმრო „დუნაი“' },
  { bg: 'Регионален исторически музей', en: 'Regional History Museum', ka: 'ისტორიის მუზეუმი' },
  { bg: 'Русенски университет', en: 'University of Ruse', ka: 'რუსეს უნივერსიტეტი' },
  { bg: 'Пристанище Русе', en: 'Port of Ruse', ka: 'რუსეს პორტი' },
];
const DESTINATIONS = [
  { country: 'GE', city: 'Zugdidi', timeZone: 'Asia/Tbilisi' },
  { country: 'DE', city: 'Kassel', timeZone: 'Europe/Berlin' },
  { country: 'RO', city: 'Giurgiu', timeZone: 'Europe/Bucharest' },
  { country: 'BE', city: 'Bruxelles', timeZone: 'Europe/Brussels' },
  { country: 'FR', city: 'Strasbourg', timeZone: 'Europe/Paris' },
];

const text3 = (t: Record<'bg' | 'en' | 'ka', string>, langs: ('bg' | 'en' | 'ka')[]) => ml('bg', Object.fromEntries(langs.map((l) => [l, t[l]])));
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

/** One visit's participants and programme: officials host (or travel), guests come, items fill the days. */
function addProgramme(r: Rng, data: VisitData, visit: VisitRow, people: Rows['people'], days: number, itemsPerDay: () => number, users: number) {
  const hosts = r.some(data.officials, 3);
  if (hosts.length === 0) hosts.push(data.officials[0]!);
  const participants: ParticipantRow[] = hosts.map((personId) => ({
    id: randomUUID(),
    visitId: visit.id,
    role: visit.direction === 'outgoing' ? 'traveller' : 'host',
    personId,
    name: null,
  }));
  for (let g = 0, n = 2 + r.int(6); g < n; g++) {
    const linked = r.chance(0.5) ? people[r.int(people.length)]! : null;
    participants.push({ id: randomUUID(), visitId: visit.id, role: 'guest', personId: linked?.id ?? null, name: linked ? linked.name : `Guest ${g + 1}` });
  }
  if (r.chance(0.3)) participants.push({ id: randomUUID(), visitId: visit.id, role: 'interpreter', personId: null, name: 'Interpreter' });
  data.participants.push(...participants);
  const langs: ('bg' | 'en' | 'ka')[] = visit.country === 'GE' ? ['bg', 'ka', 'en'] : ['bg', 'en'];
  for (let d = 0; d < days; d++) {
    let minute = 8 * 60 + 30 + 15 * r.int(4);
    for (let i = 0, n = itemsPerDay(); i < n; i++) {
      const length = 30 + 15 * r.int(6);
      data.items.push({
        visitId: visit.id,
        day: addDays(visit.startDate, d),
        startTime: hhmm(minute),
        endTime: hhmm(Math.min(minute + length, 23 * 60 + 59)),
        position: i,
        title: text3(ITEM_TITLES[r.int(ITEM_TITLES.length)]!, langs),
        place: text3(PLACES[r.int(PLACES.length)]!, langs),
        attendeeIds: participants.filter(() => r.chance(0.6)).map((p) => p.id),
        attendeesText: r.chance(0.2) ? 'The whole delegation' : '',
        responsible: r.int(users),
        transport: r.chance(0.3) ? 'Minibus, driver on call' : '',
        dressCode: r.chance(0.2) ? 'Business attire' : '',
        notes: r.chance(0.3) ? text3({ bg: 'Превод: последователен', en: 'Interpreting: consecutive', ka: 'თარგმანი: თანმიმდევრული' }, langs) : null,
      });
      minute = Math.min(minute + length + 15 * r.int(3), 22 * 60);
    }
  }
}

/** Ten years of visits (70 %) and trips (30 %), about 1.4 starting each day, plus the programme measured as a document. */
export function buildVisits(size: number, directory: Rows, users: number): VisitData {
  const r = rng(20221605);
  const count = Math.max(10, Math.round(FULL_VISITS * size));
  const data: VisitData = { visits: [], participants: [], items: [], officials: [], programmeVisitId: '' };
  data.officials = directory.people.slice(0, Math.min(OFFICIALS, directory.people.length)).map((p) => p.id);
  const visitRow = (startDate: string, days: number, outgoing: boolean, title: MultilingualText): VisitRow => {
    const dest = outgoing ? DESTINATIONS[r.int(DESTINATIONS.length)]! : { country: r.chance(0.5) ? 'GE' : 'DE', city: 'Ruse', timeZone: 'Europe/Sofia' };
    return {
      id: randomUUID(),
      direction: outgoing ? 'outgoing' : 'incoming',
      status: r.pick(['proposed', 'confirmed', 'confirmed', 'done', 'done', 'cancelled']),
      title,
      purpose: null,
      startDate,
      endDate: addDays(startDate, days - 1),
      timeZone: dest.timeZone,
      organizationId: directory.organizations[r.int(directory.organizations.length)]!.id,
      country: dest.country,
      city: dest.city,
      guestLanguages: dest.country === 'GE' ? ['ka'] : ['de', 'en'],
      responsibleId: null,
      sortTitle: searchFold(title.values[title.original] ?? ''),
      searchText: searchFold(Object.values(title.values).join(' | ')),
      ownerId: null,
    };
  };
  // In date order, spread evenly over ten years: the calendar's range queries see a realistic density.
  for (let i = 0; i < count; i++) {
    const startDate = addDays(FIRST_DAY, Math.floor((TEN_YEARS_DAYS * i) / count));
    const outgoing = r.chance(0.3);
    const days = 1 + r.int(outgoing ? 6 : 4);
    const n = i + 1;
    const title = outgoing
      ? ml('bg', { bg: `Посещение в чужбина № ${n}`, en: `Official trip no. ${n}` })
      : ml('bg', { bg: `Делегация № ${n}`, en: `Delegation no. ${n}`, ka: `დელეგაცია № ${n}` });
    const visit = visitRow(startDate, days, outgoing, title);
    data.visits.push(visit);
    addProgramme(r, data, visit, directory.people, days, () => 1 + r.int(5), users);
  }
  // The programme printed: a 5-day visit from Zugdidi with 12 items a day, in three languages.
  const title = ml('bg', { bg: 'Делегация от Зугдиди', en: 'Delegation from Zugdidi', ka: 'ზუგდიდის დელეგაცია' });
  const visit = { ...visitRow(PROGRAMME.startDate, PROGRAMME.days, false, title), country: 'GE', status: 'confirmed', guestLanguages: ['ka'] };
  data.visits.push(visit);
  data.programmeVisitId = visit.id;
  addProgramme(r, data, visit, directory.people, PROGRAMME.days, () => PROGRAMME.itemsPerDay, users);
  return data;
}

/** The official with the most visits in the month measured: the agenda worth asking for. */
function busiestOfficial(data: VisitData): string {
  const inMonth = new Set(data.visits.filter((v) => v.startDate <= MONTH.to && v.endDate! >= MONTH.from).map((v) => v.id));
  const count = new Map<string, number>(data.officials.map((id) => [id, 0]));
  for (const p of data.participants) if (p.personId && count.has(p.personId) && inMonth.has(p.visitId)) count.set(p.personId, count.get(p.personId)! + 1);
  return [...count.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

const visitCases = (data: VisitData): Case[] => {
  const official = busiestOfficial(data);
  const id = data.programmeVisitId;
  return [
    { name: 'calendar, a month', path: `/api/calendar?from=${MONTH.from}&to=${MONTH.to}` },
    { name: 'calendar, a week', path: `/api/calendar?from=${WEEK.from}&to=${WEEK.to}` },
    { name: 'calendar, one official’s month', path: `/api/calendar?from=${MONTH.from}&to=${MONTH.to}&personId=${official}` },
    { name: 'visits list, page 1', path: `/api/visits?page=1&pageSize=25` },
    { name: 'visit detail (all its records, 60 items)', path: `/api/visits/${id}` },
    { name: 'visit conflicts (60 items)', path: `/api/calendar/conflicts?visitId=${id}` },
    { name: 'programme PDF, Bulgarian', path: `/api/visits/${id}/programme.pdf?lang=bg` },
    { name: 'programme PDF, Georgian', path: `/api/visits/${id}/programme.pdf?lang=ka` },
    { name: 'programme PDF, Bulgarian + Georgian columns', path: `/api/visits/${id}/programme.pdf?lang=bg,ka` },
    { name: 'programme DOCX, Bulgarian + English columns', path: `/api/visits/${id}/programme.docx?lang=bg,en` },
  ];
};

type DbRun = { label: string; kind: string; seedMs: number; results: CaseResult[] };

async function runOn(kind: BenchOptions['dbs'][number], directory: Rows, data: VisitData, opts: BenchOptions): Promise<DbRun> {
  opts.log(`[visits] ${kind}: opening a fresh database`);
  const target = await openBenchDatabase(kind);
  try {
    const owners = await createUsers(target.database, [
      { name: 'Bench Administrator', email: 'admin@bench.legato.local', role: 'administrator' },
      { name: 'Protocol Specialist', email: 'protocol@bench.legato.local', role: 'specialist' },
    ]);
    const t0 = now();
    await seed(target, directory, owners, { analyze: false });
    await target.runOnOneConnection(async (query) => {
      await query('BEGIN');
      await insertAll(query, visits, data.visits, (v) => ({ ...v, ownerId: owners[0], createdBy: owners[0], updatedBy: owners[0], responsibleId: owners[1] }));
      await insertAll(query, visitParticipants, data.participants, (p) => ({ ...p, createdBy: owners[0], updatedBy: owners[0] }));
      throwIfInterrupted();
      await insertAll(query, programmeItems, data.items, ({ responsible, ...i }) => ({
        ...i,
        responsibleId: owners[responsible % owners.length],
        createdBy: owners[0],
        updatedBy: owners[0],
      }));
      await query('COMMIT');
    });
    await target.database.query('VACUUM ANALYZE organizations, people, interactions, audit_log, users, visits, visit_participants, programme_items');
    const seedMs = now() - t0;
    opts.log(`[visits] ${target.label}: seeded in ${seconds(seedMs)}`);
    const server = await startBenchServer(target.database, target.dataDir);
    try {
      const client = await signIn(server.url, 'admin@bench.legato.local');
      const results: CaseResult[] = [];
      for (const c of visitCases(data)) {
        const res = await measureCase(target, client, c, opts);
        opts.log(`[visits] ${target.kind.padEnd(8)} ${c.name.padEnd(44)} API p50 ${ms(res.api.p50)} ms p95 ${ms(res.api.p95)} ms  SQL p50 ${ms(res.sql.p50)} ms  (n=${res.api.n}, hits=${res.hits})`);
        results.push(res);
      }
      return { label: target.label, kind, seedMs, results };
    } finally {
      await server.close();
    }
  } finally {
    await target.close();
  }
}

function markdown(opts: BenchOptions, directory: Rows, data: VisitData, runs: DbRun[]): string {
  const cases = visitCases(data);
  const lines: string[] = [];
  lines.push('## Visits, calendar and the programme documents');
  lines.push('');
  lines.push(
    `Size ${opts.size}: ${int(data.visits.length)} visits and trips over ten years with ${int(data.participants.length)} participants and ${int(data.items.length)} programme items ` +
      `(${OFFICIALS} officials host or travel on most of them, so the calendar has conflicts to find), on a directory of ${int(directory.organizations.length)} organisations and ${int(directory.people.length)} people. ` +
      `The month measured is ${MONTH.from} … ${MONTH.to}; the programme printed has ${PROGRAMME.days} days of ${PROGRAMME.itemsPerDay} items (${PROGRAMME.days * PROGRAMME.itemsPerDay}) in Bulgarian, Georgian and English. ` +
      `Seeding: ${runs.map((r) => `${r.kind} ${seconds(r.seedMs)}`).join(', ')}.`,
  );
  lines.push('');
  lines.push('Requests (ms; API = the HTTP request through the real server, SQL = its statements run bare; for a document, API includes laying out the PDF or DOCX, and Size is the file):');
  lines.push('');
  lines.push('| Request | Database | Entries | Size | n | API p50 | API p95 | SQL p50 | SQL p95 | API / SQL |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|--:|--:|');
  for (const [i, c] of cases.entries()) {
    for (const run of runs) {
      const r = run.results[i]!;
      lines.push(
        `| ${c.name} | ${run.kind} | ${int(r.hits)} | ${(r.bytes / 1024).toFixed(0)} kB | ${r.api.n} | ${ms(r.api.p50)} | ${ms(r.api.p95)} | ${ms(r.sql.p50)} | ${ms(r.sql.p95)} | ${ratio(r.api.p50, r.sql.p50)} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    'The calendar answers every entry of the window with its conflicts, found among the entries of the window and one day on each side (the SQL is three range queries and two lookups; ' +
      'the rest is building the entries, their zoned times and the conflict check in the server). Entries = calendar entries in the answer.',
  );
  return lines.join('\n');
}

export const visitsBenchmark: Benchmark = {
  name: 'visits',
  description: 'Calendar month/week/agenda, visits list and programme PDF/DOCX of a 5-day, 60-item visit',
  async run(opts: BenchOptions): Promise<BenchReport> {
    const t0 = now();
    const { rows: directory } = buildRows(opts.size * DIRECTORY_SHARE);
    const data = buildVisits(opts.size, directory, 2);
    opts.log(`[visits] built ${int(data.visits.length)} visits, ${int(data.participants.length)} participants, ${int(data.items.length)} items in ${seconds(now() - t0)}`);
    const runs: DbRun[] = [];
    for (const kind of opts.dbs) runs.push(await runOn(kind, directory, data, opts));
    return { title: 'Visits', markdown: markdown(opts, directory, data, runs) };
  },
};
