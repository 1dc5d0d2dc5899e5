import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIPLOMATIC_CLASSES, PrecedenceSchemeSchema, type PrecedenceGuest, type PrecedenceScheme } from '../../../contracts/events.protocol.js';
import { PRECEDENCE_CATEGORIES } from '../../../contracts/people.js';
import { BULGARIAN_PRECEDENCE, DEFAULT_PRECEDENCE_SCHEMES, GEORGIAN_PRECEDENCE, orderGuests } from './precedence.js';

// Every name here is invented.
const guest = (id: string, name: string, category: string | null, extra: Partial<PrecedenceGuest> = {}): PrecedenceGuest => ({ id, name, category, ...extra });
const ids = (guests: PrecedenceGuest[]) => guests.map((g) => g.id);

describe('default precedence schemes', () => {
  it.each(Object.entries(DEFAULT_PRECEDENCE_SCHEMES))('%s is a valid scheme with a rank for every directory category', (_, scheme) => {
    expect(PrecedenceSchemeSchema.safeParse(scheme).success).toBe(true);
    const categories = scheme.ranks.map((r) => r.category);
    for (const c of PRECEDENCE_CATEGORIES) expect(categories).toContain(c);
  });

  it('Bulgaria starts with the order of the State Protocol Act, art. 9(3)', () => {
    expect(BULGARIAN_PRECEDENCE.ranks.slice(0, 6).map((r) => r.category)).toEqual([
      'head_of_state',
      'chair_of_parliament',
      'head_of_government',
      'vice_president',
      'patriarch',
      'mayor',
    ]);
    const municipal = BULGARIAN_PRECEDENCE.ranks.map((r) => r.category).filter((c) => ['council_chair', 'deputy_mayor', 'municipal_councillor'].includes(c));
    expect(municipal).toEqual(['council_chair', 'deputy_mayor', 'municipal_councillor']);
  });

  it('Georgia: President, Chairperson of Parliament, Prime Minister, Catholicos-Patriarch; locally mayor, Sakrebulo chair, deputy mayors', () => {
    const categories = GEORGIAN_PRECEDENCE.ranks.map((r) => r.category);
    expect(categories.slice(0, 4)).toEqual(['head_of_state', 'chair_of_parliament', 'head_of_government', 'patriarch']);
    expect(categories.indexOf('mayor')).toBeLessThan(categories.indexOf('council_chair'));
    expect(categories.indexOf('council_chair')).toBeLessThan(categories.indexOf('deputy_mayor'));
    expect(GEORGIAN_PRECEDENCE.ranks.find((r) => r.category === 'council_chair')!.label.ka).toBe('საკრებულოს თავმჯდომარე');
  });
});

