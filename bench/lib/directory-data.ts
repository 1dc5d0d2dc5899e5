/**
 * A fictional but realistic directory for the benchmarks: organisations and people of a
 * Bulgarian–Georgian international-relations office, written in Cyrillic, Georgian and Latin.
 * Deterministic (seeded), so two databases in one run, and two runs, get the same data.
 */
import type { OrganizationCreate, OrganizationKind } from '../../src/contracts/organizations.js';
import type { PersonCreate } from '../../src/contracts/people.js';
import type { InteractionCreate } from '../../src/contracts/interactions.js';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
    /** Some of a list, without repeats. */
    some: <T>(list: readonly T[], max: number): T[] => {
      const n = Math.floor(next() * (max + 1));
      const out = new Set<T>();
      for (let i = 0; i < n; i++) out.add(list[Math.floor(next() * list.length)]!);
      return [...out];
    },
  };
}
export type Rng = ReturnType<typeof rng>;

type City = { local: string; en: string; country: string };

const BG_CITIES: City[] = [
  ['София', 'Sofia'], ['Пловдив', 'Plovdiv'], ['Варна', 'Varna'], ['Бургас', 'Burgas'], ['Русе', 'Ruse'],
  ['Стара Загора', 'Stara Zagora'], ['Плевен', 'Pleven'], ['Добрич', 'Dobrich'], ['Сливен', 'Sliven'], ['Шумен', 'Shumen'],
  ['Перник', 'Pernik'], ['Хасково', 'Haskovo'], ['Ямбол', 'Yambol'], ['Пазарджик', 'Pazardzhik'], ['Благоевград', 'Blagoevgrad'],
  ['Велико Търново', 'Veliko Tarnovo'], ['Враца', 'Vratsa'], ['Габрово', 'Gabrovo'], ['Видин', 'Vidin'], ['Силистра', 'Silistra'],
  ['Свищов', 'Svishtov'], ['Разград', 'Razgrad'], ['Търговище', 'Targovishte'], ['Ловеч', 'Lovech'], ['Кърджали', 'Kardzhali'],
].map(([local, en]) => ({ local, en, country: 'BG' }));

const GE_CITIES: City[] = [
  ['თბილისი', 'Tbilisi'], ['ბათუმი', 'Batumi'], ['ქუთაისი', 'Kutaisi'], ['რუსთავი', 'Rustavi'], ['ზუგდიდი', 'Zugdidi'],
  ['გორი', 'Gori'], ['ფოთი', 'Poti'], ['ხაშური', 'Khashuri'], ['სამტრედია', 'Samtredia'], ['სენაკი', 'Senaki'],
  ['ზესტაფონი', 'Zestaponi'], ['მარნეული', 'Marneuli'], ['თელავი', 'Telavi'], ['ახალციხე', 'Akhaltsikhe'], ['ოზურგეთი', 'Ozurgeti'],
  ['ქობულეთი', 'Kobuleti'], ['წყალტუბო', 'Tsqaltubo'], ['მცხეთა', 'Mtskheta'], ['ბორჯომი', 'Borjomi'], ['სიღნაღი', 'Sighnaghi'],
].map(([local, en]) => ({ local, en, country: 'GE' }));

const LATIN_CITIES: City[] = [
  ['Kassel', 'DE'], ['Berlin', 'DE'], ['München', 'DE'], ['Regensburg', 'DE'], ['Köln', 'DE'], ['Leipzig', 'DE'], ['Ulm', 'DE'], ['Passau', 'DE'],
  ['Giurgiu', 'RO'], ['București', 'RO'], ['Constanța', 'RO'], ['Craiova', 'RO'], ['Cluj-Napoca', 'RO'], ['Iași', 'RO'], ['Călărași', 'RO'], ['Brașov', 'RO'],
  ['Wien', 'AT'], ['Linz', 'AT'], ['Strasbourg', 'FR'], ['Lyon', 'FR'], ['Bologna', 'IT'], ['Thessaloniki', 'GR'], ['Trabzon', 'TR'], ['İstanbul', 'TR'],
  ['Kraków', 'PL'], ['Łódź', 'PL'], ['Bruxelles', 'BE'], ['Novi Sad', 'RS'], ['Ohrid', 'MK'], ['Bratislava', 'SK'],
].map(([local, country]) => ({ local, en: local, country }));

