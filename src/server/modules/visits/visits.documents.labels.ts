import type { DocLang, ProgrammeDocument } from './visits.documents.js';

/**
 * The fixed words of the visit documents in each document language (the glossary's words).
 * Typed as Record<DocLang, ...> so a language without its text fails the type check.
 */

export type ParticipantRole = ProgrammeDocument['participants'][number]['role'];

export interface VisitDocumentLabels {
  programme: string; // running header and document title of the programme
  participantsList: string;
  dates: string;
  sendingSide: Record<ProgrammeDocument['direction'], string>;
  destination: string;
  purpose: string;
  contact: string;
  phone: string;
  email: string;
  day: (n: number) => string;
  time: string;
  item: string;
  place: string;
  attendees: string;
  responsible: string;
  transport: string;
  dressCode: string;
  noItems: string;
  noItemsThisDay: string;
  roles: Record<ParticipantRole, string>;
  number: string;
  name: string;
  position: string;
  organization: string;
  arrival: string;
  departure: string;
  noParticipants: string;
  letter: {
    letterhead: string; // placeholder until the office's details are in the settings
    subject: string;
    /** The greeting line; `address` is the form of address or the name. */
    salutation: (address: string) => string;
    body: string[];
    contact: (who: string) => string;
    closing: string;
    wishes: string;
    signatureName: string;
    signaturePosition: string;
    enclosure: string;
  };
}

/** True when the form of address already begins with a greeting word, so it is the whole salutation. */
function startsWith(address: string, stems: string[]): boolean {
  const lower = address.toLocaleLowerCase();
  return stems.some((stem) => lower.startsWith(stem));
}

