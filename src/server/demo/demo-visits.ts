import { addDays, addMonths, todayIn } from '../../contracts/common/dates.js';
import type { Actor } from '../platform/audit/audit.service.js';
import type { AppContext } from '../platform/context.js';
import { createOrganization } from '../modules/organizations/organizations.service.js';
import { createPassport } from '../modules/passports/passports.service.js';
import { createPerson } from '../modules/people/people.service.js';
import { createChild } from '../modules/visits/visits.children.js';
import { giftSpec } from '../modules/visits/visits.gifts.js';
import { accommodationSpec, budgetLineSpec, participantSpec, taskSpec, ticketSpec, transportSpec } from '../modules/visits/visits.logistics.js';
import { programmeSpec } from '../modules/visits/visits.programme.js';
import { createVisit } from '../modules/visits/visits.service.js';

/**
 * A fictional delegation from Zugdidi to Ruse (three days, five guests, an interpreter, hosts, a
 * hotel, a programme in Bulgarian, Georgian and English, tasks, gifts), and a fictional working
 * trip of the mayor to Tbilisi with tickets, a budget and a passport that expires too soon.
 * Every person is invented. Dates are relative to the day the demo is seeded.
 */
const t = (bg: string, ka: string, en: string) => ({ original: 'bg', values: { bg, ka, en } });
const tka = (ka: string, bg: string, en: string) => ({ original: 'ka', values: { ka, bg, en } });

type Item = [day: number, start: string, end: string | null, title: ReturnType<typeof t>, place: ReturnType<typeof t> | null, extra: Record<string, unknown> | null];

const DELEGATION_PROGRAMME: Item[] = [
  [0, '11:40', '12:30', t('Посрещане на делегацията на летище „Анри Коандă“, Букурещ', 'დელეგაციის დახვედრა ბუქარესტის „ანრი კოანდას“ აეროპორტში', 'Welcoming the delegation at Henri Coandă Airport, Bucharest'), t('Летище Букурещ, терминал „Пристигащи“', 'ბუქარესტის აეროპორტი, ჩამოსვლის დარბაზი', 'Bucharest Airport, arrivals hall'), { transport: 'Minibus: airport → hotel (about 1 h 30 min)' }],
  [0, '14:30', '15:30', t('Настаняване в хотела и обяд', 'სასტუმროში განთავსება და სადილი', 'Check-in at the hotel and lunch'), t('Хотел „Дунавска перла“', 'სასტუმრო „დუნაის მარგალიტი“', 'Danube Pearl Hotel'), null],
  [0, '16:00', '17:00', t('Среща с кмета на Община Русе', 'შეხვედრა რუსეს მუნიციპალიტეტის მერთან', 'Meeting with the Mayor of Ruse'), t('Общинска администрация, зала 1', 'მერია, დარბაზი 1', 'City Hall, room 1'), { dressCode: 'business' }],
  [0, '17:15', '17:45', t('Пресконференция', 'პრესკონფერენცია', 'Press conference'), t('Общинска администрация, пресцентър', 'მერია, პრესცენტრი', 'City Hall, press centre'), null],
  [0, '19:30', '22:00', t('Официална вечеря, дадена от кмета', 'ოფიციალური ვახშამი მერის სახელით', 'Official dinner hosted by the Mayor'), t('Ресторант „Старият град“', 'რესტორანი „ძველი ქალაქი“', 'Old Town restaurant'), { dressCode: 'business' }],
  [1, '09:30', '11:00', t('Заседание на Общинския съвет – приветствие от гостите', 'მუნიციპალური საბჭოს სხდომა – სტუმრების მისალმება', 'Session of the Municipal Council: address by the guests'), t('Зала на Общинския съвет', 'მუნიციპალური საბჭოს დარბაზი', 'Council chamber'), { dressCode: 'business' }],
  [1, '11:30', '12:30', t('Посещение в Русенския университет', 'რუსეს უნივერსიტეტის მონახულება', 'Visit to the University of Ruse'), t('Русенски университет, Ректорат', 'რუსეს უნივერსიტეტი, რექტორატი', 'University of Ruse, Rectorate'), { transport: 'Minibus: city hall → university' }],
  [1, '13:00', '14:00', t('Обяд', 'სადილი', 'Lunch'), t('Университетски клуб', 'უნივერსიტეტის კლუბი', 'University club'), null],
  [1, '14:30', '16:30', t('Разходка по Дунавския бряг и до Доходното здание', 'გასეირნება დუნაის სანაპიროზე და შემოსავლიან სახლამდე', 'Walk along the Danube and to the Profit House'), t('Дунавски кей', 'დუნაის სანაპირო', 'Danube embankment'), null],
  [1, '17:00', '18:00', t('Работна среща: младежки обмен през 2027 г.', 'სამუშაო შეხვედრა: ახალგაზრდული გაცვლა 2027 წელს', 'Working meeting: youth exchange in 2027'), t('Общинска администрация, зала 3', 'მერია, დარბაზი 3', 'City Hall, room 3'), null],
  [1, '19:00', '21:00', t('Концерт в Държавна опера – Русе', 'კონცერტი რუსეს სახელმწიფო ოპერაში', 'Concert at the State Opera Ruse'), t('Държавна опера – Русе', 'რუსეს სახელმწიფო ოპერა', 'State Opera Ruse'), { dressCode: 'formal' }],
  [2, '09:30', '10:30', t('Подписване на плана за сътрудничество 2027–2028', '2027–2028 წლების თანამშრომლობის გეგმის ხელმოწერა', 'Signing of the cooperation plan 2027–2028'), t('Общинска администрация, зала 1', 'მერია, დარბაზი 1', 'City Hall, room 1'), { dressCode: 'business' }],
  [2, '10:45', '11:30', t('Размяна на подаръци и обща снимка', 'საჩუქრების გაცვლა და საერთო ფოტო', 'Exchange of gifts and group photo'), t('Общинска администрация, фоайе', 'მერია, ფოიე', 'City Hall, foyer'), null],
  [2, '12:00', null, t('Изпращане – отпътуване за летище Букурещ', 'გაცილება – გამგზავრება ბუქარესტის აეროპორტში', 'Seeing off: departure for Bucharest Airport'), t('Хотел „Дунавска перла“', 'სასტუმრო „დუნაის მარგალიტი“', 'Danube Pearl Hotel'), { transport: 'Minibus: hotel → airport' }],
];