const LANGUAGE_OF: Record<string, string> = { BG: 'bg', GE: 'ka', DE: 'de', AT: 'de', RO: 'ro', FR: 'fr', IT: 'it', GR: 'el', TR: 'tr', PL: 'pl', BE: 'fr', RS: 'sr', MK: 'mk', SK: 'sk' };

/** Georgian genitive of a place name: თბილისი → თბილისის, მცხეთა → მცხეთის, წყალტუბო → წყალტუბოს. */
const kaGenitive = (name: string) => (/[ია]$/u.test(name) ? name.slice(0, -1) + 'ის' : name + 'ს');

const BG_WORDS = ['Дунавски мост', 'Бъдеще', 'Възраждане', 'Зора', 'Светлина', 'Млади хора', 'Развитие', 'Единство', 'Европейски дом', 'Балкан', 'Тракия', 'Дунав', 'Родопи', 'Лудогорие', 'Надежда', 'Съгласие', 'Просвета', 'Хоризонт', 'Мост към Кавказ', 'Черно море'];
const KA_WORDS = ['ახალი თაობა', 'მომავალი', 'კოლხეთი', 'სამეგრელო', 'იმერეთი', 'ოდიში', 'ლაზიკა', 'ივერია', 'ქართლი', 'კავკასია', 'მზე', 'ნათელი', 'ხიდი', 'ერთობა', 'განვითარება', 'ევროპული სახლი', 'შავი ზღვა', 'აფხაზეთი', 'რიონი', 'ენგური'];
const LATIN_WORDS = ['Donau', 'Brücke', 'Zukunft', 'Horizont', 'Europa', 'Kaukasus', 'Schwarzes Meer', 'Dialog', 'Partnerschaft', 'Speranța', 'Viitorul', 'Dunărea', 'Orizont', 'Unity', 'Bridge', 'Future', 'Horizon', 'Heritage', 'Compass', 'Meridian'];

const BG_MALE = ['Георги', 'Иван', 'Димитър', 'Николай', 'Петър', 'Христо', 'Стефан', 'Йордан', 'Калоян', 'Мартин', 'Васил', 'Тодор', 'Атанас', 'Красимир', 'Пламен', 'Милен', 'Веселин', 'Борислав', 'Ивайло', 'Стоян', 'Цветан', 'Любомир'];
const BG_FEMALE = ['Мария', 'Елена', 'Десислава', 'Велислава', 'Гергана', 'Ивана', 'Петя', 'Надежда', 'Радостина', 'Силвия', 'Теодора', 'Цветелина', 'Яна', 'Виктория', 'Нели', 'Милена', 'Снежана', 'Росица', 'Йорданка', 'Божидара'];
const BG_SURNAMES = ['Иванов', 'Петров', 'Георгиев', 'Димитров', 'Николов', 'Стоянов', 'Тодоров', 'Колев', 'Маринов', 'Тонев', 'Христов', 'Янков', 'Ангелов', 'Попов', 'Симеонов', 'Кирилов', 'Василев', 'Атанасов', 'Илиев', 'Костадинов', 'Михайлов', 'Рашков', 'Стефанов', 'Цветков', 'Павлов', 'Бояджиев', 'Вълчев', 'Жеков', 'Калчев', 'Стойчев', 'Каменски', 'Раковски', 'Щерев', 'Чолаков', 'Кънчев'];
const KA_MALE = ['გიორგი', 'დავით', 'ნიკოლოზ', 'ლაშა', 'ლევან', 'ირაკლი', 'ზურაბ', 'თამაზ', 'გელა', 'ბესიკ', 'ალექსანდრე', 'ვახტანგ', 'შალვა', 'ოთარ', 'ბაჩანა'];
const KA_FEMALE = ['ნინო', 'ეკა', 'თამარ', 'მარიამ', 'ნათია', 'სალომე', 'ქეთევან', 'ლიკა', 'ანა', 'მაია', 'ხატია', 'თეონა', 'ნანა', 'ელენე', 'ციცინო'];
const KA_SURNAMES = ['ბერიძე', 'კაპანაძე', 'გელაშვილი', 'მაისურაძე', 'ლომიძე', 'წერეთელი', 'ბაქრაძე', 'ჯაფარიძე', 'ქავთარაძე', 'კვარაცხელია', 'ჟვანია', 'გოგია', 'დადიანი', 'შენგელია', 'ხარაბაძე', 'ჩიქოვანი', 'ტაბატაძე', 'ნოზაძე', 'მამულაშვილი', 'კობახიძე', 'ზარანდია', 'ჩხეიძე', 'ლორთქიფანიძე', 'ჭანტურია', 'ყიფიანი'];
const LATIN_FIRST = ['Thomas', 'Anna', 'Markus', 'Julia', 'Stefan', 'Katrin', 'Andreas', 'Sabine', 'Ion', 'Maria', 'Andrei', 'Elena', 'Mihai', 'Ioana', 'John', 'Sarah', 'Pierre', 'Claire', 'Marco', 'Giulia', 'Mehmet', 'Ayşe', 'Jan', 'Agnieszka', 'Jürgen', 'Zoé'];
const LATIN_SURNAMES = ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Schäfer', 'Popescu', 'Ionescu', 'Popa', 'Radu', 'Stan', 'Dumitru', 'Constantin', 'Smith', 'Brown', 'Dubois', 'Rossi', 'Yılmaz', 'Kowalski', 'Nowak', 'Petrova-Lang', 'Öztürk', 'Ștefănescu', 'Lefèvre', 'Krause'];

