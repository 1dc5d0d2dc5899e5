import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mlText } from '../../../contracts/common/multilingual.js';
import { formatDate, formatDateRange, formatDateWithWeekday, formatMoment, todayIn } from './dates.js';
import { docxLetterhead, docxPageFooter, docxParagraph, docxRuns, docxSectionPage, docxTable, renderDocx } from './docx.js';
import { renderPdf, withScriptFonts } from './pdf.js';
import { splitByScript } from './scripts.js';
import { docxParts, pdfText } from './testing.js';
import { localise } from './text.js';

describe('script runs', () => {
  it('keeps a Georgian phrase with its spaces and punctuation in one run', () => {
    expect(splitByScript('Среща — შეხვედრა მერთან, 10:00 (Meeting)')).toEqual([
      { text: 'Среща — ', script: 'other' },
      { text: 'შეხვედრა მერთან, 10:00 (', script: 'georgian' },
      { text: 'Meeting)', script: 'other' },
    ]);
    expect(splitByScript('  «ქუთაისი»')).toEqual([{ text: '  «ქუთაისი»', script: 'georgian' }]);
    expect(splitByScript('Sofia, София')).toEqual([{ text: 'Sofia, София', script: 'other' }]);
    expect(splitByScript('')).toEqual([]);
  });

  it('puts Georgian on the Georgian font throughout pdfmake content, and leaves set fonts alone', () => {
    const out = withScriptFonts([
      'Кутаиси / ქუთაისი',
      { table: { body: [[{ stack: ['თბილისი'] }, { text: ['a ', { text: 'ბ', bold: true }] }]] } },
      { text: 'ჯ', font: 'Custom' },
    ]);
    expect(out).toEqual([
      { text: ['Кутаиси / ', { text: 'ქუთაისი', font: 'NotoSansGeorgian' }] },
      {
        table: {
          body: [[{ stack: [{ text: [{ text: 'თბილისი', font: 'NotoSansGeorgian' }] }] }, { text: ['a ', { text: [{ text: 'ბ', font: 'NotoSansGeorgian' }], bold: true }] }]],
        },
      },
      { text: 'ჯ', font: 'Custom' },
    ]);
  });
});

describe('dates in the document languages', () => {
  it('writes dates and ranges as each language does', () => {
    expect(formatDate('bg', '2027-04-22')).toBe('22 април 2027 г.');
    expect(formatDate('ka', '2027-04-22')).toBe('22 აპრილი, 2027');
    expect(formatDateRange('en', '2027-04-22', '2027-04-24')).toBe('22–24 April 2027');
    expect(formatDateRange('ka', '2027-04-29', '2027-05-02')).toBe('29 აპრილი – 2 მაისი, 2027');
    expect(formatDateRange('bg', '2027-12-30', '2028-01-02')).toBe('30 декември 2027 г. – 2 януари 2028 г.');
    expect(formatDateRange('en', '2027-04-22', '2027-04-22')).toBe('22 April 2027');
    expect(formatDateWithWeekday('bg', '2027-04-22')).toBe('четвъртък, 22 април 2027 г.');
    expect(formatDateWithWeekday('ka', '2027-04-25')).toBe('კვირა, 25 აპრილი, 2027');
  });

  it('prints arrivals: ISO moments as dates, free text as it is', () => {
    expect(formatMoment('en', '2027-04-22T10:30', 'Europe/Sofia')).toBe('22 April 2027, 10:30');
    expect(formatMoment('en', '2027-04-22T07:30:00Z', 'Europe/Sofia')).toBe('22 April 2027, 10:30');
    expect(formatMoment('ka', '2027-04-22T10:30', 'Asia/Tbilisi', { contextYear: 2027 })).toBe('22 აპრილი, 10:30');
    expect(formatMoment('bg', '2027-04-22', 'Europe/Sofia')).toBe('22 април 2027 г.');
    expect(formatMoment('bg', '22.04, полет FB 361', 'Europe/Sofia')).toBe('22.04, полет FB 361');
    expect(formatMoment('en', '2027-04-22T10:30, FB 361, Sofia Airport', 'Europe/Sofia', { contextYear: 2027 })).toBe('22 April, 10:30, FB 361, Sofia Airport');
    expect(formatMoment('en', '2027-04-22T10:30Z', 'Asia/Tbilisi')).toBe('22 April 2027, 14:30');
    expect(formatMoment('en', '2027-04-221', 'Europe/Sofia')).toBe('2027-04-221');
    expect(todayIn('Asia/Tbilisi', new Date('2027-04-21T22:30:00Z'))).toBe('2027-04-22');
  });
});

