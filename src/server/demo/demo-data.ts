import type { OrganizationCreate } from '../../contracts/organizations.js';
import type { PersonCreate } from '../../contracts/people.js';
import type { Role } from '../../contracts/common/permissions.js';

/**
 * Fictional demo data for two municipalities: Ruse (Bulgaria) and Zugdidi (Georgia).
 * Every person here is invented; organisations are the kinds of partners such offices have.
 */
export const DEMO_PASSWORD = 'legato-demo-2026';

export const DEMO_USERS: { name: string; email: string; role: Role; locale: 'bg' | 'ka' | 'en' }[] = [
  { name: 'Демо Администратор', email: 'admin@demo.legato.local', role: 'administrator', locale: 'bg' },
  { name: 'Велислава Тодорова', email: 'head@demo.legato.local', role: 'head_of_department', locale: 'bg' },
  { name: 'Калоян Маринов', email: 'protocol@demo.legato.local', role: 'specialist', locale: 'bg' },
  { name: 'ეკა ბაქრაძე', email: 'international@demo.legato.local', role: 'specialist', locale: 'ka' },
  { name: 'Десислава Колева', email: 'press@demo.legato.local', role: 'press_officer', locale: 'bg' },
  { name: 'ლაშა წერეთელი', email: 'projects@demo.legato.local', role: 'project_officer', locale: 'ka' },
  { name: 'Irina Petrova-Lang', email: 'translator@demo.legato.local', role: 'translator', locale: 'en' },
  { name: 'Mayor’s Office (read only)', email: 'viewer@demo.legato.local', role: 'viewer', locale: 'bg' },
];

type Org = OrganizationCreate & { key: string };
const ml = (original: string, values: Record<string, string>) => ({ original, values });