const COUNTRY_BG: Record<string, string> = { DE: 'Федерална република Германия', RO: 'Румъния', GE: 'Грузия', AT: 'Австрия', FR: 'Франция', IT: 'Италия', GR: 'Гърция', TR: 'Турция', PL: 'Полша', RS: 'Сърбия', MK: 'Северна Македония', SK: 'Словакия', BE: 'Белгия', UA: 'Украйна' };
const COUNTRY_KA: Record<string, string> = { BG: 'ბულგარეთის რესპუბლიკის', DE: 'გერმანიის ფედერაციული რესპუბლიკის', RO: 'რუმინეთის', AT: 'ავსტრიის', FR: 'საფრანგეთის', IT: 'იტალიის', GR: 'საბერძნეთის', TR: 'თურქეთის', PL: 'პოლონეთის' };
const COUNTRY_EN: Record<string, string> = { BG: 'Bulgaria', GE: 'Georgia', DE: 'Germany', RO: 'Romania', AT: 'Austria', FR: 'France', IT: 'Italy', GR: 'Greece', TR: 'Türkiye', PL: 'Poland', RS: 'Serbia', MK: 'North Macedonia', SK: 'Slovakia', BE: 'Belgium', UA: 'Ukraine' };

const TAGS = ['twin city', 'Danube', 'Black Sea', 'EU', 'cross-border', 'grants', 'culture', 'youth', 'education', 'tourism', 'investor', 'diplomatic corps', 'protocol', 'media', 'association', 'UN', 'agriculture', 'logistics', 'museum', 'sport', 'читалище', 'младежи', 'туризъм', 'ტურიზმი', 'კულტურა', 'Interreg', 'Erasmus+', 'Council of Europe'];
const PERSON_TAGS = ['VIP', 'speaker', 'press', 'invite to March Music Days', 'Christmas card', 'vegetarian', 'interpreter needed', 'ზუგდიდის დღეები', 'Деня на Русе', 'alumni'];

const KINDS: { kind: OrganizationKind; weight: number }[] = [
  { kind: 'partner_city', weight: 3 }, { kind: 'embassy', weight: 3 }, { kind: 'consulate', weight: 2 }, { kind: 'ministry', weight: 2 },
  { kind: 'international_organization', weight: 3 }, { kind: 'network', weight: 4 }, { kind: 'donor', weight: 3 }, { kind: 'ngo', weight: 20 },
  { kind: 'media', weight: 10 }, { kind: 'company', weight: 30 }, { kind: 'cultural_institution', weight: 12 }, { kind: 'other', weight: 8 },
];
const KIND_TOTAL = KINDS.reduce((s, k) => s + k.weight, 0);

