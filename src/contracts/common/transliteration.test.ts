import { describe, expect, it } from 'vitest';
import {
  detectScript,
  proposeLatin,
  searchFold,
  transliterateBulgarian,
  transliterateGeorgian,
} from './transliteration.js';

describe('transliterateBulgarian', () => {
  it.each([
    ['София', 'Sofia'],
    ['Стара Загора', 'Stara Zagora'],
    ['Русе', 'Ruse'],
    ['Столична община', 'Stolichna obshtina'],
    ['Щастливец', 'Shtastlivets'],
    ['Христо Ботев', 'Hristo Botev'],
    ['Георги', 'Georgi'],
    ['Юлия', 'Yulia'],
    ['България', 'Bulgaria'],
  ])('%s → %s', (cyrillic, latin) => {
    expect(transliterateBulgarian(cyrillic)).toBe(latin);
  });

  it('covers the whole official letter table', () => {
    expect(transliterateBulgarian('абвгдежзийклмнопрстуфхцчшщъьюя')).toBe(
      'abvgdezhziyklmnoprstufhtschshshtayyuya',
    );
    expect(transliterateBulgarian('АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЬЮЯ')).toBe(
      'ABVGDEZHZIYKLMNOPRSTUFHTSCHSHSHTAYYUYA',
    );
  });

  it('writes the country name as Bulgaria in every letter case and phrase', () => {
    expect(transliterateBulgarian('Република България')).toBe('Republika Bulgaria');
    expect(transliterateBulgarian('РЕПУБЛИКА БЪЛГАРИЯ')).toBe('REPUBLIKA BULGARIA');
    expect(transliterateBulgarian('в българия')).toBe('v bulgaria');
    expect(transliterateBulgarian('Северна България.')).toBe('Severna Bulgaria.');
    // Only the country name is an exception: the adjective follows the table.
    expect(transliterateBulgarian('български')).toBe('balgarski');
  });

  it('preserves capitalisation of multi-letter sounds', () => {
    expect(transliterateBulgarian('ЩАСТЛИВЕЦ')).toBe('SHTASTLIVETS');
    expect(transliterateBulgarian('Щ')).toBe('Sht');
    expect(transliterateBulgarian('Жана Цветкова')).toBe('Zhana Tsvetkova');
    expect(transliterateBulgarian('ЖЕЛЯЗКОВ')).toBe('ZHELYAZKOV');
    expect(transliterateBulgarian('Юрий Чернев')).toBe('Yuriy Chernev');
  });

  it('writes "ия" as "ia" only at the end of a word', () => {
    expect(transliterateBulgarian('Мария')).toBe('Maria');
    expect(transliterateBulgarian('МАРИЯ')).toBe('MARIA');
    expect(transliterateBulgarian('Мария-Антоанета')).toBe('Maria-Antoaneta');
    expect(transliterateBulgarian('Ия Кияшко')).toBe('Iya Kiyashko');
    expect(transliterateBulgarian('Илиян')).toBe('Iliyan');
    expect(transliterateBulgarian('Гергана Ангелова, 2024 г.')).toBe('Gergana Angelova, 2024 g.');
  });

  it('maps ь and ьо, ъ, ѝ and decomposed й', () => {
    expect(transliterateBulgarian('Кьосев')).toBe('Kyosev');
    expect(transliterateBulgarian('Ъгъл')).toBe('Agal');
    expect(transliterateBulgarian('ѝ')).toBe('i');
    expect(transliterateBulgarian('Николаи\u0306')).toBe('Nikolay');
  });

  it('keeps everything that is not Cyrillic', () => {
    expect(transliterateBulgarian('')).toBe('');
    expect(transliterateBulgarian('Sofia 1000, ул. „Раковски“ № 5')).toBe('Sofia 1000, ul. „Rakovski“ № 5');
    expect(transliterateBulgarian('თბილისი')).toBe('თბილისი');
  });

  it('gives other Cyrillic alphabets a Latin form', () => {
    expect(transliterateBulgarian('Ђорђе Ђоковић')).toBe('Đorđe Đoković');
    expect(transliterateBulgarian('Њујорк')).toBe('Njujork');
    expect(transliterateBulgarian('Ѓорѓи')).toBe('Gjorgji');
    expect(transliterateBulgarian('Їжак')).toBe('Yizhak');
    expect(transliterateBulgarian('Эльдар')).toBe('Elydar');
  });
});