describe('orderGuests', () => {
  it('orders a Bulgarian municipal reception: host, guest of honour and spouse, heads of mission by the Vienna rule, the municipality, the rest', () => {
    const guests = [
      guest('business', 'Стефан Цанков', 'business'),
      guest('deputy-b', 'Богдан Ангелов', 'deputy_mayor'),
      guest('amb-valborg', 'Ingrid Valborg', 'ambassador', { functionsSince: '2023-05-10' }),
      guest('spouse', 'Eric Valborg', null, { companionOf: 'amb-valborg' }),
      guest('culture', 'Яна Бъчварова', 'culture'),
      guest('chargé', 'Lina Sarr', 'chargé_d_affaires', { functionsSince: '2019-09-01' }),
      guest('amb-dolny', 'Marek Dolny', 'ambassador', { functionsSince: '2021-02-01' }),
      guest('amb-benvise', 'Aurelio Benvise', 'ambassador', { functionsSince: '2021-02-01T11:00' }),
      guest('amb-ferreira', 'Tomas Ferreira', 'ambassador', { functionsSince: '2021-02-01T10:00' }),
      guest('envoy', 'Olaf Brink', 'ambassador', { diplomaticClass: 'envoy', functionsSince: '2010-01-15' }),
      guest('mayor', 'Калоян Дренски', 'mayor'),
      guest('chair', 'Радослава Пеева', 'council_chair'),
      guest('deputy-a', 'Алекса Борисова', 'deputy_mayor'),
      guest('io', 'Nadia Kettler', 'head_of_international_organization'),
      guest('media', 'Вера Асенова', 'media'),
      guest('unranked', 'Зорница Маринова', null),
    ];
    const order = orderGuests(guests, BULGARIAN_PRECEDENCE, 'bg', { hostId: 'mayor', principalGuestId: 'amb-valborg' });
    expect(ids(order)).toEqual([
      'mayor', // host
      'amb-valborg', // principal guest, ahead of ambassadors who arrived earlier
      'spouse', // follows her principal
      'amb-dolny', // 2021-02-01: a date alone is the start of the day
      'amb-ferreira', // same day, 10:00
      'amb-benvise', // same day, 11:00
      'envoy', // second class, however long in post
      'chargé', // third class
      'io',
      'chair',
      'deputy-a', // Алекса before Богдан
      'deputy-b',
      'media', // culture, business and media share a rank: by name, Вера, Стефан, Яна
      'business',
      'culture',
      'unranked',
    ]);
  });

  it('without roles the same guests follow the scheme alone: the mayor leads (art. 9(3) item 6)', () => {
    const guests = [guest('amb', 'Ingrid Valborg', 'ambassador'), guest('mayor', 'Калоян Дренски', 'mayor'), guest('minister', 'Пламен Дуков', 'minister')];
    expect(ids(orderGuests(guests, BULGARIAN_PRECEDENCE, 'en'))).toEqual(['mayor', 'minister', 'amb']);
    expect(ids(orderGuests(guests, GEORGIAN_PRECEDENCE, 'en'))).toEqual(['minister', 'amb', 'mayor']);
  });

  it('ranks heads of mission without a date after those with one, and a category the scheme lacks last', () => {
    const guests = [
      guest('custom', 'Ada Quell', 'astronaut'),
      guest('no-date', 'Bruno Aster', 'ambassador'),
      guest('dated', 'Cora Lind', 'ambassador', { functionsSince: '2024-01-01' }),
      guest('other', 'Dan Orm', 'other'),
    ];
    expect(ids(orderGuests(guests, BULGARIAN_PRECEDENCE, 'en'))).toEqual(['dated', 'no-date', 'other', 'custom']);
  });

  it('a rank override moves a guest to another rank at this event', () => {
    const guests = [guest('consul', 'Elsa Morn', 'consul', { rankOverride: 'deputy_minister' }), guest('governor', 'Иво Канев', 'regional_governor')];
    expect(ids(orderGuests(guests, BULGARIAN_PRECEDENCE, 'en'))).toEqual(['consul', 'governor']);
  });

  it('places set by hand win; a taken place goes to the next free one; places beyond the end come last', () => {
    const base = ['a', 'b', 'c', 'd', 'e'].map((id, i) => guest(id, `Guest ${id}`, PRECEDENCE_CATEGORIES[i]!));
    const pin = (id: string, positionOverride: number) => base.map((g) => (g.id === id ? { ...g, positionOverride } : g));
    expect(ids(orderGuests(pin('e', 1), BULGARIAN_PRECEDENCE, 'en'))).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(ids(orderGuests(pin('a', 3), BULGARIAN_PRECEDENCE, 'en'))).toEqual(['b', 'c', 'a', 'd', 'e']);
    const clash = base.map((g) => (g.id === 'd' || g.id === 'e' ? { ...g, positionOverride: 2 } : g));
    expect(ids(orderGuests(clash, BULGARIAN_PRECEDENCE, 'en'))).toEqual(['a', 'd', 'e', 'b', 'c']);
    expect(ids(orderGuests(pin('a', 99), BULGARIAN_PRECEDENCE, 'en'))).toEqual(['b', 'c', 'd', 'e', 'a']);
  });

  it('companions take their own rank when the scheme does not let them follow', () => {
    const guests = [guest('minister', 'Пламен Дуков', 'minister'), guest('spouse', 'Мила Дукова', 'other', { companionOf: 'minister' }), guest('mp', 'Ася Белчева', 'member_of_parliament')];
    expect(ids(orderGuests(guests, BULGARIAN_PRECEDENCE, 'bg'))).toEqual(['minister', 'spouse', 'mp']);
    const own: PrecedenceScheme = { ...BULGARIAN_PRECEDENCE, companionsFollowPrincipal: false };
    expect(ids(orderGuests(guests, own, 'bg'))).toEqual(['minister', 'mp', 'spouse']);
  });

  it('breaks ties by name in the alphabet of the UI language', () => {
    const guests = [guest('latin', 'Anna Berg', 'business'), guest('cyrillic', 'Ана Петрова', 'business'), guest('georgian', 'ანა ბერიძე', 'business')];
    expect(ids(orderGuests(guests, GEORGIAN_PRECEDENCE, 'ka'))).toEqual(['georgian', 'latin', 'cyrillic']);
    expect(ids(orderGuests(guests, GEORGIAN_PRECEDENCE, 'bg'))).toEqual(['cyrillic', 'latin', 'georgian']);
    expect(ids(orderGuests(guests, GEORGIAN_PRECEDENCE, 'en'))).toEqual(['latin', 'cyrillic', 'georgian']);
  });

  it('keeps everyone when companion links form a loop', () => {
    const guests = [guest('a', 'Ada', 'other', { companionOf: 'b' }), guest('b', 'Bea', 'other', { companionOf: 'a' }), guest('c', 'Cid', 'minister')];
    expect(ids(orderGuests(guests, BULGARIAN_PRECEDENCE, 'en'))).toEqual(['c', 'a', 'b']);
  });
});