function pickKind(r: Rng): OrganizationKind {
  let x = r.next() * KIND_TOTAL;
  for (const k of KINDS) if ((x -= k.weight) < 0) return k.kind;
  return 'other';
}

function pickCity(r: Rng): City {
  const x = r.next();
  if (x < 0.4) return r.pick(BG_CITIES);
  if (x < 0.68) return r.pick(GE_CITIES);
  return r.pick(LATIN_CITIES);
}

type Names = Record<string, string>;

/** The name of an organisation in its own language, and often in English (and Bulgarian). */
function orgNames(r: Rng, kind: OrganizationKind, city: City): Names {
  const lang = LANGUAGE_OF[city.country] ?? 'en';
  const bgWord = r.pick(BG_WORDS);
  const kaWord = r.pick(KA_WORDS);
  const word = r.pick(LATIN_WORDS);
  const n = 1 + r.int(150);
  const surname = r.pick(LATIN_SURNAMES);
  const foreign = r.pick(Object.keys(COUNTRY_EN).filter((c) => c !== city.country));
  if (lang === 'bg') {
    const c = city.local;
    switch (kind) {
      case 'partner_city': return { bg: `Община ${c}`, en: `${city.en} Municipality` };
      case 'embassy': return { bg: `Посолство на ${COUNTRY_BG[foreign] ?? COUNTRY_EN[foreign]} в ${c}`, en: `Embassy of ${COUNTRY_EN[foreign]} in ${city.en}` };
      case 'consulate': return { bg: `Почетно консулство на ${COUNTRY_BG[foreign] ?? COUNTRY_EN[foreign]} в ${c}`, en: `Honorary Consulate of ${COUNTRY_EN[foreign]} in ${city.en}` };
      case 'ministry': return { bg: r.pick(['Министерство на външните работи', 'Министерство на културата', 'Министерство на регионалното развитие', 'Областна администрация ' + c]) };
      case 'international_organization': return { bg: `Информационен център на ЕС – ${c}`, en: `Europe Direct ${city.en}` };
      case 'network': return { bg: `Асоциация на дунавските общини „${bgWord}“`, en: `Association of Danube Municipalities “${bgWord}”` };
      case 'donor': return { bg: `Фондация „${bgWord}“`, en: `${bgWord} Foundation` };
      case 'ngo': return { bg: `Сдружение „${bgWord}“ – ${c}` };
      case 'media': return { bg: r.pick([`Радио „${bgWord}“`, `Вестник „${c} днес“`, `Телевизия „${bgWord}“`, `Информационен сайт ${city.en.toLowerCase()}${n}.bg`]) };
      case 'company': return { bg: `${r.pick(BG_SURNAMES)} и ${r.pick(BG_SURNAMES)} ${r.pick(['ООД', 'ЕООД', 'АД'])}` };
      case 'cultural_institution': return r.chance(0.5) ? { bg: `Народно читалище „${bgWord} – ${1850 + r.int(120)}“`, en: `Community Cultural Centre “${bgWord}”` } : { bg: `Регионален исторически музей – ${c}`, en: `Regional History Museum ${city.en}` };
      default: return { bg: `${n} СУ „${r.pick(['Христо Ботев', 'Васил Левски', 'Иван Вазов', 'Св. Св. Кирил и Методий', 'Ангел Кънчев'])}“ – ${c}` };
    }
  }
  if (lang === 'ka') {
    const g = kaGenitive(city.local);
    switch (kind) {
      case 'partner_city': return { ka: `${g} მუნიციპალიტეტი`, en: `${city.en} Municipality`, bg: `Община ${city.en}` };
      case 'embassy': return { ka: `${COUNTRY_KA[foreign] ?? COUNTRY_EN[foreign]} საელჩო საქართველოში`, en: `Embassy of ${COUNTRY_EN[foreign]} to Georgia` };
      case 'consulate': return { ka: `${COUNTRY_KA[foreign] ?? COUNTRY_EN[foreign]} საპატიო საკონსულო ${g}`, en: `Honorary Consulate of ${COUNTRY_EN[foreign]} in ${city.en}` };
      case 'ministry': return { ka: r.pick(['საქართველოს საგარეო საქმეთა სამინისტრო', 'საქართველოს კულტურის სამინისტრო', `${g} სახელმწიფო რწმუნებულის ადმინისტრაცია`]) };
      case 'international_organization': return { ka: `ევროკავშირის საინფორმაციო ცენტრი ${g}`, en: `EU Information Centre ${city.en}` };
      case 'network': return { ka: `ადგილობრივ თვითმმართველობათა ასოციაცია „${kaWord}“` };
      case 'donor': return { ka: `ფონდი „${kaWord}“`, en: `${kaWord} Foundation` };
      case 'ngo': return { ka: `ასოციაცია „${kaWord}“ ${g}` };
      case 'media': return { ka: r.pick([`ტელეკომპანია „${kaWord}“`, `რადიო „${kaWord}“`, `გაზეთი „${city.local} დღეს“`]) };
      case 'company': return { ka: `შპს „${kaWord} ${n}“`, en: `${kaWord} ${n} LLC` };
      case 'cultural_institution': return { ka: r.pick([`${g} დრამატული თეატრი`, `${g} ისტორიული მუზეუმი`, `${g} საჯარო ბიბლიოთეკა`]) };
      default: return { ka: `${g} N${n} საჯარო სკოლა` };
    }
  }
  const c = city.local;
  const local = (() => {
    switch (lang) {
      case 'de':
        switch (kind) {
          case 'partner_city': return `Stadt ${c}`;
          case 'company': return `${surname} & ${r.pick(LATIN_SURNAMES)} GmbH`;
          case 'ngo': return `Verein ${word} ${c} e.V.`;
          case 'media': return `${c}er ${r.pick(['Zeitung', 'Rundschau', 'Anzeiger'])}`;
          case 'donor': return `Stiftung ${word}`;
          case 'cultural_institution': return `${r.pick(['Stadtmuseum', 'Staatstheater', 'Kulturhaus'])} ${c}`;
          default: return `${r.pick(['Handelskammer', 'Volkshochschule', 'Europabüro'])} ${c}`;
        }
      case 'ro':
        switch (kind) {
          case 'partner_city': return `Primăria Municipiului ${c}`;
          case 'company': return `${surname} ${r.pick(['Logistic', 'Consult', 'Agro', 'Construct'])} SRL`;
          case 'ngo': return `Asociația „${word}” ${c}`;
          case 'media': return `Radio ${word} ${c}`;
          case 'donor': return `Fundația ${word}`;
          case 'cultural_institution': return `Muzeul Județean ${c}`;
          default: return `Camera de Comerț ${c}`;
        }
      default:
        switch (kind) {
          case 'partner_city': return `City of ${c}`;
          case 'company': return `${surname} ${r.pick(['Consulting', 'Trading', 'Logistics', 'Engineering'])} ${n}`;
          case 'ngo': return `${word} ${c} Association`;
          case 'media': return `${c} ${r.pick(['Daily', 'News', 'Radio', 'TV'])}`;
          case 'donor': return `${word} Foundation`;
          case 'international_organization': return `${r.pick(['UNDP', 'UNICEF', 'OSCE', 'Council of Europe', 'EU Delegation'])} office ${c}`;
          default: return `${c} ${r.pick(['Chamber of Commerce', 'University', 'Cultural Centre', 'Sister Cities Committee'])}`;
        }
    }
  })();
  const names: Names = { [lang]: local };
  if (lang !== 'en' && r.chance(0.5)) names.en = `${local} (${city.en})`;
  return names;
}