describe('transliterateGeorgian', () => {
  it.each([
    ['ზუგდიდი', 'Zugdidi', 'Zugdidi'],
    ['თბილისი', 'Tbilisi', 'Tbilisi'],
    ['ქუთაისი', 'Kutaisi', 'Kutaisi'],
    ['ახმეტა', 'Akhmeta', "Akhmet'a"],
    ['ჭიათურა', 'Chiatura', "Ch'iatura"],
    ['წყალტუბო', 'Tsqaltubo', "Ts'q'alt'ubo"],
    ['საქართველო', 'Sakartvelo', 'Sakartvelo'],
    ['მარიკა', 'Marika', "Marik'a"],
  ])('%s → %s / %s', (georgian, common, strict) => {
    expect(transliterateGeorgian(georgian)).toBe(common);
    expect(transliterateGeorgian(georgian, { strict: false })).toBe(common);
    expect(transliterateGeorgian(georgian, { strict: true })).toBe(strict);
  });

  it('covers the whole 33-letter table', () => {
    const alphabet = 'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ';
    expect([...alphabet]).toHaveLength(33);
    expect(transliterateGeorgian(alphabet, { strict: true })).toBe(
      "Abgdevztik'lmnop'zhrst'upkghq'shchtsdzts'ch'khjh",
    );
    expect(transliterateGeorgian(alphabet)).toBe('Abgdevztiklmnopzhrstupkghqshchtsdztschkhjh');
  });

  it('capitalises the first letter of each word and keeps punctuation', () => {
    expect(transliterateGeorgian('ქალაქ თბილისის მერია')).toBe('Kalak Tbilisis Meria');
    expect(transliterateGeorgian('ილია ჭავჭავაძე, 1837–1907')).toBe('Ilia Chavchavadze, 1837–1907');
    expect(transliterateGeorgian('ბათუმი-ქობულეთი')).toBe('Batumi-Kobuleti');
    expect(transliterateGeorgian('')).toBe('');
  });

  it('reads Mtavruli (title capitals) as the same letters and never produces it', () => {
    expect(transliterateGeorgian('ᲗᲑᲘᲚᲘᲡᲘ')).toBe('Tbilisi');
    const out = transliterateGeorgian('საქართველოს პარლამენტი');
    expect(out).toBe('Sakartvelos Parlamenti');
    expect(out).not.toMatch(/\p{Script=Georgian}/u);
  });

  it('leaves non-Georgian text alone', () => {
    expect(transliterateGeorgian('Sofia, София')).toBe('Sofia, София');
  });
});

describe('detectScript', () => {
  it('finds the dominant script of the letters', () => {
    expect(detectScript('София')).toBe('cyrillic');
    expect(detectScript('თბილისი')).toBe('georgian');
    expect(detectScript('Zürich')).toBe('latin');
    expect(detectScript('Αθήνα')).toBe('other');
    expect(detectScript('Sofia (София, България)')).toBe('cyrillic');
    expect(detectScript('Municipality of თბილისი')).toBe('latin');
  });

  it('ignores digits and punctuation; no letters is "other"', () => {
    expect(detectScript('')).toBe('other');
    expect(detectScript('123 — 456!')).toBe('other');
    expect(detectScript('№ 5, ул. 12')).toBe('cyrillic');
  });
});