// --- Properties -----------------------------------------------------------------------------

const CATEGORIES = [...BULGARIAN_PRECEDENCE.ranks.map((r) => r.category), 'unknown_key'];
const NAMES = ['Ана', 'Борис', 'ანა', 'Zoe', 'Émile', 'Ян'];
const DATES = ['2019-03-01', '2021-02-01', '2021-02-01T10:00', '2024-12-31'];

/** Guests with unique ids; with `companions`, some accompany a guest who accompanies nobody. */
const arbitraryGuests = ({ companions = false, pins = false } = {}) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z]{1,4}$/),
        name: fc.constantFrom(...NAMES),
        category: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
        diplomaticClass: fc.option(fc.constantFrom(...DIPLOMATIC_CLASSES), { nil: undefined }),
        functionsSince: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
        positionOverride: pins ? fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined, freq: 3 }) : fc.constant(undefined),
        accompanies: companions ? fc.option(fc.nat(), { nil: undefined, freq: 3 }) : fc.constant(undefined),
      }),
      { selector: (g) => g.id, maxLength: 25 },
    )
    .map((rows) => {
      const principals = rows.filter((r) => r.accompanies === undefined);
      return rows.map(({ accompanies, ...g }): PrecedenceGuest => {
        const clean = Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined)) as PrecedenceGuest;
        const principal = accompanies !== undefined && principals.length ? principals[accompanies % principals.length]! : undefined;
        return principal ? { ...clean, companionOf: principal.id } : clean;
      });
    });
const locales = fc.constantFrom('bg' as const, 'ka' as const, 'en' as const);

/** The oracle: each category's tier, counting shared ranks once. */
const TIERS = new Map<string, number>();
BULGARIAN_PRECEDENCE.ranks.forEach((r, i) => TIERS.set(r.category, r.sharesRankWithPrevious ? TIERS.get(BULGARIAN_PRECEDENCE.ranks[i - 1]!.category)! : TIERS.size));
const tier = (g: PrecedenceGuest) => (g.category === null ? undefined : TIERS.get(g.category)) ?? TIERS.size;
const classOf = (g: PrecedenceGuest) => g.diplomaticClass ?? (g.category === 'ambassador' || g.category === 'chargé_d_affaires' ? g.category : undefined);
const classRank = (g: PrecedenceGuest) => (classOf(g) ? DIPLOMATIC_CLASSES.indexOf(classOf(g)!) : DIPLOMATIC_CLASSES.length);