export type GeneratedOrganization = { id: string; input: OrganizationCreate; createdAt: Date; updatedAt: Date; owner: number };
export type GeneratedPerson = { input: PersonCreate; createdAt: Date; updatedAt: Date; owner: number };
export type GeneratedInteraction = { input: InteractionCreate; owner: number };

const YEAR = 365 * 86_400_000;
const NOW = Date.UTC(2026, 0, 15);

function stamps(r: Rng) {
  const createdAt = new Date(NOW - r.next() * 6 * YEAR);
  const updatedAt = r.chance(0.4) ? createdAt : new Date(createdAt.getTime() + r.next() * (NOW - createdAt.getTime()));
  return { createdAt, updatedAt };
}

export function generateOrganizations(r: Rng, count: number, owners: number, newId: () => string): GeneratedOrganization[] {
  const out: GeneratedOrganization[] = [];
  for (let i = 0; i < count; i++) {
    const kind = pickKind(r);
    const city = pickCity(r);
    const values = orgNames(r, kind, city);
    const original = Object.keys(values)[0]!;
    const lang = LANGUAGE_OF[city.country] ?? 'en';
    const ascii = (values.en ?? city.en).toLowerCase().replace(/[^a-z]+/g, '').slice(0, 20) || 'org';
    const input: OrganizationCreate = {
      kind,
      name: { original, values },
      shortName: r.chance(0.15) ? (values[original] ?? '').split(/\s+/).map((w) => w[0] ?? '').join('').slice(0, 8) : null,
      country: city.country,
      city: city.local,
      languages: [...new Set([lang, ...(r.chance(0.4) ? ['en'] : [])])],
      website: r.chance(0.5) ? `https://www.${ascii}${i}.example.org` : null,
      email: r.chance(0.6) ? `office${i}@${ascii}.example.org` : null,
      phone: r.chance(0.6) ? `+${city.country === 'BG' ? '359' : city.country === 'GE' ? '995' : '49'} ${100 + r.int(900)} ${10000 + r.int(90000)}` : null,
      addresses: r.chance(0.5) ? [{ label: 'office', street: `${r.pick(LATIN_WORDS)} ${1 + r.int(120)}`, city: city.local, postcode: String(1000 + r.int(9000)), country: city.country }] : [],
      tags: r.some(TAGS, 3),
      notes: r.chance(0.3) ? `Contact since ${2010 + r.int(16)}; ${r.pick(['twinning agreement', 'joint project', 'study visit', 'cultural exchange', 'protocol visit'])}.` : '',
      confidential: r.chance(0.03),
    };
    out.push({ id: newId(), input, ...stamps(r), owner: r.int(owners) });
  }
  return out;
}