const TRIP_PROGRAMME: Item[] = [
  [0, '15:30', '16:30', t('Среща с кмета на Тбилиси', 'შეხვედრა თბილისის მერთან', 'Meeting with the Mayor of Tbilisi'), t('Кметство на Тбилиси', 'თბილისის მერია', 'Tbilisi City Hall'), { dressCode: 'business' }],
  [0, '19:00', '21:00', t('Вечеря в посолството на България', 'ვახშამი ბულგარეთის საელჩოში', 'Dinner at the Bulgarian Embassy'), t('Посолство на Република България', 'ბულგარეთის რესპუბლიკის საელჩო', 'Embassy of the Republic of Bulgaria'), null],
  [1, '10:00', '12:00', t('Форум на побратимените градове', 'დაძმობილებული ქალაქების ფორუმი', 'Twin cities forum'), t('Национална асоциация на местните власти', 'ადგილობრივ თვითმმართველობათა ეროვნული ასოციაცია', 'National Association of Local Authorities'), null],
  [1, '14:00', '15:00', t('Среща с български общности в Грузия', 'შეხვედრა ბულგარულ თემთან საქართველოში', 'Meeting the Bulgarian community in Georgia'), null, null],
  [2, '10:00', '11:00', t('Интервю за грузинската телевизия', 'ინტერვიუ ქართული ტელევიზიისთვის', 'Interview for Georgian television'), null, null],
];