export const VISIT_LABELS: Record<DocLang, VisitDocumentLabels> = {
  bg: {
    programme: 'Програма за посещението',
    participantsList: 'Списък на участниците',
    dates: 'Дати',
    sendingSide: { incoming: 'Делегация', outgoing: 'Домакин' },
    destination: 'Място',
    purpose: 'Цел на посещението',
    contact: 'За контакт',
    phone: 'тел.',
    email: 'ел. поща',
    day: (n) => `Ден ${n}`,
    time: 'Час',
    item: 'Мероприятие',
    place: 'Място',
    attendees: 'Участници',
    responsible: 'Отговорник',
    transport: 'Транспорт',
    dressCode: 'Облекло',
    noItems: 'Все още няма точки в програмата.',
    noItemsThisDay: 'Няма точки в програмата за този ден.',
    roles: { guest: 'Гости', host: 'Домакини', interpreter: 'Преводачи', traveller: 'Командировани', other: 'Други' },
    number: '№',
    name: 'Име',
    position: 'Длъжност',
    organization: 'Организация',
    arrival: 'Пристигане',
    departure: 'Заминаване',
    noParticipants: 'Все още няма въведени участници.',
    letter: {
      letterhead: 'Община … / отдел …',
      subject: 'Относно',
      // The adjective agrees with the addressee; "г-жо"/"госпожо" tells a woman, else the masculine (also the polite plural).
      salutation: (address) =>
        startsWith(address, ['уважаем', 'драг'])
          ? `${address},`
          : `${startsWith(address, ['г-жо', 'госпожо']) ? 'Уважаема' : 'Уважаеми'} ${address},`,
      body: [
        'От името на общината имам удоволствието да приветствам Вас и членовете на Вашата делегация.',
        'Приложено Ви изпращаме програмата за посещението.',
      ],
      contact: (who) => `За всички въпроси по време на престоя Ви можете да се обърнете към ${who}.`,
      wishes: 'Пожелаваме Ви приятен престой и ползотворни срещи.',
      closing: 'С уважение,',
      signatureName: 'Име и фамилия',
      signaturePosition: 'Длъжност',
      enclosure: 'Приложение: Програма за посещението',
    },
  },
  ka: {
    programme: 'ვიზიტის პროგრამა',
    participantsList: 'მონაწილეთა სია',
    dates: 'თარიღები',
    sendingSide: { incoming: 'დელეგაცია', outgoing: 'მასპინძელი' },
    destination: 'დანიშნულების ადგილი',
    purpose: 'ვიზიტის მიზანი',
    contact: 'საკონტაქტო პირი',
    phone: 'ტელ.',
    email: 'ელ. ფოსტა',
    day: (n) => `დღე ${n}`,
    time: 'დრო',
    item: 'ღონისძიება',
    place: 'ადგილი',
    attendees: 'მონაწილეები',
    responsible: 'პასუხისმგებელი',
    transport: 'ტრანსპორტი',
    dressCode: 'დრეს-კოდი',
    noItems: 'პროგრამაში ჯერ არაფერია დამატებული.',
    noItemsThisDay: 'ამ დღისთვის პროგრამაში არაფერია დამატებული.',
    roles: { guest: 'სტუმრები', host: 'მასპინძლები', interpreter: 'თარჯიმნები', traveller: 'მივლინებული პირები', other: 'სხვები' },
    number: '№',
    name: 'სახელი და გვარი',
    position: 'თანამდებობა',
    organization: 'ორგანიზაცია',
    arrival: 'ჩამოსვლა',
    departure: 'გამგზავრება',
    noParticipants: 'მონაწილეები ჯერ არ არის დამატებული.',
    letter: {
      letterhead: 'მუნიციპალიტეტი … / სამსახური …',
      subject: 'თემა',
      salutation: (address) => (startsWith(address, ['პატივცემულ', 'ძვირფას']) ? `${address},` : `პატივცემულო ${address},`),
      body: [
        'მუნიციპალიტეტის სახელით გულითადად მოგესალმებით თქვენ და თქვენი დელეგაციის წევრებს.',
        'ვიზიტის პროგრამა თან ერთვის.',
      ],
      contact: (who) => `ვიზიტის განმავლობაში ნებისმიერ საკითხზე შეგიძლიათ მიმართოთ: ${who}.`,
      wishes: 'გისურვებთ სასიამოვნო ყოფნას და ნაყოფიერ შეხვედრებს.',
      closing: 'პატივისცემით,',
      signatureName: 'სახელი და გვარი',
      signaturePosition: 'თანამდებობა',
      enclosure: 'დანართი: ვიზიტის პროგრამა',
    },
  },
  en: {
    programme: 'Programme of the visit',
    participantsList: 'List of participants',
    dates: 'Dates',
    sendingSide: { incoming: 'Delegation', outgoing: 'Host' },
    destination: 'Destination',
    purpose: 'Purpose of the visit',
    contact: 'Contact',
    phone: 'tel.',
    email: 'email',
    day: (n) => `Day ${n}`,
    time: 'Time',
    item: 'Activity',
    place: 'Venue',
    attendees: 'Participants',
    responsible: 'Responsible',
    transport: 'Transport',
    dressCode: 'Dress code',
    noItems: 'No programme items yet.',
    noItemsThisDay: 'No programme items on this day.',
    roles: { guest: 'Guests', host: 'Hosts', interpreter: 'Interpreters', traveller: 'Travellers', other: 'Others' },
    number: 'No.',
    name: 'Name',
    position: 'Position',
    organization: 'Organisation',
    arrival: 'Arrival',
    departure: 'Departure',
    noParticipants: 'No participants yet.',
    letter: {
      letterhead: 'Municipality … / Office …',
      subject: 'Subject',
      salutation: (address) => (startsWith(address, ['dear ', 'your excellency']) ? `${address},` : `Dear ${address},`),
      body: [
        'On behalf of the Municipality, it is my pleasure to welcome you and the members of your delegation.',
        'Please find enclosed the programme of your visit.',
      ],
      contact: (who) => `Should you have any questions during your stay, please contact ${who}.`,
      wishes: 'We wish you a pleasant stay and fruitful meetings.',
      closing: 'Yours sincerely,',
      signatureName: 'Name and surname',
      signaturePosition: 'Position',
      enclosure: 'Enclosure: Programme of the visit',
    },
  },
};