describe('orderGuests properties', () => {
  it('returns every guest once, in the same order whatever order they are given in', () => {
    const guestsAndShuffle = arbitraryGuests({ companions: true, pins: true }).chain((guests) =>
      fc.tuple(fc.constant(guests), fc.shuffledSubarray(guests, { minLength: guests.length, maxLength: guests.length })),
    );
    fc.assert(
      fc.property(guestsAndShuffle, locales, ([guests, shuffled], locale) => {
        const order = orderGuests(guests, BULGARIAN_PRECEDENCE, locale);
        expect(ids(order).sort()).toEqual(ids(guests).sort());
        expect(ids(orderGuests(shuffled, BULGARIAN_PRECEDENCE, locale))).toEqual(ids(order));
      }),
    );
  });

  it('never puts a lower rank first; within a rank, heads of mission by class, then by date taken up (unknown last)', () => {
    fc.assert(
      fc.property(arbitraryGuests(), locales, (guests, locale) => {
        const order = orderGuests(guests, BULGARIAN_PRECEDENCE, locale);
        for (let i = 1; i < order.length; i++) {
          const [a, b] = [order[i - 1]!, order[i]!];
          expect(tier(a)).toBeLessThanOrEqual(tier(b));
          if (tier(a) !== tier(b)) continue;
          expect(classRank(a)).toBeLessThanOrEqual(classRank(b));
          if (classRank(a) === classRank(b) && classOf(a) && b.functionsSince) expect(a.functionsSince! <= b.functionsSince).toBe(true);
        }
      }),
    );
  });

  it('puts host, co-host and principal guest first, the principal followed by their companion', () => {
    fc.assert(
      fc.property(arbitraryGuests(), fc.nat(), locales, (raw, pick, locale) => {
        fc.pre(raw.length >= 4);
        const [host, coHost, principal, spouse] = [0, 1, 2, 3].map((k) => raw[(pick + k) % raw.length]!.id);
        const guests = raw.map((g) => (g.id === spouse ? { ...g, companionOf: principal } : g));
        const order = ids(orderGuests(guests, BULGARIAN_PRECEDENCE, locale, { hostId: host, coHostId: coHost, principalGuestId: principal }));
        expect(order.slice(0, 4)).toEqual([host, coHost, principal, spouse]);
      }),
    );
  });

  it('lets companions follow their principal, with only fellow companions between them', () => {
    fc.assert(
      fc.property(arbitraryGuests({ companions: true }), locales, (guests, locale) => {
        const order = orderGuests(guests, BULGARIAN_PRECEDENCE, locale);
        const at = new Map(order.map((g, i) => [g.id, i]));
        for (const g of guests.filter((x) => x.companionOf)) {
          const between = order.slice(at.get(g.companionOf!)! + 1, at.get(g.id)!);
          expect(at.get(g.id)!).toBeGreaterThan(at.get(g.companionOf!)!);
          for (const x of between) expect(x.companionOf).toBe(g.companionOf);
        }
      }),
    );
  });

  it('puts guests at the places set by hand when the places are distinct and within the list', () => {
    fc.assert(
      fc.property(arbitraryGuests({ pins: true }), locales, (guests, locale) => {
        const pins = guests.map((g) => g.positionOverride).filter((p) => p !== undefined);
        fc.pre(new Set(pins).size === pins.length && pins.every((p) => p <= guests.length));
        const order = orderGuests(guests, BULGARIAN_PRECEDENCE, locale);
        for (const g of guests) if (g.positionOverride !== undefined) expect(order[g.positionOverride - 1]!.id).toBe(g.id);
      }),
    );
  });
});