describe('proposeLatin', () => {
  it('picks the system by script', () => {
    expect(proposeLatin('Христо Ботев')).toBe('Hristo Botev');
    expect(proposeLatin('წყალტუბო')).toBe('Tsqaltubo');
    expect(proposeLatin('Zürich')).toBe('Zürich');
    expect(proposeLatin('Република България')).toBe('Republika Bulgaria');
  });

  it('transliterates each run of mixed text by its own script', () => {
    expect(proposeLatin('Побратимяване София – თბილისი')).toBe('Pobratimyavane Sofia – Tbilisi');
    expect(proposeLatin('Mayor Юлия Иванова / მარიკა ჭიათურა')).toBe('Mayor Yulia Ivanova / Marika Chiatura');
  });

  it('keeps numbers, punctuation and spacing', () => {
    expect(proposeLatin('')).toBe('');
    expect(proposeLatin('бул. „Витоша“ 15, ет. 3 (офис №7)')).toBe('bul. „Vitosha“ 15, et. 3 (ofis №7)');
    expect(proposeLatin('  Русе  ')).toBe('  Ruse  ');
    expect(proposeLatin('2024-05-01')).toBe('2024-05-01');
  });
});

describe('searchFold', () => {
  it('folds scripts to the same plain Latin form', () => {
    expect(searchFold('ზუგდიდი')).toBe('zugdidi');
    expect(searchFold('Zugdidi')).toBe('zugdidi');
    expect(searchFold('Русе')).toBe('ruse');
    expect(searchFold('Zürich')).toBe('zurich');
    expect(searchFold('София')).toBe(searchFold('Sofia'));
    expect(searchFold('България')).toBe(searchFold('BULGARIA'));
    expect(searchFold('Столична община')).toBe('stolichna obshtina');
  });

  it('drops the apostrophes of the strict Georgian form', () => {
    expect(searchFold('წყალტუბო')).toBe('tsqaltubo');
    expect(searchFold("Ts'q'alt'ubo")).toBe('tsqaltubo');
    expect(searchFold('Ts’q’alt’ubo')).toBe('tsqaltubo');
    expect(searchFold('ᲗᲑᲘᲚᲘᲡᲘ')).toBe('tbilisi');
  });

  it('strips Latin diacritics and special letters', () => {
    expect(searchFold('Straße')).toBe('strasse');
    expect(searchFold('Ørsted Łódź')).toBe('orsted lodz');
    expect(searchFold('Æsir Œuvre')).toBe('aesir oeuvre');
    expect(searchFold('Đorđe')).toBe('dorde');
    expect(searchFold('İstanbul Kadıköy')).toBe('istanbul kadikoy');
    expect(searchFold('São Tomé e Príncipe')).toBe('sao tome e principe');
  });

  it('maps the letters of other Cyrillic alphabets', () => {
    expect(searchFold('Ђорђе')).toBe(searchFold('Đorđe'));
    expect(searchFold('Ђоковић')).toBe('dokovic');
    expect(searchFold('Фёдор')).toBe('fedor');
    expect(searchFold('Київ')).toBe('kiyiv');
    expect(searchFold('Єлизавета')).toBe('yelizaveta');
    expect(searchFold('Ґалаґан')).toBe('galagan');
    expect(searchFold('Вы Эх')).toBe('vy eh');
    expect(searchFold('Љубљана Његош Џеп Ћирило Јован')).toBe('ljubljana njegosh dzep cirilo jovan');
    expect(searchFold('Ѓорѓи Ќосе Ѕвезда')).toBe('gjorgji kjose dzvezda');
    expect(searchFold('Беларусь Ў')).toBe('belarusy u');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(searchFold('')).toBe('');
    expect(searchFold('   ')).toBe('');
    expect(searchFold('  Sofia,   Bulgaria!  ')).toBe('sofia bulgaria');
    expect(searchFold('бул. „Витоша“ №15')).toBe('bul vitosha no15');
    expect(searchFold('Stara-Zagora/Русе')).toBe('stara zagora ruse');
    expect(searchFold("O'Brien")).toBe('obrien');
    expect(searchFold('Tab\tand\nnew line')).toBe('tab and new line');
  });

  it('is idempotent', () => {
    for (const s of ['Република България', 'წყალტუბო', 'Zürich, Straße 5', 'Ђорђе']) {
      expect(searchFold(searchFold(s))).toBe(searchFold(s));
    }
  });
});