const POSITIONS: { values: Names; precedence: PersonCreate['precedenceCategory'] }[] = [
  { values: { bg: 'Кмет', en: 'Mayor', ka: 'მერი', de: 'Bürgermeister', ro: 'Primar' }, precedence: 'mayor' },
  { values: { bg: 'Заместник-кмет', en: 'Deputy Mayor', ka: 'მერის მოადგილე', de: 'Stellvertretender Bürgermeister', ro: 'Viceprimar' }, precedence: 'deputy_mayor' },
  { values: { bg: 'Посланик', en: 'Ambassador', ka: 'ელჩი', de: 'Botschafter', ro: 'Ambasador' }, precedence: 'ambassador' },
  { values: { bg: 'Консул', en: 'Consul', ka: 'კონსული', de: 'Konsul', ro: 'Consul' }, precedence: 'consul' },
  { values: { bg: 'Директор', en: 'Director', ka: 'დირექტორი', de: 'Direktor', ro: 'Director' }, precedence: 'official' },
  { values: { bg: 'Експерт', en: 'Expert', ka: 'ექსპერტი', de: 'Referent', ro: 'Expert' }, precedence: 'official' },
  { values: { bg: 'Председател', en: 'Chair', ka: 'თავმჯდომარე', de: 'Vorsitzender', ro: 'Președinte' }, precedence: 'council_chair' },
  { values: { bg: 'Журналист', en: 'Journalist', ka: 'ჟურნალისტი', de: 'Journalist', ro: 'Jurnalist' }, precedence: 'media' },
  { values: { bg: 'Управител', en: 'Managing Director', ka: 'აღმასრულებელი დირექტორი', de: 'Geschäftsführer', ro: 'Administrator' }, precedence: 'business' },
  { values: { bg: 'Главен уредник', en: 'Chief Curator', ka: 'მთავარი კურატორი', de: 'Chefkurator', ro: 'Curator șef' }, precedence: 'culture' },
];