export async function seedDemoVisits(ctx: AppContext, accounts: Map<string, Actor>, orgIds: Map<string, string>, personIds: Map<string, string>): Promise<void> {
  const { db, config } = ctx;
  const specialist = accounts.get('specialist')!;
  const head = accounts.get('head_of_department')!;
  const today = todayIn(config.timeZone);
  const add = (spec: unknown, visitId: string, body: Record<string, unknown>) => createChild(db, config, specialist, spec as never, { visitId, ...body }) as Promise<{ id: string }>;

  // --- The delegation from Zugdidi -------------------------------------------------------
  const start = addDays(today, 10);
  const day = (n: number) => addDays(start, n);
  const hotel = await createOrganization(db, specialist, {
    kind: 'company',
    name: { original: 'bg', values: { bg: 'Хотел „Дунавска перла“', en: 'Danube Pearl Hotel', ka: 'სასტუმრო „დუნაის მარგალიტი“' } },
    country: 'BG',
    city: 'Русе',
    phone: '+359 82 000 777',
    tags: ['hotel'],
  });
  const visit = await createVisit(db, config, specialist, {
    direction: 'incoming',
    status: 'confirmed',
    title: t('Официално посещение на делегация от Зугдиди', 'ზუგდიდის დელეგაციის ოფიციალური ვიზიტი რუსეში', 'Official visit of a delegation from Zugdidi'),
    purpose: t('15 години побратимяване: план за сътрудничество 2027–2028', 'დაძმობილების 15 წელი: თანამშრომლობის გეგმა 2027–2028', '15 years of twinning: cooperation plan 2027–2028'),
    startDate: day(0),
    endDate: day(2),
    organizationId: orgIds.get('zugdidi'),
    country: 'GE',
    city: 'Зугдиди',
    guestLanguages: ['ka', 'ru'],
    responsibleId: specialist.id,
    contactPhone: '+359 82 000 123',
  });
  const guests = [
    { personId: personIds.get('ნათია ქობალია') },
    { personId: personIds.get('ზურაბ ჭანტურია') },
    { personId: personIds.get('მარიამ გაბელია'), dietaryNeeds: 'Vegetarian' },
    { name: 'თეიმურაზ გვასალია', nameLatin: 'Teimuraz Gvasalia', position: 'Head of the Culture Service', organization: 'Zugdidi City Hall' },
    { name: 'ეკატერინე შენგელია', nameLatin: 'Ekaterine Shengelia', position: 'Protocol officer', organization: 'Zugdidi City Hall', accessNeeds: 'Step-free access (knee surgery)' },
  ];
  const arrival = { mode: 'flight', carrier: 'Wizz Air', number: 'W6 2456', at: `${day(0)}T11:15`, place: 'Bucharest Henri Coandă Airport' };
  const departure = { mode: 'flight', carrier: 'Wizz Air', number: 'W6 2457', at: `${day(2)}T16:40`, place: 'Bucharest Henri Coandă Airport' };
  const guestIds: string[] = [];
  for (const g of guests) {
    const p = await add(participantSpec, visit.id, { role: 'guest', arrival, departure, meetBy: 'Калоян Маринов and the interpreter', seeOffBy: 'Калоян Маринов', ...g });
    guestIds.push(p.id);
  }
  const interpreter = await add(participantSpec, visit.id, { role: 'interpreter', name: 'Нино Беридзе-Стоянова', nameLatin: 'Nino Beridze-Stoyanova', position: 'Interpreter Georgian–Bulgarian' });
  const mayor = await add(participantSpec, visit.id, { role: 'host', personId: personIds.get('Пламен Веселинов Кирилов') });
  const deputy = await add(participantSpec, visit.id, { role: 'host', personId: personIds.get('Жана Тихомирова') });
  for (const [i, participantId] of [...guestIds, interpreter.id].entries()) {
    await add(accommodationSpec, visit.id, { participantId, hotelOrganizationId: hotel.id, room: String(301 + i), checkIn: day(0), checkOut: day(2) });
  }
  await add(transportSpec, visit.id, {
    vehicle: 'Minibus Mercedes Sprinter, Р 4521 КН',
    driverName: 'Стоян Илиев',
    driverPhone: '+359 888 400 512',
    legs: [
      { from: 'Bucharest Airport', to: 'Хотел „Дунавска перла“', at: `${day(0)}T12:30` },
      { from: 'Хотел „Дунавска перла“', to: 'Общинска администрация', at: `${day(1)}T09:10` },
      { from: 'Общинска администрация', to: 'Русенски университет', at: `${day(1)}T11:15` },
      { from: 'Хотел „Дунавска перла“', to: 'Bucharest Airport', at: `${day(2)}T12:00` },
    ],
  });
  const everyone = [...guestIds, interpreter.id, mayor.id, deputy.id];
  for (const [n, startTime, end, title, place, extra] of DELEGATION_PROGRAMME) {
    const official = /кмета|съвет|плана|подаръци/.test(title.values.bg);
    await add(programmeSpec, visit.id, {
      day: day(n),
      start: startTime,
      end,
      title,
      place,
      attendeeIds: official ? everyone : [],
      attendeesText: official ? '' : 'The whole delegation, with the interpreter',
      responsibleId: specialist.id,
      ...extra,
    });
  }
  const tasks = [
    { title: 'Акредитация на медиите за пресконференцията', service: 'press', dueDate: addDays(today, -1) },
    { title: 'Заявка за полицейски ескорт от летището', service: 'police_escort', dueDate: addDays(today, 3), assigneeId: head.id },
    { title: 'Меню за официалната вечеря (един вегетарианец)', service: 'catering', dueDate: addDays(today, 5), done: true },
    { title: 'Резервация на микробус с шофьор', service: 'transport', dueDate: addDays(today, 2), done: true },
    { title: 'Превод на програмата на грузински', service: 'other', dueDate: addDays(today, 4), notes: 'Interpreter: Нино Беридзе-Стоянова' },
  ];
  for (const task of tasks) await add(taskSpec, visit.id, { assigneeId: specialist.id, ...task });
  await add(giftSpec, visit.id, { direction: 'given', personId: personIds.get('ნათია ქობალია'), description: 'Албум „Русе – малката Виена“ и ръчно рисувана керамична чиния', value: 65, currency: 'EUR', date: day(2) });
  await add(giftSpec, visit.id, { direction: 'received', counterpart: 'Delegation of Zugdidi Municipality', description: 'Вино в квеври и сребърен рог за вино (канци)', value: 180, currency: 'GEL', date: day(2) });

  // --- The mayor's trip to Tbilisi --------------------------------------------------------
  const tripStart = addDays(today, 40);
  const tday = (n: number) => addDays(tripStart, n);
  const trip = await createVisit(db, config, head, {
    direction: 'outgoing',
    status: 'confirmed',
    title: t('Работно посещение на кмета в Тбилиси', 'რუსეს მერის სამუშაო ვიზიტი თბილისში', 'Working visit of the Mayor to Tbilisi'),
    purpose: tka('დაძმობილებული ქალაქების ფორუმი', 'Форум на побратимените градове', 'Twin cities forum'),
    startDate: tday(0),
    endDate: tday(2),
    organizationId: orgIds.get('nala'),
    country: 'GE',
    city: 'Tbilisi',
    guestLanguages: ['ka', 'en'],
    responsibleId: specialist.id,
    contactPhone: '+359 82 000 123',
  });
  const travellers = [
    // The mayor's service passport runs out three months after the return: the trip is flagged.
    { personId: personIds.get('Пламен Веселинов Кирилов')!, expiry: addMonths(tday(2), 3), number: 'SP0471123' },
    { personId: personIds.get('Жана Тихомирова')!, expiry: addMonths(today, 50), number: 'SP0533918' },
  ];
  const officer = await createPerson(db, specialist, { name: 'Калина Стоянова', nameLatin: 'Kalina Stoyanova', organizationId: orgIds.get('ruse'), position: t('Старши специалист „Протокол“', 'პროტოკოლის უფროსი სპეციალისტი', 'Senior protocol specialist'), languages: ['bg', 'en', 'ru'] });
  travellers.push({ personId: officer.id, expiry: addMonths(today, 70), number: 'SP0620457' });
  for (const traveller of travellers) {
    await createPassport(db, config, specialist, { personId: traveller.personId, number: traveller.number, kind: 'service', issuingCountry: 'BG', issuedOn: addMonths(traveller.expiry, -60), expiresOn: traveller.expiry });
    const p = await add(participantSpec, trip.id, { role: 'traveller', personId: traveller.personId });
    await add(ticketSpec, trip.id, { participantId: p.id, carrier: 'Georgian Airways', number: 'A9 0612', from: 'Sofia (SOF)', to: 'Tbilisi (TBS)', departureAt: `${tday(0)}T08:20`, departureTimeZone: 'Europe/Sofia', arrivalAt: `${tday(0)}T13:05`, arrivalTimeZone: 'Asia/Tbilisi', bookingReference: 'LGT4Q7' });
    await add(ticketSpec, trip.id, { participantId: p.id, carrier: 'Georgian Airways', number: 'A9 0613', from: 'Tbilisi (TBS)', to: 'Sofia (SOF)', departureAt: `${tday(2)}T14:30`, departureTimeZone: 'Asia/Tbilisi', arrivalAt: `${tday(2)}T15:35`, arrivalTimeZone: 'Europe/Sofia', bookingReference: 'LGT4Q7' });
    await add(accommodationSpec, trip.id, { participantId: p.id, hotelName: 'Hotel Mtkvari View, Tbilisi', checkIn: tday(0), checkOut: tday(2) });
  }
  for (const [n, startTime, end, title, place, extra] of TRIP_PROGRAMME) {
    await add(programmeSpec, trip.id, { day: tday(n), start: startTime, end, title, place, attendeesText: 'The Mayor and the delegation of Ruse', ...extra });
  }
  for (const line of [
    { category: 'travel', description: 'Flights SOF–TBS–SOF, 3 people', estimate: 1740, currency: 'EUR' },
    { category: 'accommodation', description: '3 rooms × 2 nights', estimate: 1350, currency: 'GEL' },
    { category: 'per_diem', description: '3 people × 3 days', estimate: 360, currency: 'EUR' },
    { category: 'local_transport', description: 'Car with driver', estimate: 300, currency: 'GEL' },
    { category: 'gifts', description: 'Gifts for the hosts', estimate: 180, actual: 172.4, currency: 'EUR' },
    { category: 'insurance', description: 'Travel insurance', estimate: 45, actual: 45, currency: 'EUR' },
  ]) {
    await add(budgetLineSpec, trip.id, line);
  }
  await add(taskSpec, trip.id, { title: 'Заповед за командировка', service: 'other', dueDate: addDays(tripStart, -14), assigneeId: head.id });
  await add(taskSpec, trip.id, { title: 'Застраховки за пътуването', service: 'other', dueDate: addDays(tripStart, -7), done: true });
  await add(giftSpec, trip.id, { direction: 'given', counterpart: 'Mayor of Tbilisi', description: 'Ръчно тъкан килим от Чипровци (умален)', value: 180, currency: 'EUR', date: tday(0) });
}
