/**
 * What one simulated user of the load test does next: reads of the directory (lists with
 * filters, records, timelines, Ctrl+K search in three scripts, with typos) and about one request
 * in ten a write (a timeline entry, or an organisation saved with the version its edit form read).
 * Each user keeps what its last answers showed (the rows of its last list), as a person clicks
 * on what is on their screen; the choices are seeded, so a run can be repeated.
 */
import { INTERACTION_KINDS } from '../../src/contracts/interactions.js';
import { ORGANIZATION_KINDS } from '../../src/contracts/organizations.js';
import { rng, type Rng } from './directory-data.js';

export const KINDS = [
  'organisations list',
  'organisation detail',
  'organisation people',
  'timeline',
  'people list',
  'person detail',
  'search',
  'create interaction',
  'update organisation',
] as const;
export type Kind = (typeof KINDS)[number];

/** The answers a request of each kind may get; an update may also find a newer version (409). */
export const EXPECTED: Record<Kind, number[]> = {
  'organisations list': [200],
  'organisation detail': [200],
  'organisation people': [200],
  timeline: [200],
  'people list': [200],
  'person detail': [200],
  search: [200],
  'create interaction': [201],
  'update organisation': [200],
};
export const ACCEPTED_CONFLICT: Partial<Record<Kind, number>> = { 'update organisation': 409 };
export const WRITES: ReadonlySet<Kind> = new Set<Kind>(['create interaction', 'update organisation']);

/**
 * Weights of what a user does next. "update" is two requests: the edit form's read of the
 * record (counted as an organisation detail) and the save; so writes are 10 of 105 requests.
 */
const ACTIONS: [action: Exclude<Kind, 'update organisation'> | 'update', weight: number][] = [
  ['organisations list', 20],
  ['organisation detail', 14],
  ['organisation people', 6],
  ['timeline', 12],
  ['people list', 12],
  ['person detail', 9],
  ['search', 17],
  ['create interaction', 5],
  ['update', 5],
];
const ACTION_TOTAL = ACTIONS.reduce((s, [, w]) => s + w, 0);

/** Ctrl+K queries as people type them: Latin, Cyrillic and Georgian, some with typos. */
export const SEARCHES = [
  'Zugdidi', 'Kutaisi', 'Ruse', 'Plovdiv', 'Batumi', 'Kassel', 'Giurgiu', 'Foundation', 'Embassy', 'Müller', 'Popescu',
  'Tbilsi', 'Zugddi', 'Plovidv', 'Kutiasi', 'Embasy', 'Mueller',
  'Русе', 'Зугдиди', 'Тбилиси', 'Пловдив', 'Петров', 'Посолство', 'читалище', 'Община Варна',
  'Руссе', 'Пловдвив', 'Кутайси',
  'თბილისი', 'ზუგდიდი', 'ბათუმი', 'ქუთაისი', 'მუნიციპალიტეტი', 'ბერიძე',
  'თბილსი', 'ზუგდიდ',
];
const LIST_QUERIES = ['Kutaisi', 'Русе', 'ზუგდიდი', 'Varna', 'Пловдив', 'Köln', 'Batumi', 'Giurgiu', 'Tbilisi', 'Добрич'];
const COUNTRIES = ['BG', 'GE', 'DE', 'RO', 'AT', 'FR', 'TR', 'PL'];
const TAGS = ['twin city', 'Danube', 'EU', 'culture', 'туризъм', 'ტურიზმი', 'Erasmus+', 'youth'];
const PEOPLE_QUERIES = ['Петров', 'Иванова', 'ბერიძე', 'Müller', 'Popescu', 'Georgiev', 'Beridze', 'Petrova', 'Нино'];
const SUBJECTS = ['Телефонен разговор за Дните на Русе', 'შეხვედრა დელეგაციასთან', 'Call about the youth exchange', 'Писмо за споразумение', 'Follow-up e-mail on the Interreg project'];

export type Step = { kind: Kind; method: 'GET' | 'POST' | 'PATCH'; path: string; body?: unknown; editing?: string };

export type UserState = {
  index: number;
  r: Rng;
  /** Rows of the user's last organisation / people list (what is on their screen). */
  orgsOnScreen: string[];
  peopleOnScreen: string[];
  /** The edit form's record and version, saved by the next step. */
  save: { id: string; version: number } | null;
};

export const newUserState = (index: number, seed: number): UserState => ({ index, r: rng(seed + index * 7919), orgsOnScreen: [], peopleOnScreen: [], save: null });

