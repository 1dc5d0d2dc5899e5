import { describe, expect, it } from 'vitest';
import { mlText } from '../../../contracts/common/multilingual.js';
import { docxParts, pdfPageCount, pdfText } from '../../platform/documents/testing.js';
import {
  renderParticipantsPdf,
  renderProgrammeDocx,
  renderProgrammePdf,
  renderWelcomeLetterDocx,
  type DocLang,
  type ProgrammeDocument,
} from './visits.documents.js';

// A fictional three-day visit of a Georgian delegation to a Bulgarian municipality.
function buildProgramme(overrides: Partial<ProgrammeDocument> = {}): ProgrammeDocument {
  const item = (
    start: string,
    end: string | null,
    title: Record<string, string>,
    place: Record<string, string> | null,
    more: Partial<ProgrammeDocument['days'][number]['items'][number]> = {},
  ) => ({
    start,
    end,
    title: mlText('bg', title),
    place: place ? mlText('bg', place) : null,
    notes: null,
    attendees: '',
    responsible: null,
    transport: null,
    dressCode: null,
    ...more,
  });
  return {
    direction: 'incoming',
    title: mlText('bg', {
      bg: 'Официално посещение на делегация от Кутаиси',
      ka: 'ქუთაისის დელეგაციის ოფიციალური ვიზიტი',
      en: 'Official visit of the Kutaisi delegation',
    }),
    purpose: mlText('bg', {
      bg: 'Подписване на меморандум за сътрудничество в културата',
      ka: 'კულტურის სფეროში თანამშრომლობის მემორანდუმის ხელმოწერა',
      en: 'Signing a memorandum of cooperation in culture',
    }),
    startDate: '2027-04-22',
    endDate: '2027-04-24',
    timeZone: 'Europe/Sofia',
    sendingSide: mlText('ka', { ka: 'ქუთაისის მუნიციპალიტეტის მერია', bg: 'Кметство на Кутаиси', en: 'Kutaisi City Hall' }),
    destination: null,
    days: [
      {
        date: '2027-04-22',
        items: [
          item(
            '10:30',
            '11:30',
            { bg: 'Посрещане на делегацията', ka: 'დელეგაციის დახვედრა', en: 'Meeting the delegation' },
            { bg: 'Летище София, Терминал 2', ka: 'სოფიის აეროპორტი, ტერმინალი 2', en: 'Sofia Airport, Terminal 2' },
            { attendees: 'Деляна Кирова, Ростислав Генов', responsible: 'Деляна Кирова', transport: 'Микробус / minibus' },
          ),
          item(
            '13:00',
            '14:30',
            { bg: 'Работен обяд', ka: 'სამუშაო სადილი', en: 'Working lunch' },
            { bg: 'Ресторант „Старата липа“', ka: 'რესტორანი „ძველი ცაცხვი“', en: 'The Old Linden restaurant' },
            { notes: mlText('bg', { bg: 'Вегетарианско меню за двама гости', ka: 'ვეგეტარიანული მენიუ ორი სტუმრისთვის' }) },
          ),
          item(
            '16:00',
            '17:00',
            { bg: 'Среща с кмета на общината', ka: 'შეხვედრა მუნიციპალიტეტის მერთან', en: 'Meeting with the Mayor' },
            { bg: 'Общинска администрация, зала 1', ka: 'მერია, დარბაზი 1', en: 'City Hall, room 1' },
            { attendees: 'Кмет, делегация', dressCode: 'Делово облекло' },
          ),
        ],
      },
      {
        date: '2027-04-23',
        items: [
          item(
            '09:30',
            '11:00',
            { bg: 'Подписване на меморандума', ka: 'მემორანდუმის ხელმოწერა', en: 'Signing of the memorandum' },
            { bg: 'Общински съвет, голямата зала', ka: 'საკრებულო, დიდი დარბაზი', en: 'Municipal Council, main hall' },
            { attendees: 'Кмет, председател на общинския съвет', responsible: 'Ростислав Генов' },
          ),
          item('11:30', '12:00', { bg: 'Пресконференция', ka: 'პრესკონფერენცია', en: 'Press conference' }, null),
          item(
            '19:00',
            '22:00',
            { bg: 'Официален прием', ka: 'ოფიციალური მიღება', en: 'Official reception' },
            { bg: 'Хотел „Дунав“, бална зала', ka: 'სასტუმრო „დუნაი“, საბანკეტო დარბაზი', en: 'Danube Hotel, ballroom' },
            { dressCode: 'Тъмен костюм' },
          ),
        ],
      },
      {
        date: '2027-04-24',
        items: [
          item(
            '10:00',
            null,
            { bg: 'Изпращане на делегацията', ka: 'დელეგაციის გაცილება', en: 'Seeing off the delegation' },
            { bg: 'Летище София', ka: 'სოფიის აეროპორტი', en: 'Sofia Airport' },
            { transport: 'Микробус / minibus' },
          ),
        ],
      },
    ],
    participants: [
      { name: 'ლევან ხარაბაძე', nameLatin: 'Levan Kharabadze', role: 'guest', position: 'მერის მოადგილე', organization: 'ქუთაისის მერია', arrival: '2027-04-22T10:30', departure: '2027-04-24T12:05' },
      { name: 'თამარ ჯაფარიძე', nameLatin: 'Tamar Japaridze', role: 'guest', position: 'განყოფილების უფროსი', organization: 'ქუთაისის მერია', arrival: '2027-04-22T10:30', departure: '2027-04-24T12:05' },
      { name: 'Деляна Кирова', nameLatin: 'Delyana Kirova', role: 'host', position: 'началник на отдел', organization: 'Общинска администрация', arrival: null, departure: null },
      { name: 'Ростислав Генов', nameLatin: 'Rostislav Genov', role: 'host', position: 'старши специалист', organization: 'Общинска администрация', arrival: null, departure: null },
      { name: 'Мариана Чолакова', nameLatin: 'Mariana Cholakova', role: 'interpreter', position: 'преводач', organization: null, arrival: null, departure: null },
    ],
    contact: { name: 'Деляна Кирова', phone: '+359 2 555 0101', email: 'protocol@example.org' },
    ...overrides,
  };
}