describe('localised values', () => {
  it('falls back to the original and says so', () => {
    const text = mlText('ka', { ka: 'ქუთაისი', en: 'Kutaisi' });
    expect(localise(text, 'en')).toEqual({ text: 'Kutaisi', missing: false });
    expect(localise(text, 'bg')).toEqual({ text: 'ქუთაისი', missing: true });
    expect(localise(null, 'bg')).toBeNull();
  });
});

describe('PDF', () => {
  it('embeds Noto Sans and Noto Sans Georgian and keeps every character of all three scripts', async () => {
    const pdf = await renderPdf({
      content: [
        { text: 'Програма за посещението — ვიზიტის პროგრამა — Programme', bold: true },
        'Делегация: ქუთაისის მუნიციპალიტეტი, №5 «Kutaisi» 0123456789',
        { text: 'ბატონო Георги', italics: true },
      ],
      footer: (page, pages) => ({ text: `გვერდი ${page} / ${pages}`, alignment: 'right', margin: [42, 10] }),
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Програма за посещението — ვიზიტის პროგრამა — Programme');
    expect(text).toContain('Делегация: ქუთაისის მუნიციპალიტეტი, №5 «Kutaisi» 0123456789');
    expect(text).toContain('ბატონო Георги');
    expect(text).toContain('გვერდი 1 / 1');

    const dir = await mkdtemp(join(tmpdir(), 'legato-pdf-'));
    try {
      await writeFile(join(dir, 'a.pdf'), pdf);
      const { stdout } = await promisify(execFile)('pdffonts', [join(dir, 'a.pdf')]);
      for (const font of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSansGeorgian-Regular', 'NotoSansGeorgian-Bold']) {
        expect(stdout).toContain(font);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('does not read local files or URLs a document names', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow(/access policy/);
    await expect(renderPdf({ content: [{ image: 'https://example.org/x.png' }] })).rejects.toThrow(/access policy/);
  });
});

describe('DOCX', () => {
  it('sets Georgian runs in Sylfaen and the rest in Arial, with proofing languages, and page fields in the footer', async () => {
    const docx = await renderDocx({
      title: 'Test',
      lang: 'bg',
      sections: [
        {
          properties: docxSectionPage('portrait'),
          footers: { default: docxPageFooter('Лява бележка', ['bg', 'ka'], 'portrait') },
          children: [
            ...docxLetterhead(null, 'Община …'),
            docxParagraph('Среща — შეხვედრა მერთან\nMeeting'),
            docxTable({ columnWidths: [2000, 7638], header: [['Час', 'ადგილი']], rows: [['09:00', 'მერია']] }),
          ],
        },
      ],
    });
    const { body, footers, xml } = await docxParts(docx);
    expect(body).toContain('[Община …]');
    expect(body).toContain('Среща — შეხვედრა მერთან\nMeeting');
    expect(body).toContain('ადგილი');
    expect(footers).toContain('Лява бележка\tСтраница {PAGE} от {NUMPAGES}  ·  გვერდი {PAGE} / {NUMPAGES}');
    const doc = xml['word/document.xml'];
    expect(doc).toMatch(/<w:rFonts w:ascii="Sylfaen" w:cs="Sylfaen" w:hAnsi="Sylfaen"\/>[\s\S]*?<w:lang w:val="ka-GE"\/>[\s\S]*?<w:t xml:space="preserve">შეხვედრა მერთან<\/w:t>/);
    expect(doc).toMatch(/<w:rFonts w:ascii="Arial" w:cs="Arial" w:hAnsi="Arial"\/>[\s\S]*?<w:lang w:val="bg-BG"\/>[\s\S]*?<w:t xml:space="preserve">Среща — <\/w:t>/);
    expect(docxRuns('a\n\nb')).toHaveLength(3); // the empty line is a break of its own
  });
});
