/**
 * Order of precedence of an event's guests.
 *
 * Sources of the default schemes:
 * - Bulgaria: Закон за държавния протокол (State Protocol Act, ДВ бр. 32/2000), art. 9(3): at
 *   official ceremonies officials take places in the order President, Chairman of the National
 *   Assembly, Prime Minister, Vice-President, Patriarch of the Bulgarian Orthodox Church, the
 *   mayor of the municipality where the ceremony takes place, …; its implementing rules
 *   (Правилник за прилагане, ПМС № 172/2009) defer to international practice for the rest.
 *   Below the mayor the list follows the usual practice of Bulgarian municipalities: ministers,
 *   the diplomatic corps, members of parliament, the regional governor, then the municipality
 *   (chair of the municipal council, deputy mayors, councillors).
 * - Georgia: Constitution of Georgia (President, Chairperson of Parliament, Prime Minister) and
 *   the President's decree № 386 of 27.09.2001 «საქართველოში საპროტოკოლო ღონისძიებათა მოწყობის
 *   წესის შესახებ» (the Catholicos-Patriarch after the Prime Minister); locally the state
 *   trustee – governor, then the municipality (mayor, chair of the Sakrebulo, deputy mayors).
 * - Heads of mission (both schemes): Vienna Convention on Diplomatic Relations (1961), art. 14
 *   (three classes) and art. 16 (within a class, by the date and time of taking up functions).
 */
import type { UiLocale } from '../../../contracts/common/locales.js';
import {
  DIPLOMATIC_CLASSES,
  type DiplomaticClass,
  type EventRoles,
  type PrecedenceGuest,
  type PrecedenceRank,
  type PrecedenceScheme,
} from '../../../contracts/events.protocol.js';

const rank = (category: string, bg: string, ka: string, en: string, sharesRankWithPrevious?: true): PrecedenceRank => ({
  category,
  label: { bg, ka, en },
  ...(sharesRankWithPrevious ? { sharesRankWithPrevious } : {}),
});

// Ranks both schemes use, labelled as the directory labels its precedence categories.
const MINISTER = rank('minister', 'Министър', 'მინისტრი', 'Minister');
// Heads of mission of all three classes form one rank; the Vienna rule orders them inside it.
const HEADS_OF_MISSION = [
  rank('ambassador', 'Посланик', 'ელჩი', 'Ambassador'),
  rank('chargé_d_affaires', "Временно управляващ (шарже д'афер)", 'დროებით რწმუნებული', "Chargé d'affaires", true),
];
const HEAD_OF_IO = rank('head_of_international_organization', 'Ръководител на международна организация', 'საერთაშორისო ორგანიზაციის ხელმძღვანელი', 'Head of an international organisation');
const DEPUTY_MINISTER = rank('deputy_minister', 'Заместник-министър', 'მინისტრის მოადგილე', 'Deputy minister');
const COUNCIL_CHAIR = rank('council_chair', 'Председател на общинския съвет', 'საკრებულოს თავმჯდომარე', 'Chair of the municipal council');
const DEPUTY_MAYOR = rank('deputy_mayor', 'Заместник-кмет', 'მერის მოადგილე', 'Deputy mayor');
const CONSUL = rank('consul', 'Консул', 'კონსული', 'Consul');
const COUNCILLOR = rank('municipal_councillor', 'Общински съветник', 'საკრებულოს წევრი', 'Municipal councillor');
const THE_REST = [
  rank('official', 'Длъжностно лице', 'თანამდებობის პირი', 'Official'),
  rank('culture', 'Култура', 'კულტურა', 'Culture'),
  rank('business', 'Бизнес', 'ბიზნესი', 'Business', true),
  rank('media', 'Медии', 'მედია', 'Media', true),
  rank('other', 'Друго', 'სხვა', 'Other'),
];