const q = encodeURIComponent;
const query = (params: Record<string, string | number | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${q(String(v))}`)
    .join('&');

/** The next request of this user; `pools` are ids of records every user may see. */
export function nextStep(u: UserState, pools: { organizations: string[]; people: string[] }): Step {
  const { r } = u;
  if (u.save) {
    const { id, version } = u.save;
    u.save = null;
    const body = { version, phone: `+359 82 ${100000 + r.int(899999)}`, notes: `Checked by load user ${u.index} on ${new Date().toISOString().slice(0, 10)}.` };
    return { kind: 'update organisation', method: 'PATCH', path: `/api/organizations/${id}`, body };
  }
  // What is on screen most of the time, sometimes a record opened from elsewhere (a link, search).
  const org = () => (u.orgsOnScreen.length && r.chance(0.7) ? r.pick(u.orgsOnScreen) : r.pick(pools.organizations));
  const person = () => (u.peopleOnScreen.length && r.chance(0.7) ? r.pick(u.peopleOnScreen) : r.pick(pools.people));

  let x = r.next() * ACTION_TOTAL;
  const action = ACTIONS.find(([, w]) => (x -= w) < 0)?.[0] ?? 'search';
  switch (action) {
    case 'organisations list': {
      const filter = r.next();
      const sort = r.chance(0.6) ? {} : r.chance(0.6) ? { sort: 'updatedAt', order: 'desc' } : { sort: 'city', order: 'asc' };
      const params = {
        page: r.chance(0.75) ? 1 : 2 + r.int(2),
        pageSize: 25,
        ...sort,
        ...(filter < 0.3 ? {} : filter < 0.5 ? { kind: r.pick(ORGANIZATION_KINDS) } : filter < 0.7 ? { country: r.pick(COUNTRIES) } : filter < 0.9 ? { q: r.pick(LIST_QUERIES) } : { tag: r.pick(TAGS) }),
      };
      return { kind: action, method: 'GET', path: `/api/organizations?${query(params)}` };
    }
    case 'organisation detail':
      return { kind: action, method: 'GET', path: `/api/organizations/${org()}` };
    case 'update': {
      const id = org();
      return { kind: 'organisation detail', method: 'GET', path: `/api/organizations/${id}`, editing: id };
    }
    case 'organisation people':
      // As the organisation page asks for its people.
      return { kind: action, method: 'GET', path: `/api/people?${query({ organizationId: org(), pageSize: 200, sort: 'name', order: 'asc' })}` };
    case 'timeline':
      return { kind: action, method: 'GET', path: `/api/interactions?${r.chance(0.7) ? query({ organizationId: org() }) : query({ personId: person() })}` };
    case 'people list': {
      const filter = r.next();
      const params = { page: 1, pageSize: 25, ...(filter < 0.4 ? {} : filter < 0.8 ? { q: r.pick(PEOPLE_QUERIES) } : { organizationId: org() }) };
      return { kind: action, method: 'GET', path: `/api/people?${query(params)}` };
    }
    case 'person detail':
      return { kind: action, method: 'GET', path: `/api/people/${person()}` };
    case 'search':
      return { kind: action, method: 'GET', path: `/api/search?q=${q(r.pick(SEARCHES))}` };
    case 'create interaction': {
      const body = { kind: r.pick(INTERACTION_KINDS), occurredAt: new Date().toISOString(), subject: `${r.pick(SUBJECTS)} (${u.index})`, notes: '', organizationId: org() };
      return { kind: action, method: 'POST', path: '/api/interactions', body };
    }
  }
}

/** Whether the answer to `step` must be read (JSON-parsed) to decide what the user does next. */
export const needsBody = (step: Step) => step.editing !== undefined || step.kind === 'organisations list' || step.kind === 'people list' || step.kind === 'organisation people';

/** Remembers what the answer showed. */
export function afterResponse(u: UserState, step: Step, status: number, body: string) {
  if (status !== 200 || !needsBody(step)) return;
  const parsed = JSON.parse(body) as { items?: { id: string }[]; id?: string; version?: number };
  if (step.editing !== undefined) {
    if (typeof parsed.version === 'number') u.save = { id: step.editing, version: parsed.version };
  } else if (parsed.items?.length) {
    const ids = parsed.items.map((i) => i.id);
    if (step.kind === 'organisations list') u.orgsOnScreen = ids;
    else u.peopleOnScreen = ids;
  }
}