export const DEMO_ORGANIZATIONS: Org[] = [
  { key: 'ruse', kind: 'partner_city', name: ml('bg', { bg: 'Община Русе', en: 'Ruse Municipality', ka: 'რუსეს მუნიციპალიტეტი' }), country: 'BG', city: 'Русе', languages: ['bg'], website: 'https://www.ruse-bg.eu', tags: ['twin city', 'Danube'] },
  { key: 'zugdidi', kind: 'partner_city', name: ml('ka', { ka: 'ზუგდიდის მუნიციპალიტეტი', en: 'Zugdidi Municipality', bg: 'Община Зугдиди' }), country: 'GE', city: 'ზუგდიდი', languages: ['ka'], tags: ['twin city'] },
  { key: 'giurgiu', kind: 'partner_city', name: ml('ro', { ro: 'Primăria Municipiului Giurgiu', en: 'Giurgiu City Hall', bg: 'Община Гюргево' }), country: 'RO', city: 'Giurgiu', languages: ['ro'], tags: ['twin city', 'Danube', 'cross-border'] },
  { key: 'kutaisi', kind: 'partner_city', name: ml('ka', { ka: 'ქუთაისის მუნიციპალიტეტის მერია', en: 'Kutaisi City Hall', bg: 'Кметство Кутаиси' }), country: 'GE', city: 'ქუთაისი', languages: ['ka'], tags: ['partner city'] },
  { key: 'batumi', kind: 'partner_city', name: ml('ka', { ka: 'ბათუმის მერია', en: 'Batumi City Hall' }), country: 'GE', city: 'ბათუმი', languages: ['ka'], tags: ['Black Sea'] },
  { key: 'varna', kind: 'partner_city', name: ml('bg', { bg: 'Община Варна', en: 'Varna Municipality' }), country: 'BG', city: 'Варна', languages: ['bg'], tags: ['Black Sea'] },
  { key: 'kassel', kind: 'partner_city', name: ml('de', { de: 'Stadt Kassel', en: 'City of Kassel', bg: 'Град Касел' }), country: 'DE', city: 'Kassel', languages: ['de'], tags: ['twin city'] },
  { key: 'thessaloniki', kind: 'partner_city', name: ml('el', { el: 'Δήμος Θεσσαλονίκης', en: 'Municipality of Thessaloniki', bg: 'Община Солун' }), country: 'GR', city: 'Thessaloniki', languages: ['el', 'en'] },
  { key: 'ge-embassy-sofia', kind: 'embassy', name: ml('ka', { ka: 'საქართველოს საელჩო ბულგარეთის რესპუბლიკაში', bg: 'Посолство на Грузия в Република България', en: 'Embassy of Georgia to the Republic of Bulgaria' }), country: 'BG', city: 'София', languages: ['ka', 'bg', 'en'], tags: ['diplomatic corps'] },
  { key: 'bg-embassy-tbilisi', kind: 'embassy', name: ml('bg', { bg: 'Посолство на Република България в Тбилиси', en: 'Embassy of the Republic of Bulgaria in Tbilisi', ka: 'ბულგარეთის რესპუბლიკის საელჩო თბილისში' }), country: 'GE', city: 'თბილისი', languages: ['bg', 'ka', 'en'], tags: ['diplomatic corps'] },
  { key: 'de-embassy-sofia', kind: 'embassy', name: ml('de', { de: 'Botschaft der Bundesrepublik Deutschland Sofia', en: 'Embassy of the Federal Republic of Germany in Sofia', bg: 'Посолство на Федерална република Германия в София' }), country: 'BG', city: 'София', languages: ['de', 'bg', 'en'], tags: ['diplomatic corps'] },
  { key: 'ro-consulate-ruse', kind: 'consulate', name: ml('ro', { ro: 'Consulatul General al României la Ruse', en: 'Consulate General of Romania in Ruse', bg: 'Генерално консулство на Румъния в Русе' }), country: 'BG', city: 'Русе', languages: ['ro', 'bg'], tags: ['diplomatic corps'] },
  { key: 'tr-consulate-batumi', kind: 'consulate', name: ml('tr', { tr: 'Türkiye Cumhuriyeti Batum Başkonsolosluğu', en: 'Consulate General of Türkiye in Batumi' }), country: 'GE', city: 'ბათუმი', languages: ['tr', 'ka', 'en'], tags: ['diplomatic corps'] },
  { key: 'mfa-bg', kind: 'ministry', name: ml('bg', { bg: 'Министерство на външните работи', en: 'Ministry of Foreign Affairs of Bulgaria' }), country: 'BG', city: 'София', languages: ['bg'], tags: ['protocol'] },
  { key: 'mfa-ge', kind: 'ministry', name: ml('ka', { ka: 'საქართველოს საგარეო საქმეთა სამინისტრო', en: 'Ministry of Foreign Affairs of Georgia' }), country: 'GE', city: 'თბილისი', languages: ['ka'], tags: ['protocol'] },
  { key: 'undp-ge', kind: 'international_organization', name: ml('en', { en: 'UNDP Georgia', ka: 'გაეროს განვითარების პროგრამა საქართველოში' }), country: 'GE', city: 'Tbilisi', languages: ['en', 'ka'], tags: ['UN'] },
  { key: 'coe-congress', kind: 'international_organization', name: ml('en', { en: 'Congress of Local and Regional Authorities of the Council of Europe', bg: 'Конгрес на местните и регионалните власти към Съвета на Европа' }), country: 'FR', city: 'Strasbourg', languages: ['en', 'fr'], tags: ['Council of Europe'] },
  { key: 'eu-delegation-ge', kind: 'international_organization', name: ml('en', { en: 'Delegation of the European Union to Georgia', ka: 'ევროკავშირის წარმომადგენლობა საქართველოში' }), country: 'GE', city: 'Tbilisi', languages: ['en', 'ka'], tags: ['EU'] },
  { key: 'namrb', kind: 'network', name: ml('bg', { bg: 'Национално сдружение на общините в Република България', en: 'National Association of Municipalities in the Republic of Bulgaria' }), shortName: 'НСОРБ', country: 'BG', city: 'София', languages: ['bg'], tags: ['association'] },
  { key: 'nala', kind: 'network', name: ml('ka', { ka: 'საქართველოს ადგილობრივ თვითმმართველობათა ეროვნული ასოციაცია', en: 'National Association of Local Authorities of Georgia' }), shortName: 'NALAG', country: 'GE', city: 'თბილისი', languages: ['ka', 'en'], tags: ['association'] },
  { key: 'danube-cities', kind: 'network', name: ml('en', { en: 'Council of Danube Cities and Regions', bg: 'Съвет на дунавските градове и региони' }), country: 'AT', city: 'Vienna', languages: ['en', 'de'], tags: ['Danube', 'network'] },
  { key: 'giz', kind: 'donor', name: ml('de', { de: 'Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)', en: 'German Agency for International Cooperation (GIZ)' }), shortName: 'GIZ', country: 'DE', city: 'Bonn', languages: ['de', 'en'], tags: ['donor', 'grants'] },
  { key: 'interreg', kind: 'donor', name: ml('en', { en: 'Interreg VI-A Romania–Bulgaria Programme', bg: 'Програма Interreg VI-A Румъния – България' }), country: 'RO', city: 'Călărași', languages: ['en', 'ro', 'bg'], tags: ['EU', 'cross-border', 'grants'] },
  { key: 'swiss-coop', kind: 'donor', name: ml('en', { en: 'Swiss Cooperation Office South Caucasus', ka: 'შვეიცარიის თანამშრომლობის ოფისი სამხრეთ კავკასიაში' }), country: 'GE', city: 'Tbilisi', languages: ['en', 'ka'], tags: ['donor'] },
  { key: 'ngo-danube', kind: 'ngo', name: ml('bg', { bg: 'Сдружение „Дунавски мост“', en: 'Danube Bridge Association' }), country: 'BG', city: 'Русе', languages: ['bg', 'en'], tags: ['youth', 'culture'] },
  { key: 'ngo-samegrelo', kind: 'ngo', name: ml('ka', { ka: 'ასოციაცია „სამეგრელოს მომავალი“', en: 'Samegrelo Future Association' }), country: 'GE', city: 'ზუგდიდი', languages: ['ka'], tags: ['civil society'] },
  { key: 'bnt', kind: 'media', name: ml('bg', { bg: 'Българска национална телевизия', en: 'Bulgarian National Television' }), shortName: 'БНТ', country: 'BG', city: 'София', languages: ['bg'], tags: ['TV'] },
  { key: 'radio-dunav', kind: 'media', name: ml('bg', { bg: 'Радио „Дунав Медия“', en: 'Radio Danube Media' }), country: 'BG', city: 'Русе', languages: ['bg'], tags: ['radio', 'local'] },
  { key: 'odishi-tv', kind: 'media', name: ml('ka', { ka: 'ტელეკომპანია „ოდიში ინფო“', en: 'Odishi Info TV' }), country: 'GE', city: 'ზუგდიდი', languages: ['ka'], tags: ['TV', 'local'] },
  { key: 'investor-logistics', kind: 'company', name: ml('de', { de: 'Donau Logistik Partner GmbH', en: 'Donau Logistik Partner GmbH' }), country: 'DE', city: 'Regensburg', languages: ['de', 'en'], tags: ['investor', 'logistics'] },
  { key: 'investor-hazelnut', kind: 'company', name: ml('en', { en: 'Colchis Hazelnut Processing LLC', ka: 'შპს „კოლხეთის თხილის გადამამუშავებელი“' }), country: 'GE', city: 'ზუგდიდი', languages: ['ka', 'en'], tags: ['investor', 'agriculture'] },
  { key: 'opera-ruse', kind: 'cultural_institution', name: ml('bg', { bg: 'Държавна опера – Русе', en: 'State Opera Ruse' }), country: 'BG', city: 'Русе', languages: ['bg'], tags: ['culture', 'March Music Days'] },
  { key: 'dadiani-museum', kind: 'cultural_institution', name: ml('ka', { ka: 'დადიანების სასახლეების ისტორიულ-არქიტექტურული მუზეუმი', en: 'Dadiani Palaces History and Architecture Museum' }), country: 'GE', city: 'ზუგდიდი', languages: ['ka', 'en'], tags: ['culture', 'museum'] },
  { key: 'chitalishte', kind: 'cultural_institution', name: ml('bg', { bg: 'Народно читалище „Зора – 1870“', en: 'Community Cultural Centre “Zora – 1870”' }), country: 'BG', city: 'Русе', languages: ['bg'], tags: ['читалище'] },
  { key: 'university-ruse', kind: 'other', name: ml('bg', { bg: 'Русенски университет „Ангел Кънчев“', en: 'University of Ruse “Angel Kanchev”' }), country: 'BG', city: 'Русе', languages: ['bg', 'en'], tags: ['education'] },
  { key: 'confidential-investor', kind: 'company', name: ml('en', { en: 'Project Aurora (confidential investor)', bg: 'Проект „Аврора“ (поверителен инвеститор)' }), country: 'AT', city: 'Vienna', languages: ['en'], tags: ['investor'], confidential: true, notes: 'Negotiations under NDA until the council decision.' },
];