export const BULGARIAN_PRECEDENCE: PrecedenceScheme = {
  name: {
    bg: 'Община в България (Закон за държавния протокол)',
    ka: 'მუნიციპალიტეტი ბულგარეთში (კანონი სახელმწიფო პროტოკოლის შესახებ)',
    en: 'Municipality in Bulgaria (State Protocol Act)',
  },
  companionsFollowPrincipal: true,
  ranks: [
    rank('head_of_state', 'Държавен глава', 'სახელმწიფოს მეთაური', 'Head of state'),
    rank('chair_of_parliament', 'Председател на парламента', 'პარლამენტის თავმჯდომარე', 'Chair of parliament'),
    rank('head_of_government', 'Ръководител на правителство', 'მთავრობის მეთაური', 'Head of government'),
    rank('vice_president', 'Вицепрезидент', 'ვიცე-პრეზიდენტი', 'Vice-president'),
    rank('patriarch', 'Патриарх на Българската православна църква', 'ბულგარეთის მართლმადიდებელი ეკლესიის პატრიარქი', 'Patriarch of the Bulgarian Orthodox Church'),
    // Art. 9(3) item 6 names the mayor of the municipality where the ceremony takes place;
    // visiting mayors (partner cities) are the host's counterparts and share the rank.
    rank('mayor', 'Кмет', 'მერი', 'Mayor'),
    MINISTER,
    ...HEADS_OF_MISSION,
    HEAD_OF_IO,
    rank('member_of_parliament', 'Народен представител', 'პარლამენტის წევრი', 'Member of parliament'),
    DEPUTY_MINISTER,
    rank('regional_governor', 'Областен управител', 'ოლქის გუბერნატორი', 'Regional governor'),
    COUNCIL_CHAIR,
    DEPUTY_MAYOR,
    CONSUL,
    COUNCILLOR,
    ...THE_REST,
  ],
};

export const GEORGIAN_PRECEDENCE: PrecedenceScheme = {
  name: { bg: 'Община в Грузия', ka: 'მუნიციპალიტეტი საქართველოში', en: 'Municipality in Georgia' },
  companionsFollowPrincipal: true,
  ranks: [
    rank('head_of_state', 'Държавен глава', 'სახელმწიფოს მეთაური', 'Head of state'),
    rank('chair_of_parliament', 'Председател на парламента', 'პარლამენტის თავმჯდომარე', 'Chair of parliament'),
    rank('head_of_government', 'Ръководител на правителство', 'მთავრობის მეთაური', 'Head of government'),
    rank('patriarch', 'Католикос-патриарх на цяла Грузия', 'სრულიად საქართველოს კათოლიკოს-პატრიარქი', 'Catholicos-Patriarch of All Georgia'),
    MINISTER,
    ...HEADS_OF_MISSION,
    HEAD_OF_IO,
    rank('member_of_parliament', 'Член на парламента', 'პარლამენტის წევრი', 'Member of parliament'),
    DEPUTY_MINISTER,
    rank('regional_governor', 'Държавен пълномощник – губернатор', 'სახელმწიფო რწმუნებული – გუბერნატორი', 'State trustee – governor'),
    rank('mayor', 'Кмет', 'მერი', 'Mayor'),
    COUNCIL_CHAIR,
    DEPUTY_MAYOR,
    CONSUL,
    COUNCILLOR,
    ...THE_REST,
  ],
};

export const DEFAULT_PRECEDENCE_SCHEMES: Record<'BG' | 'GE', PrecedenceScheme> = { BG: BULGARIAN_PRECEDENCE, GE: GEORGIAN_PRECEDENCE };

/** Tier of each category: ranks that share the rank above get its tier. */
function tiersOf(scheme: PrecedenceScheme): Map<string, number> {
  const tiers = new Map<string, number>();
  let tier = -1;
  for (const r of scheme.ranks) {
    if (!r.sharesRankWithPrevious) tier++;
    tiers.set(r.category, tier);
  }
  return tiers;
}

/** The class of a head of mission: given, or implied by the directory category. */
function diplomaticClassOf(guest: PrecedenceGuest): DiplomaticClass | undefined {
  if (guest.diplomaticClass) return guest.diplomaticClass;
  if (guest.category === 'ambassador' || guest.category === 'chargé_d_affaires') return guest.category;
  return undefined;
}

type SortKey<G> = { guest: G; tier: number; diplomaticClass: number; since: string | null };

/**
 * Compares guests by: rank in the scheme (a category the scheme lacks, or none, ranks last);
 * then, within a rank, heads of mission by class and by the date they took up their functions,
 * before guests who are not heads of mission (VCDR art. 16); then name in the locale's
 * alphabet; then id, so that the order is total.
 */
function precedenceComparator<G extends PrecedenceGuest>(locale: UiLocale) {
  const collator = new Intl.Collator(locale, { numeric: true });
  return (a: SortKey<G>, b: SortKey<G>): number =>
    a.tier - b.tier ||
    a.diplomaticClass - b.diplomaticClass ||
    compareSince(a.since, b.since) ||
    collator.compare(a.guest.name, b.guest.name) ||
    (a.guest.id < b.guest.id ? -1 : a.guest.id > b.guest.id ? 1 : 0);
}