function personName(r: Rng, country: string | null | undefined): { name: string; lang: string } {
  const script = country === 'BG' ? 'bg' : country === 'GE' ? 'ka' : country ? 'latin' : r.pick(['bg', 'ka', 'latin']);
  if (script === 'bg') {
    const female = r.chance(0.5);
    const first = r.pick(female ? BG_FEMALE : BG_MALE);
    const surname = r.pick(BG_SURNAMES);
    const last = female ? (surname.endsWith('ски') ? surname.slice(0, -1) + 'а' : surname + 'а') : surname;
    const middle = r.chance(0.25) ? ` ${r.pick(BG_MALE)}${female ? 'ова' : 'ов'}` : '';
    return { name: `${first}${middle} ${last}`, lang: 'bg' };
  }
  if (script === 'ka') return { name: `${r.pick(r.chance(0.5) ? KA_FEMALE : KA_MALE)} ${r.pick(KA_SURNAMES)}`, lang: 'ka' };
  return { name: `${r.pick(LATIN_FIRST)} ${r.pick(LATIN_SURNAMES)}`, lang: LANGUAGE_OF[country ?? ''] ?? 'en' };
}

export function generatePeople(r: Rng, count: number, orgs: GeneratedOrganization[], owners: number): GeneratedPerson[] {
  const out: GeneratedPerson[] = [];
  for (let i = 0; i < count; i++) {
    // Skewed: a few organisations have many contacts, most have one or two; some people have none.
    const org = r.chance(0.9) && orgs.length ? orgs[Math.floor(orgs.length * r.next() ** 1.6)] : undefined;
    const { name, lang } = personName(r, org?.input.country ?? (r.chance(0.5) ? 'BG' : null));
    const pos = r.chance(0.7) ? r.pick(POSITIONS) : undefined;
    const posValues: Names = pos ? { [pos.values[lang] ? lang : 'en']: pos.values[lang] ?? pos.values.en!, en: pos.values.en! } : {};
    const input: PersonCreate = {
      name,
      nameLatin: '',
      formOfAddress: lang === 'bg' ? { bg: r.chance(0.5) ? 'Уважаеми господин' : 'Уважаема госпожо' } : {},
      position: pos ? { original: Object.keys(posValues)[0]!, values: posValues } : null,
      organizationId: org?.id ?? null,
      email: r.chance(0.6) ? `person${i}@example.org` : null,
      phones: r.chance(0.5) ? [{ label: 'mobile', number: `+359 88 ${1000000 + r.int(8999999)}` }] : [],
      languages: [lang],
      precedenceCategory: pos?.precedence ?? null,
      lawfulBasis: r.pick(['public_task', 'public_task', 'legitimate_interests', 'consent'] as const),
      tags: r.some(PERSON_TAGS, 2),
      notes: r.chance(0.2) ? 'Met at the twin-cities forum.' : '',
      confidential: r.chance(0.03),
    };
    out.push({ input, ...stamps(r), owner: r.int(owners) });
  }
  return out;
}

const SUBJECTS = [
  (c: string) => `Среща с делегация от ${c}`,
  (c: string) => `Официално посещение в ${c}`,
  (c: string) => `Писмо относно споразумение за побратимяване с ${c}`,
  (c: string) => `შეხვედრა ${c} დელეგაციასთან`,
  (c: string) => `Meeting on the Interreg project with ${c}`,
  (c: string) => `Call about the March Music Days programme (${c})`,
];

export function generateInteractions(
  r: Rng,
  count: number,
  orgs: GeneratedOrganization[],
  personIdsByOrg: (orgIndex: number) => string | null,
  owners: number,
): GeneratedInteraction[] {
  const kinds = ['meeting', 'letter', 'email', 'call', 'visit'] as const;
  const out: GeneratedInteraction[] = [];
  for (let i = 0; i < count; i++) {
    const k = r.int(orgs.length);
    const org = orgs[k]!;
    const personId = r.chance(0.5) ? personIdsByOrg(k) : null;
    const city = String(org.input.city ?? '');
    out.push({
      input: {
        kind: r.pick(kinds),
        occurredAt: new Date(NOW - r.next() * 3 * YEAR).toISOString(),
        subject: r.pick(SUBJECTS)(city),
        notes: r.chance(0.5) ? 'Follow-up agreed; minutes filed.' : '',
        organizationId: org.id,
        personId,
      },
      owner: r.int(owners),
    });
  }
  return out;
}