type Person = PersonCreate & { org?: string };
const t = (en: string, bg?: string, ka?: string) => ml('en', { en, ...(bg ? { bg } : {}), ...(ka ? { ka } : {}) });
const EXCELLENCY = { en: 'Your Excellency', bg: 'Ваше Превъзходителство', ka: 'თქვენო აღმატებულებავ' };

export const DEMO_PEOPLE: Person[] = [
  { name: 'ნიკოლოზ ხარებავა', org: 'ge-embassy-sofia', title: t('Ambassador Extraordinary and Plenipotentiary', 'Извънреден и пълномощен посланик', 'საგანგებო და სრულუფლებიანი ელჩი'), precedenceCategory: 'ambassador', formOfAddress: EXCELLENCY, languages: ['ka', 'en', 'ru'], email: 'ambassador@example.ge', lawfulBasis: 'public_task', accompanyingPersons: [{ name: 'ქეთევან ხარებავა', relation: 'spouse', notes: '' }] },
  { name: 'თეონა ლომიძე', org: 'ge-embassy-sofia', position: t('First Secretary', 'Първи секретар', 'პირველი მდივანი'), precedenceCategory: 'official', languages: ['ka', 'bg', 'en'], email: 'consular@example.ge', phones: [{ label: 'office', number: '+359 2 000 0101' }] },
  { name: 'Стефан Дамянов Гълъбов', org: 'bg-embassy-tbilisi', title: t('Ambassador Extraordinary and Plenipotentiary', 'Извънреден и пълномощен посланик', 'საგანგებო და სრულუფლებიანი ელჩი'), precedenceCategory: 'ambassador', formOfAddress: EXCELLENCY, languages: ['bg', 'en', 'ru'], email: 'embassy.tbilisi@example.bg' },
  { name: 'Klaus-Dieter Hohmann', org: 'de-embassy-sofia', title: t('Ambassador', 'Посланик', 'ელჩი'), precedenceCategory: 'ambassador', formOfAddress: EXCELLENCY, languages: ['de', 'en'] },
  { name: 'Ioana Mărgărit', org: 'ro-consulate-ruse', title: t('Consul General', 'Генерален консул', 'გენერალური კონსული'), precedenceCategory: 'consul', formOfAddress: { en: 'Dear Consul General', bg: 'Уважаема госпожо Генерален консул' }, languages: ['ro', 'bg', 'en'] },
  { name: 'Mehmet Arıkan', org: 'tr-consulate-batumi', title: t('Consul General'), precedenceCategory: 'consul', languages: ['tr', 'en'] },
  { name: 'Пламен Веселинов Кирилов', org: 'ruse', position: t('Mayor of Ruse Municipality', 'Кмет на Община Русе', 'რუსეს მუნიციპალიტეტის მერი'), precedenceCategory: 'mayor', formOfAddress: { en: 'Dear Mayor', bg: 'Уважаеми господин Кмет', ka: 'ბატონო მერო' }, languages: ['bg', 'en', 'ru'] },
  { name: 'Жана Тихомирова', org: 'ruse', position: t('Deputy Mayor for European Policies', 'Заместник-кмет „Европейски политики“'), precedenceCategory: 'deputy_mayor', languages: ['bg', 'en', 'de'] },
  { name: 'გიორგი ფარცვანია', org: 'zugdidi', position: t('Mayor of Zugdidi Municipality', 'Кмет на Община Зугдиди', 'ზუგდიდის მუნიციპალიტეტის მერი'), precedenceCategory: 'mayor', formOfAddress: { en: 'Dear Mayor', bg: 'Уважаеми господин Кмет', ka: 'ბატონო მერო' }, languages: ['ka', 'en', 'ru'] },
  { name: 'ნათია ქობალია', org: 'zugdidi', position: t('Deputy Mayor', 'Заместник-кмет', 'მერის მოადგილე'), precedenceCategory: 'deputy_mayor', languages: ['ka', 'en'] },
  { name: 'ზურაბ ჭანტურია', org: 'zugdidi', position: t('Chair of the Municipal Council', 'Председател на Общинския съвет', 'საკრებულოს თავმჯდომარე'), precedenceCategory: 'council_chair', languages: ['ka'] },
  { name: 'Adrian Vlăsceanu', org: 'giurgiu', position: t('Mayor of Giurgiu'), precedenceCategory: 'mayor', languages: ['ro', 'en'] },
  { name: 'ირაკლი სურმავა', org: 'kutaisi', position: t('Head of International Relations Service', undefined, 'საერთაშორისო ურთიერთობების სამსახურის უფროსი'), precedenceCategory: 'official', languages: ['ka', 'en'] },
  { name: 'მაკა თოდუა', org: 'batumi', position: t('Protocol Officer', undefined, 'პროტოკოლის სპეციალისტი'), precedenceCategory: 'official', languages: ['ka', 'tr', 'en'] },
  { name: 'Ralf Oberländer', org: 'kassel', position: t('Head of the Office for International Affairs'), precedenceCategory: 'official', languages: ['de', 'en'] },
  { name: 'Eleni Papadaki', org: 'thessaloniki', position: t('Deputy Mayor for International Relations'), precedenceCategory: 'deputy_mayor', languages: ['el', 'en'] },
  { name: 'Радина Стаменова', org: 'mfa-bg', position: t('Head of Protocol Unit', 'Началник на отдел „Протокол“'), precedenceCategory: 'official', languages: ['bg', 'en', 'fr'] },
  { name: 'ბექა კვარაცხელია', org: 'mfa-ge', position: t('Director of the State Protocol Department', undefined, 'სახელმწიფო პროტოკოლის დეპარტამენტის დირექტორი'), precedenceCategory: 'official', languages: ['ka', 'en'] },
  { name: 'Sophie Lindqvist', org: 'undp-ge', position: t('Resident Representative'), precedenceCategory: 'head_of_international_organization', formOfAddress: { en: 'Dear Ms Lindqvist' }, languages: ['en', 'sv'] },
  { name: 'Matteo Bernardi', org: 'eu-delegation-ge', position: t('Head of Cooperation'), precedenceCategory: 'official', languages: ['it', 'en', 'fr'] },
  { name: 'Marianne Duval', org: 'coe-congress', position: t('Head of Division for Local Democracy'), precedenceCategory: 'official', languages: ['fr', 'en'] },
  { name: 'Анелия Бонева', org: 'namrb', position: t('Executive Director', 'Изпълнителен директор'), precedenceCategory: 'official', languages: ['bg', 'en'] },
  { name: 'ლევან ჯიქია', org: 'nala', position: t('Executive Director', undefined, 'აღმასრულებელი დირექტორი'), precedenceCategory: 'official', languages: ['ka', 'en'] },
  { name: 'Franziska Wendt', org: 'giz', position: t('Programme Manager, Good Local Governance'), precedenceCategory: 'business', languages: ['de', 'en'], lawfulBasis: 'legitimate_interests' },
  { name: 'Cristina Dobre', org: 'interreg', position: t('Joint Secretariat Officer'), precedenceCategory: 'official', languages: ['ro', 'en'] },
  { name: 'Ивайло Стратиев', org: 'ngo-danube', position: t('Chair of the Board', 'Председател на УС'), precedenceCategory: 'other', languages: ['bg', 'en'], lawfulBasis: 'consent' },
  { name: 'მარიამ გაბელია', org: 'ngo-samegrelo', position: t('Director', undefined, 'დირექტორი'), precedenceCategory: 'other', languages: ['ka', 'en'], lawfulBasis: 'consent' },
  { name: 'Теодора Ангелова', org: 'bnt', position: t('Correspondent for North-East Bulgaria', 'Кореспондент за Североизточна България'), precedenceCategory: 'media', languages: ['bg'], email: 'reporter@example.bg', lawfulBasis: 'legitimate_interests' },
  { name: 'Николай Гечев', org: 'radio-dunav', position: t('Editor-in-chief', 'Главен редактор'), precedenceCategory: 'media', languages: ['bg', 'ro'], lawfulBasis: 'legitimate_interests' },
  { name: 'ანა ჟვანია', org: 'odishi-tv', position: t('Journalist', 'Журналист', 'ჟურნალისტი'), precedenceCategory: 'media', languages: ['ka'], lawfulBasis: 'legitimate_interests' },
  { name: 'Jörg Hahnemann', org: 'investor-logistics', position: t('Managing Director'), precedenceCategory: 'business', languages: ['de', 'en'], lawfulBasis: 'legitimate_interests' },
  { name: 'თორნიკე ესართია', org: 'investor-hazelnut', position: t('Chief Executive Officer', undefined, 'აღმასრულებელი დირექტორი'), precedenceCategory: 'business', languages: ['ka', 'en', 'tr'], lawfulBasis: 'legitimate_interests' },
  { name: 'Гергана Чолакова', org: 'opera-ruse', position: t('Director', 'Директор'), precedenceCategory: 'culture', languages: ['bg', 'it'] },
  { name: 'ხათუნა დარასელია', org: 'dadiani-museum', position: t('Museum Director', undefined, 'მუზეუმის დირექტორი'), precedenceCategory: 'culture', languages: ['ka', 'ru'] },
  { name: 'Проф. Стоян Дренски', org: 'university-ruse', position: t('Rector', 'Ректор'), precedenceCategory: 'other', languages: ['bg', 'en', 'de'] },
  { name: 'Victoria Aurelius', org: 'confidential-investor', position: t('Negotiator'), precedenceCategory: 'business', languages: ['en', 'de'], confidential: true, lawfulBasis: 'contract' },
];