/** Earlier first; unknown last. ISO dates and local date-times compare as strings. */
function compareSince(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function sortKey<G extends PrecedenceGuest>(guest: G, tiers: Map<string, number>): SortKey<G> {
  const category = guest.rankOverride ?? guest.category;
  const diplomaticClass = diplomaticClassOf(guest);
  return {
    guest,
    tier: (category === null ? undefined : tiers.get(category)) ?? tiers.size,
    diplomaticClass: diplomaticClass ? DIPLOMATIC_CLASSES.indexOf(diplomaticClass) : DIPLOMATIC_CLASSES.length,
    since: diplomaticClass ? (guest.functionsSince ?? null) : null,
  };
}

/**
 * Groups each principal with the companions who follow them (and their companions in turn), in
 * order of precedence. A companion keeps a place of their own when the scheme says so, when
 * their principal is not a guest, when they have a place set by hand, or when following the
 * links leads into a loop (the first of such guests in precedence then leads the others).
 */
function companionGroups<G extends PrecedenceGuest>(sorted: G[], follow: boolean): G[][] {
  const ids = new Set(sorted.map((g) => g.id));
  const follows = (g: G) => follow && g.companionOf !== undefined && g.companionOf !== g.id && ids.has(g.companionOf) && g.positionOverride === undefined;
  const companionsOf = new Map<string, G[]>();
  for (const g of sorted) {
    if (!follows(g)) continue;
    const companions = companionsOf.get(g.companionOf!);
    if (companions) companions.push(g);
    else companionsOf.set(g.companionOf!, [g]);
  }
  const byId = new Map(sorted.map((g) => [g.id, g]));
  const reachesLoop = (g: G) => {
    const seen = new Set<string>();
    for (let at: G | undefined = g; at && follows(at); at = byId.get(at.companionOf!)) {
      if (seen.has(at.id)) return true;
      seen.add(at.id);
    }
    return false;
  };

  const grouped = new Set<string>();
  const collect = (g: G, group: G[]) => {
    if (grouped.has(g.id)) return;
    grouped.add(g.id);
    group.push(g);
    for (const c of companionsOf.get(g.id) ?? []) collect(c, group);
  };
  const groups: G[][] = [];
  for (const g of sorted) {
    if (grouped.has(g.id) || (follows(g) && !reachesLoop(g))) continue;
    const group: G[] = [];
    collect(g, group);
    groups.push(group);
  }
  return groups;
}

/** Host, co-host and principal guest (with their companions) head the list, in that order. */
function rolesFirst<G extends PrecedenceGuest>(groups: G[][], roles: Partial<EventRoles>): G[][] {
  const leading: G[][] = [];
  for (const id of [roles.hostId, roles.coHostId, roles.principalGuestId]) {
    const group = id ? groups.find((gr) => gr.some((g) => g.id === id)) : undefined;
    if (group && !leading.includes(group)) leading.push(group);
  }
  return [...leading, ...groups.filter((gr) => !leading.includes(gr))];
}

/**
 * Puts each group whose first guest has a place set by hand at that place (1 = first); the other
 * groups keep their order around them. When the place is already taken (two guests asked for
 * it, or a group of companions covers it) the group comes right after; places beyond the end
 * of the list come last, in order of place.
 */
function placeSetByHand<G extends PrecedenceGuest>(groups: G[][]): G[] {
  const place = (group: G[]) => group[0]!.positionOverride;
  const byHand = groups.filter((gr) => place(gr) !== undefined).sort((a, b) => place(a)! - place(b)!);
  const others = groups.filter((gr) => place(gr) === undefined);
  const ordered: G[] = [];
  let [h, o] = [0, 0];
  while (h < byHand.length || o < others.length) {
    const handsTurn = h < byHand.length && (o === others.length || place(byHand[h]!)! - 1 <= ordered.length);
    ordered.push(...(handsTurn ? byHand[h++]! : others[o++]!));
  }
  return ordered;
}

/**
 * The guests in order of precedence: a stable total order that does not depend on the order in
 * which they are given. Places set by hand first, then the roles of the event (host, co-host,
 * principal guest: the guest of honour precedes guests of higher rank), then the scheme's rank,
 * the Vienna rule among heads of mission, and the name; companions follow their principal where
 * the scheme says so. Guest ids must be unique.
 */
export function orderGuests<G extends PrecedenceGuest>(guests: readonly G[], scheme: PrecedenceScheme, locale: UiLocale, roles: Partial<EventRoles> = {}): G[] {
  const tiers = tiersOf(scheme);
  const sorted = guests.map((g) => sortKey(g, tiers)).sort(precedenceComparator<G>(locale)).map((k) => k.guest);
  return placeSetByHand(rolesFirst(companionGroups(sorted, scheme.companionsFollowPrincipal), roles));
}