/** Whitespace folded, so phrases wrapped in a table cell still match. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

const EXPECT: Record<DocLang, { title: string; dayHeadings: string[]; items: string[]; places: string[]; page: RegExp; programme: string }> = {
  bg: {
    title: 'Официално посещение на делегация от Кутаиси',
    dayHeadings: ['Ден 1 — четвъртък, 22 април 2027 г.', 'Ден 2 — петък, 23 април 2027 г.', 'Ден 3 — събота, 24 април 2027 г.'],
    items: ['Посрещане на делегацията', 'Подписване на меморандума', 'Официален прием', 'Изпращане на делегацията'],
    places: ['Летище София, Терминал 2', 'Общински съвет, голямата зала'],
    page: /Страница 1 от (\d+)/,
    programme: 'Програма за посещението',
  },
  ka: {
    title: 'ქუთაისის დელეგაციის ოფიციალური ვიზიტი',
    dayHeadings: ['დღე 1 — ხუთშაბათი, 22 აპრილი, 2027', 'დღე 2 — პარასკევი, 23 აპრილი, 2027', 'დღე 3 — შაბათი, 24 აპრილი, 2027'],
    items: ['დელეგაციის დახვედრა', 'მემორანდუმის ხელმოწერა', 'ოფიციალური მიღება', 'დელეგაციის გაცილება'],
    places: ['სოფიის აეროპორტი, ტერმინალი 2', 'საკრებულო, დიდი დარბაზი'],
    page: /გვერდი 1 \/ (\d+)/,
    programme: 'ვიზიტის პროგრამა',
  },
  en: {
    title: 'Official visit of the Kutaisi delegation',
    dayHeadings: ['Day 1 — Thursday, 22 April 2027', 'Day 2 — Friday, 23 April 2027', 'Day 3 — Saturday, 24 April 2027'],
    items: ['Meeting the delegation', 'Signing of the memorandum', 'Official reception', 'Seeing off the delegation'],
    places: ['Sofia Airport, Terminal 2', 'Municipal Council, main hall'],
    page: /Page 1 of (\d+)/,
    programme: 'Programme of the visit',
  },
};

function expectProgrammeText(text: string, lang: DocLang): void {
  const e = EXPECT[lang];
  for (const phrase of [e.title, e.programme, ...e.dayHeadings, ...e.items, ...e.places]) expect(flat(text)).toContain(phrase);
}

describe('visit programme as PDF', () => {
  for (const lang of ['bg', 'ka', 'en'] as const) {
    it(`prints the programme in ${lang} with the right script, dates and page numbers`, async () => {
      const pdf = await renderProgrammePdf(buildProgramme(), [lang]);
      const text = await pdfText(pdf);
      expectProgrammeText(text, lang);
      const pages = await pdfPageCount(pdf);
      expect(text).toMatch(EXPECT[lang].page);
      expect(Number(EXPECT[lang].page.exec(text)?.[1])).toBe(pages);
      expect(text).not.toContain('\uFFFD');
    });
  }

  it('prints bg and ka side by side, the first language on the left', async () => {
    const pdf = await renderProgrammePdf(buildProgramme(), ['bg', 'ka']);
    const text = await pdfText(pdf);
    expectProgrammeText(text, 'bg');
    expectProgrammeText(text, 'ka');
    expect(text).toMatch(EXPECT.bg.page);
    expect(text).toMatch(EXPECT.ka.page);
    // In the layout view the Bulgarian heading and the Georgian one share a line, Bulgarian first.
    const layout = await pdfText(pdf, { mode: 'layout' });
    const line = layout.split('\n').find((l) => l.includes('Ден 2 — петък'));
    expect(line).toBeDefined();
    expect(line!.indexOf('Ден 2')).toBeLessThan(line!.indexOf('დღე 2'));
  });

  it('falls back to the original language where a translation is missing', async () => {
    const text = flat(await pdfText(await renderProgrammePdf(buildProgramme(), ['en'])));
    expect(text).toContain('Вегетарианско меню за двама гости'); // notes written only in bg and ka
  });

  it('says so when the programme has no items yet', async () => {
    const empty = buildProgramme({ days: [] });
    expect(flat(await pdfText(await renderProgrammePdf(empty, ['en'])))).toContain('No programme items yet.');
    expect(flat(await pdfText(await renderProgrammePdf(empty, ['bg', 'ka'])))).toContain('პროგრამაში ჯერ არაფერია დამატებული.');
    const noItems = buildProgramme({ days: [{ date: '2027-04-22', items: [] }] });
    expect(flat(await pdfText(await renderProgrammePdf(noItems, ['ka'])))).toContain('პროგრამაში ჯერ არაფერია დამატებული.');
  });

  it('numbers days from the start of the visit, also when a day has no items', async () => {
    const base = buildProgramme();
    const text = flat(await pdfText(await renderProgrammePdf({ ...base, days: [base.days[0], base.days[2]] }, ['en'])));
    expect(text).toContain('Day 3 — Saturday, 24 April 2027');
    expect(text).not.toContain('Day 2');
  });

  it('prints a 5-day, 60-item programme on several pages', async () => {
    const doc = buildLongProgramme();
    for (const langs of [['ka'], ['bg', 'ka']] as DocLang[][]) {
      const pdf = await renderProgrammePdf(doc, langs);
      const pages = await pdfPageCount(pdf);
      expect(pages).toBeGreaterThan(2);
      const text = flat(await pdfText(pdf));
      expect(text).toContain('დღე 5 — ორშაბათი, 26 აპრილი, 2027');
      expect(text).toContain(`გვერდი ${pages} / ${pages}`);
      expect(text).toContain('ღონისძიება 60');
    }
  });
});

describe('visit programme as DOCX', () => {
  for (const langs of [['bg'], ['ka'], ['en'], ['bg', 'ka']] as DocLang[][]) {
    it(`writes the programme in ${langs.join('+')}`, async () => {
      const { body, headers, footers, xml } = await docxParts(await renderProgrammeDocx(buildProgramme(), langs));
      for (const lang of langs) {
        expectProgrammeText(body, lang);
        expect(headers).toContain(EXPECT[lang].programme);
      }
      expect(footers).toContain(langs[0] === 'ka' ? 'გვერდი {PAGE} / {NUMPAGES}' : langs[0] === 'bg' ? 'Страница {PAGE} от {NUMPAGES}' : 'Page {PAGE} of {NUMPAGES}');
      // Georgian runs name the Georgian font; nothing else does.
      const doc = xml['word/document.xml'];
      const runs = [...doc.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:t[^>]*>([^<]*)<\/w:t>/g)];
      expect(runs.length).toBeGreaterThan(40);
      expect(runs.some(([run]) => run.includes('w:ascii="Sylfaen"'))).toBe(langs.includes('ka'));
      for (const [run, text] of runs) {
        expect(run.includes('w:ascii="Sylfaen"'), text).toBe(/[\u10D0-\u10FF]/.test(text));
      }
    });
  }

  it('says so when the programme has no items yet', async () => {
    const { body } = await docxParts(await renderProgrammeDocx(buildProgramme({ days: [] }), ['bg', 'ka']));
    expect(body).toContain('Все още няма точки в програмата.');
    expect(body).toContain('პროგრამაში ჯერ არაფერია დამატებული.');
  });

  it('writes a 5-day, 60-item programme', async () => {
    const { body } = await docxParts(await renderProgrammeDocx(buildLongProgramme(), ['en']));
    expect(body).toContain('Day 5 — Monday, 26 April 2027');
    expect(body).toContain('Activity 60');
  });
});

describe('participants list', () => {
  it('groups people by role, with names in the original and in Latin', async () => {
    const text = flat(await pdfText(await renderParticipantsPdf(buildProgramme(), 'ka')));
    for (const phrase of ['მონაწილეთა სია', 'სტუმრები (2)', 'მასპინძლები (2)', 'თარჯიმნები (1)', 'ლევან ხარაბაძე', 'Levan Kharabadze', 'Деляна Кирова', 'მერის მოადგილე', '22 აპრილი, 10:30']) {
      expect(text).toContain(phrase);
    }
    expect(text.indexOf('სტუმრები')).toBeLessThan(text.indexOf('მასპინძლები'));
    expect(text).toMatch(/გვერდი 1 \/ 1/);
  });

  it('prints in Bulgarian and English, and an empty list says so', async () => {
    const bg = flat(await pdfText(await renderParticipantsPdf(buildProgramme(), 'bg')));
    expect(bg).toContain('Списък на участниците');
    expect(bg).toContain('Гости (2)');
    expect(bg).toContain('Пристигане');
    const en = flat(await pdfText(await renderParticipantsPdf(buildProgramme({ participants: [] }), 'en')));
    expect(en).toContain('No participants yet.');
  });
});

describe('welcome letter', () => {
  it('greets the guest in each language and encloses the programme', async () => {
    const guest = { name: 'Levan Kharabadze', formOfAddress: null };
    const expected: Record<DocLang, string[]> = {
      en: ['Dear Levan Kharabadze,', 'On behalf of the Municipality', 'Official visit of the Kutaisi delegation, 22–24 April 2027', 'Enclosure: Programme of the visit', 'please contact Деляна Кирова, tel. +359 2 555 0101, email protocol@example.org.'],
      bg: ['Уважаеми Levan Kharabadze,', 'От името на общината', 'Официално посещение на делегация от Кутаиси, 22–24 април 2027 г.', 'Приложение: Програма за посещението'],
      ka: ['პატივცემულო Levan Kharabadze,', 'მუნიციპალიტეტის სახელით', 'ქუთაისის დელეგაციის ოფიციალური ვიზიტი, 22–24 აპრილი, 2027', 'დანართი: ვიზიტის პროგრამა', '[სახელი და გვარი]'],
    };
    for (const lang of ['bg', 'ka', 'en'] as const) {
      const { body } = await docxParts(await renderWelcomeLetterDocx(buildProgramme(), lang, guest));
      for (const phrase of expected[lang]) expect(body).toContain(phrase);
    }
  });

  it('uses the form of address, in the form the language needs', async () => {
    const letter = async (lang: DocLang, formOfAddress: string) =>
      (await docxParts(await renderWelcomeLetterDocx(buildProgramme(), lang, { name: 'X', formOfAddress }))).body;
    expect(await letter('bg', 'г-жо Чолакова')).toContain('Уважаема г-жо Чолакова,');
    expect(await letter('bg', 'господин Заместник-кмет')).toContain('Уважаеми господин Заместник-кмет,');
    expect(await letter('ka', 'ბატონო ლევან')).toContain('პატივცემულო ბატონო ლევან,');
    expect(await letter('en', 'Your Excellency')).toContain('Your Excellency,');
    expect(await letter('en', 'Your Excellency')).not.toContain('Dear Your');
  });
});

/** Five days of twelve items each, the titles numbered, every column filled. */
function buildLongProgramme(): ProgrammeDocument {
  const base = buildProgramme();
  const dates = ['2027-04-22', '2027-04-23', '2027-04-24', '2027-04-25', '2027-04-26'];
  let n = 0;
  return {
    ...base,
    endDate: '2027-04-26',
    days: dates.map((date) => ({
      date,
      items: Array.from({ length: 12 }, (_, i) => {
        n += 1;
        const hour = String(8 + i).padStart(2, '0');
        return {
          start: `${hour}:00`,
          end: `${hour}:45`,
          title: mlText('bg', { bg: `Мероприятие ${n}: среща с представители на културни институции`, ka: `ღონისძიება ${n}: შეხვედრა კულტურული დაწესებულებების წარმომადგენლებთან`, en: `Activity ${n}: meeting with cultural institutions` }),
          place: mlText('bg', { bg: `Читалище „Светлина“, зала ${i + 1}`, ka: `კულტურის ცენტრი „შუქი“, დარბაზი ${i + 1}`, en: `Svetlina community centre, room ${i + 1}` }),
          notes: mlText('bg', { bg: 'Кратко представяне и дискусия', ka: 'მოკლე პრეზენტაცია და დისკუსია', en: 'Short presentation and discussion' }),
          attendees: 'Делегация, Деляна Кирова',
          responsible: 'Ростислав Генов',
          transport: 'Пеша',
          dressCode: 'Делово облекло',
        };
      }),
    })),
  };
}