export const DEMO_INTERACTIONS: { org?: string; person?: string; kind: 'meeting' | 'letter' | 'email' | 'call' | 'visit'; daysAgo: number; subject: string; notes?: string }[] = [
  { org: 'zugdidi', kind: 'visit', daysAgo: 240, subject: 'Delegation of Zugdidi in Ruse: twinning anniversary', notes: 'Five guests, three days; meeting with the municipal council and the March Music Days opening.' },
  { org: 'zugdidi', kind: 'letter', daysAgo: 200, subject: 'Thank-you letter from the Mayor of Zugdidi' },
  { org: 'zugdidi', kind: 'call', daysAgo: 30, subject: 'Planning a youth exchange for next summer' },
  { org: 'ruse', kind: 'meeting', daysAgo: 120, subject: 'Работна среща за съвместен проект по програма „Черноморски басейн“' },
  { org: 'ruse', kind: 'email', daysAgo: 12, subject: 'ვიზიტის პროგრამის პროექტი', notes: 'Draft programme sent for comments.' },
  { org: 'giurgiu', kind: 'meeting', daysAgo: 90, subject: 'Danube bridge cross-border mobility working group' },
  { org: 'giurgiu', kind: 'letter', daysAgo: 45, subject: 'Invitation to Giurgiu Days' },
  { org: 'ge-embassy-sofia', kind: 'visit', daysAgo: 60, subject: 'Courtesy visit of the Ambassador of Georgia to the Mayor' },
  { org: 'ge-embassy-sofia', kind: 'letter', daysAgo: 5, subject: 'Greetings on Independence Day of Georgia (26 May)' },
  { org: 'bg-embassy-tbilisi', kind: 'meeting', daysAgo: 75, subject: 'Bulgarian culture days in Zugdidi: coordination' },
  { org: 'undp-ge', kind: 'meeting', daysAgo: 150, subject: 'Donor coordination meeting on local economic development' },
  { org: 'eu-delegation-ge', kind: 'email', daysAgo: 20, subject: 'Call for proposals: local authorities and civil society' },
  { org: 'interreg', kind: 'call', daysAgo: 15, subject: 'Clarification on co-financing rules' },
  { org: 'giz', kind: 'meeting', daysAgo: 40, subject: 'Good local governance programme: next phase' },
  { org: 'bnt', kind: 'call', daysAgo: 3, subject: 'Interview request: the mayor on the twin cities programme' },
  { org: 'odishi-tv', kind: 'email', daysAgo: 8, subject: 'Accreditation for the press conference' },
  { org: 'investor-hazelnut', kind: 'visit', daysAgo: 25, subject: 'Site visit: hazelnut processing plant expansion' },
  { org: 'opera-ruse', kind: 'meeting', daysAgo: 100, subject: 'March Music Days: foreign guests and protocol' },
  { org: 'dadiani-museum', kind: 'visit', daysAgo: 70, subject: 'Guided tour for the delegation from Ruse' },
  { org: 'confidential-investor', kind: 'meeting', daysAgo: 10, subject: 'Confidential: first round of negotiations' },
  { person: 'ნიკოლოზ ხარებავა', kind: 'meeting', daysAgo: 60, subject: 'Meeting with the Mayor on economic cooperation' },
  { person: 'Пламен Веселинов Кирилов', kind: 'call', daysAgo: 18, subject: 'Телефонен разговор за годишнината на побратимяването' },
  { person: 'Sophie Lindqvist', kind: 'email', daysAgo: 22, subject: 'Follow-up: local development fund' },
];
