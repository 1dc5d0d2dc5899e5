import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { Header, type Paragraph, type Table } from 'docx';
import type { MultilingualText } from '../../../contracts/common/multilingual.js';
import { daysBetween, formatDate, formatDateRange, formatDateWithWeekday, formatMoment, formatTimeRange, todayIn } from '../../platform/documents/dates.js';
import { LANGUAGE_TAG, PAGE_OF } from '../../platform/documents/labels.js';
import { BAND_CELL, COLORS, contentWidth, pdfLocalised, PLAIN_LAYOUT, renderPdf, TABLE_LAYOUT, weightedWidths } from '../../platform/documents/pdf.js';
import { localise, plain, type Localised } from '../../platform/documents/text.js';
import {
  DOCX_COLORS,
  docxColumns,
  docxContentWidth,
  docxLetterhead,
  docxLocalised,
  docxPageFooter,
  docxPageHeader,
  docxParagraph,
  docxPlaceholder,
  docxRuns,
  docxSectionPage,
  docxTable,
  docxWeightedWidths,
  renderDocx,
  type DocxCell,
  type DocxCellSpec,
} from '../../platform/documents/docx.js';
import { VISIT_LABELS, type ParticipantRole, type VisitDocumentLabels } from './visits.documents.labels.js';

/** The languages a visit document can be printed in. */
export type DocLang = 'bg' | 'ka' | 'en';

/** Everything the visit documents print, already loaded and ordered by the service. */
export interface ProgrammeDocument {
  direction: 'incoming' | 'outgoing';
  title: MultilingualText;
  purpose: MultilingualText | null;
  startDate: string; // YYYY-MM-DD
  endDate: string; // YYYY-MM-DD
  timeZone: string; // IANA zone
  sendingSide: MultilingualText | null; // organisation name (incoming) or host (outgoing)
  destination: string | null; // "Tbilisi, GE" for trips
  days: {
    date: string; // YYYY-MM-DD
    items: {
      start: string; // "HH:MM" local time
      end: string | null;
      title: MultilingualText;
      place: MultilingualText | null;
      notes: MultilingualText | null;
      attendees: string;
      responsible: string | null;
      transport: string | null;
      dressCode: string | null;
    }[];
  }[];
  /** arrival/departure: free text, or an ISO date / date-time (printed as a date in the language). */
  participants: {
    name: string;
    nameLatin: string | null;
    role: 'guest' | 'host' | 'interpreter' | 'traveller' | 'other';
    position: string | null;
    organization: string | null;
    arrival: string | null;
    departure: string | null;
  }[];
  contact: { name: string; phone: string | null; email: string | null } | null;
}

type Item = ProgrammeDocument['days'][number]['items'][number];
type Participant = ProgrammeDocument['participants'][number];

/* ---------- what every format prints: texts in one language ---------- */

const OPTIONAL_COLUMNS = ['place', 'attendees', 'responsible', 'transport', 'dressCode'] as const;
type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

function columnValue(item: Item, column: OptionalColumn, lang: DocLang): Localised | null {
  if (column === 'place') return localise(item.place, lang);
  return plain(item[column]);
}

/** The optional columns that at least one item fills: the same for every day, so tables line up. */
function usedColumns(doc: ProgrammeDocument): OptionalColumn[] {
  return OPTIONAL_COLUMNS.filter((column) => doc.days.some((day) => day.items.some((item) => columnValue(item, column, 'en') !== null)));
}

/** "Day 3 — Saturday, 24 April 2027": counted from the first day of the visit, so a day without items keeps the numbering. */
function dayHeading(lang: DocLang, doc: ProgrammeDocument, index: number, date: string): string {
  const fromStart = daysBetween(doc.startDate, date) + 1;
  return `${VISIT_LABELS[lang].day(fromStart >= 1 ? fromStart : index + 1)} — ${formatDateWithWeekday(lang, date)}`;
}

function contactLine(doc: ProgrammeDocument, lang: DocLang): string | null {
  if (!doc.contact) return null;
  const l = VISIT_LABELS[lang];
  return [doc.contact.name, doc.contact.phone && `${l.phone} ${doc.contact.phone}`, doc.contact.email && `${l.email} ${doc.contact.email}`]
    .filter(Boolean)
    .join(', ');
}

/** The label/value lines under the title. */
function facts(doc: ProgrammeDocument, lang: DocLang): [string, Localised][] {
  const l = VISIT_LABELS[lang];
  const rows: [string, Localised | null][] = [
    [l.sendingSide[doc.direction], localise(doc.sendingSide, lang)],
    [l.destination, plain(doc.destination)],
    [l.purpose, localise(doc.purpose, lang)],
    [l.contact, plain(contactLine(doc, lang))],
  ];
  return rows.filter((row): row is [string, Localised] => row[1] !== null);
}

const hasItems = (doc: ProgrammeDocument) => doc.days.some((day) => day.items.length > 0);

/* ---------- PDF ---------- */

function pdfFacts(doc: ProgrammeDocument, lang: DocLang): Content {
  const rows = facts(doc, lang);
  if (rows.length === 0) return { text: '' };
  return {
    table: { widths: ['auto', '*'], body: rows.map(([label, value]) => [{ text: label, style: 'label' }, pdfLocalised(value)]) },
    layout: PLAIN_LAYOUT,
    margin: [0, 0, 0, 6],
  };
}

function pdfTitleBlock(doc: ProgrammeDocument, lang: DocLang, kicker: string): Content[] {
  return [
    { text: kicker, style: 'label', margin: [0, 0, 0, 2] },
    pdfLocalised(localise(doc.title, lang), { style: 'title' }),
    { text: formatDateRange(lang, doc.startDate, doc.endDate), style: 'subtitle' },
    pdfFacts(doc, lang),
  ];
}

/** Wide enough for "10:30–11:30" on one line. */
const TIME_WIDTH = 58;

const WEIGHT: Record<'item' | OptionalColumn, number> = { item: 3.2, place: 2, attendees: 1.6, responsible: 1.5, transport: 1.2, dressCode: 1.2 };

function programmeOrientation(doc: ProgrammeDocument, langs: DocLang[]): 'portrait' | 'landscape' {
  return langs.length === 1 && usedColumns(doc).length >= 4 ? 'landscape' : 'portrait';
}

function pdfItemCell(item: Item, lang: DocLang): Content {
  const notes = localise(item.notes, lang);
  return {
    stack: [pdfLocalised(localise(item.title, lang), { bold: true }), ...(notes ? [pdfLocalised(notes, { fontSize: 8.5, color: COLORS.muted })] : [])],
  };
}

function pdfSingleDays(doc: ProgrammeDocument, lang: DocLang, orientation: 'portrait' | 'landscape'): Content[] {
  const l = VISIT_LABELS[lang];
  const columns = usedColumns(doc);
  const span = columns.length + 2;
  const widths = weightedWidths(contentWidth(orientation), [TIME_WIDTH], [WEIGHT.item, ...columns.map((c) => WEIGHT[c])]);
  const filler = (n: number): TableCell[] => Array.from({ length: n }, () => ({ text: '' }));
  return doc.days.map((day, index) => {
    const rows: TableCell[][] =
      day.items.length === 0
        ? [[{ text: l.noItemsThisDay, colSpan: span, italics: true, color: COLORS.muted }, ...filler(span - 1)]]
        : day.items.map((item) => [
            { text: formatTimeRange(item.start, item.end), noWrap: true, fontSize: 9 },
            pdfItemCell(item, lang),
            ...columns.map((c) => pdfLocalised(columnValue(item, c, lang))),
          ]);
    return {
      table: {
        widths,
        headerRows: 2,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        body: [
          [{ text: dayHeading(lang, doc, index, day.date), colSpan: span, ...BAND_CELL }, ...filler(span - 1)],
          [l.time, l.item, ...columns.map((c) => l[c])].map((text) => ({ text, style: 'tableHeader' })),
          ...rows,
        ],
      },
      layout: TABLE_LAYOUT,
      margin: [0, 10, 0, 0],
    } as Content;
  });
}

/** One language's half of a bilingual row: title, notes, then the other fields as labelled lines. */
function pdfBilingualCell(item: Item, lang: DocLang, columns: OptionalColumn[]): Content {
  const l = VISIT_LABELS[lang];
  const details = columns
    .map((c) => [c, columnValue(item, c, lang)] as const)
    .filter((entry): entry is readonly [OptionalColumn, Localised] => entry[1] !== null)
    .map(([c, value]) => ({
      text: [{ text: `${l[c]}: `, color: COLORS.muted }, value.missing ? { text: value.text, style: 'untranslated' } : value.text],
      fontSize: 8.5,
    }));
  const notes = localise(item.notes, lang);
  return {
    stack: [
      pdfLocalised(localise(item.title, lang), { bold: true }),
      ...(notes ? [pdfLocalised(notes, { fontSize: 8.5, color: COLORS.muted })] : []),
      ...(details.length > 0 ? [{ stack: details, margin: [0, 2, 0, 0] }] : []),
    ],
  } as Content;
}

function pdfBilingualDays(doc: ProgrammeDocument, langs: [DocLang, DocLang]): Content[] {
  const columns = usedColumns(doc);
  return doc.days.map((day, index) => {
    const rows: TableCell[][] =
      day.items.length === 0
        ? [[{ text: '' }, ...langs.map((lang) => ({ text: VISIT_LABELS[lang].noItemsThisDay, italics: true, color: COLORS.muted }))]]
        : day.items.map((item) => [
            { text: formatTimeRange(item.start, item.end), noWrap: true, fontSize: 9 },
            ...langs.map((lang) => pdfBilingualCell(item, lang, columns)),
          ]);
    return {
      table: {
        widths: [TIME_WIDTH, '*', '*'],
        headerRows: 1,
        keepWithHeaderRows: 1,
        dontBreakRows: true,
        body: [
          [
            { text: langs.map((lang) => VISIT_LABELS[lang].time).join('\n'), ...BAND_CELL, bold: false, fontSize: 8 },
            ...langs.map((lang) => ({ text: dayHeading(lang, doc, index, day.date), ...BAND_CELL })),
          ],
          ...rows,
        ],
      },
      layout: { ...TABLE_LAYOUT, vLineWidth: (i: number) => (i === 2 ? 0.4 : 0), vLineColor: () => COLORS.rule },
      margin: [0, 10, 0, 0],
    } as Content;
  });
}

/** Running header and footer: one language, or the first on the left and the second on the right. */
function pdfPageFrame(langs: DocLang[], kicker: (lang: DocLang) => string, doc: ProgrammeDocument): Pick<TDocumentDefinitions, 'header' | 'footer'> {
  const [first, second] = langs;
  return {
    // The first page carries the document's own title block; the running header starts on page 2.
    header: (page: number) =>
      page === 1
        ? null
        : {
            columns: [
              { text: kicker(first), style: 'pageHeader' },
              { text: second ? kicker(second) : formatDateRange(first, doc.startDate, doc.endDate), style: 'pageHeader', alignment: 'right' },
            ],
            margin: [42, 24, 42, 0],
          },
    footer: (page: number, pages: number) => ({
      columns: [
        { text: second ? PAGE_OF[first](page, pages) : (localise(doc.title, first)?.text ?? ''), style: 'pageHeader' },
        { text: PAGE_OF[second ?? first](page, pages), style: 'pageHeader', alignment: 'right' },
      ],
      margin: [42, 16, 42, 0],
    }),
  };
}

function checkLangs(langs: DocLang[]): void {
  if (langs.length < 1 || langs.length > 2 || langs[0] === langs[1]) {
    throw new Error(`A programme is printed in one language or in two different ones, not in [${langs.join(', ')}]`);
  }
}

/** The visit programme: one language, or two languages in columns side by side (first on the left). */
export async function renderProgrammePdf(doc: ProgrammeDocument, langs: DocLang[]): Promise<Buffer> {
  checkLangs(langs);
  const orientation = programmeOrientation(doc, langs);
  const kicker = (lang: DocLang) => VISIT_LABELS[lang].programme;
  const bilingual = langs.length === 2 ? ([langs[0], langs[1]] as [DocLang, DocLang]) : null;
  const title: Content = bilingual
    ? { columns: bilingual.map((lang) => ({ stack: pdfTitleBlock(doc, lang, kicker(lang)) })), columnGap: 20 }
    : { stack: pdfTitleBlock(doc, langs[0], kicker(langs[0])) };
  const body: Content[] = !hasItems(doc)
    ? [{ text: langs.map((lang) => VISIT_LABELS[lang].noItems).join('\n'), italics: true, color: COLORS.muted, margin: [0, 16, 0, 0] }]
    : bilingual
      ? pdfBilingualDays(doc, bilingual)
      : pdfSingleDays(doc, langs[0], orientation);
  return renderPdf({
    pageOrientation: orientation,
    language: LANGUAGE_TAG[langs[0]],
    info: { title: langs.map((lang) => `${kicker(lang)}: ${localise(doc.title, lang)?.text ?? ''}`).join(' / '), creator: 'Legato' },
    ...pdfPageFrame(langs, kicker, doc),
    content: [title, ...body],
  });
}

const ROLE_ORDER: Record<ProgrammeDocument['direction'], ParticipantRole[]> = {
  incoming: ['guest', 'host', 'interpreter', 'traveller', 'other'],
  outgoing: ['traveller', 'host', 'interpreter', 'guest', 'other'],
};

const PARTICIPANT_COLUMNS = ['position', 'organization', 'arrival', 'departure'] as const;

function participantValue(p: Participant, column: (typeof PARTICIPANT_COLUMNS)[number], lang: DocLang, timeZone: string, contextYear: number): string {
  const value = p[column]?.trim() ?? '';
  return value && (column === 'arrival' || column === 'departure') ? formatMoment(lang, value, timeZone, { contextYear }) : value;
}

/** The list of participants, grouped by role (guests, hosts, interpreters, travellers). */
export async function renderParticipantsPdf(doc: ProgrammeDocument, lang: DocLang): Promise<Buffer> {
  const l = VISIT_LABELS[lang];
  const columns = PARTICIPANT_COLUMNS.filter((c) => doc.participants.some((p) => p[c]?.trim()));
  const weights: Record<(typeof PARTICIPANT_COLUMNS)[number], number> = { position: 1.6, organization: 1.6, arrival: 1.1, departure: 1.1 };
  const widths = weightedWidths(contentWidth('portrait'), [18], [2.2, ...columns.map((c) => weights[c])]);
  const groups = ROLE_ORDER[doc.direction]
    .map((role) => ({ role, people: doc.participants.filter((p) => p.role === role) }))
    .filter((group) => group.people.length > 0);
  const tables: Content[] = groups.map(({ role, people }) => ({
    table: {
      widths,
      headerRows: 2,
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      body: [
        [{ text: `${l.roles[role]} (${people.length})`, colSpan: columns.length + 2, ...BAND_CELL }, ...columns.map(() => ({ text: '' })), { text: '' }],
        [l.number, l.name, ...columns.map((c) => l[c])].map((text) => ({ text, style: 'tableHeader' })),
        ...people.map((p, i): TableCell[] => [
          { text: String(i + 1), color: COLORS.muted },
          {
            stack: [
              { text: p.name, bold: true },
              ...(p.nameLatin && p.nameLatin.trim() !== p.name.trim() ? [{ text: p.nameLatin, fontSize: 8.5, color: COLORS.muted }] : []),
            ],
          },
          ...columns.map((c) => ({ text: participantValue(p, c, lang, doc.timeZone, Number(doc.startDate.slice(0, 4))) })),
        ]),
      ],
    },
    layout: TABLE_LAYOUT,
    margin: [0, 10, 0, 0],
  }));
  return renderPdf({
    language: LANGUAGE_TAG[lang],
    info: { title: `${l.participantsList}: ${localise(doc.title, lang)?.text ?? ''}`, creator: 'Legato' },
    ...pdfPageFrame([lang], (x) => VISIT_LABELS[x].participantsList, doc),
    content: [
      { stack: pdfTitleBlock(doc, lang, l.participantsList) },
      ...(tables.length > 0 ? tables : [{ text: l.noParticipants, italics: true, color: COLORS.muted, margin: [0, 16, 0, 0] } as Content]),
    ],
  });
}

/* ---------- DOCX ---------- */

const MUTED = { color: DOCX_COLORS.muted } as const;

function docxTitleBlock(doc: ProgrammeDocument, lang: DocLang): Paragraph[] {
  const l = VISIT_LABELS[lang];
  return [
    docxParagraph(l.programme, { run: { size: 17, ...MUTED }, spacing: { after: 40 } }),
    docxParagraph(docxLocalised(localise(doc.title, lang), { bold: true, size: 32, color: DOCX_COLORS.accent }), { spacing: { after: 60 } }),
    docxParagraph(formatDateRange(lang, doc.startDate, doc.endDate), { run: { size: 22, ...MUTED }, spacing: { after: 160 } }),
    ...facts(doc, lang).map(([label, value]) =>
      docxParagraph([...docxRuns(`${label}: `, { size: 18, ...MUTED }), ...docxLocalised(value, { size: 19 })], { spacing: { after: 40 } }),
    ),
  ];
}

function docxItemCell(item: Item, lang: DocLang, details: OptionalColumn[]): Paragraph[] {
  const l = VISIT_LABELS[lang];
  const notes = localise(item.notes, lang);
  return [
    docxParagraph(docxLocalised(localise(item.title, lang), { bold: true, size: 19 }), { spacing: { after: 20 } }),
    ...(notes ? [docxParagraph(docxLocalised(notes, { size: 17, ...MUTED }), { spacing: { after: 20 } })] : []),
    ...details.flatMap((c) => {
      const value = columnValue(item, c, lang);
      return value ? [docxParagraph([...docxRuns(`${l[c]}: `, { size: 17, ...MUTED }), ...docxLocalised(value, { size: 17 })], { spacing: { after: 0 } })] : [];
    }),
  ];
}

function docxDays(doc: ProgrammeDocument, langs: DocLang[], orientation: 'portrait' | 'landscape'): Table[] {
  const width = docxContentWidth(orientation);
  const columns = usedColumns(doc);
  const dayRow = { fill: DOCX_COLORS.accent, color: 'FFFFFF' };
  const time = 1250; // "10:30–11:30" on one line
  if (langs.length === 2) {
    const half = Math.floor((width - time) / 2);
    return doc.days.map((day, index) =>
      docxTable({
        columnWidths: [time, half, width - time - half],
        header: [[{ content: langs.map((lang) => VISIT_LABELS[lang].time).join('\n'), ...dayRow }, ...langs.map((lang) => ({ content: dayHeading(lang, doc, index, day.date), ...dayRow }))]],
        rows:
          day.items.length === 0
            ? [['', ...langs.map((lang) => [docxParagraph(VISIT_LABELS[lang].noItemsThisDay, { run: { italics: true, ...MUTED } })])]]
            : day.items.map((item) => [formatTimeRange(item.start, item.end), ...langs.map((lang) => docxItemCell(item, lang, columns))]),
      }),
    );
  }
  const lang = langs[0];
  const l = VISIT_LABELS[lang];
  const widths = docxWeightedWidths(width, [time], [WEIGHT.item, ...columns.map((c) => WEIGHT[c])]);
  const span = columns.length + 2;
  return doc.days.map((day, index) =>
    docxTable({
      columnWidths: widths,
      header: [[{ content: dayHeading(lang, doc, index, day.date), span, ...dayRow }], [l.time, l.item, ...columns.map((c) => l[c])]],
      rows:
        day.items.length === 0
          ? [[{ content: [docxParagraph(l.noItemsThisDay, { run: { italics: true, ...MUTED } })], span }]]
          : day.items.map((item): (DocxCell | DocxCellSpec)[] => [
              formatTimeRange(item.start, item.end),
              docxItemCell(item, lang, []),
              ...columns.map((c) => [docxParagraph(docxLocalised(columnValue(item, c, lang)), { spacing: { after: 0 } })]),
            ]),
    }),
  );
}

export async function renderProgrammeDocx(doc: ProgrammeDocument, langs: DocLang[]): Promise<Buffer> {
  checkLangs(langs);
  const orientation = programmeOrientation(doc, langs);
  const width = docxContentWidth(orientation);
  const [first, second] = langs;
  const title =
    second !== undefined
      ? [docxColumns([docxTitleBlock(doc, first), docxTitleBlock(doc, second)], [Math.floor(width / 2), width - Math.floor(width / 2)], 400)]
      : docxTitleBlock(doc, first);
  const spacer = () => docxParagraph('', { spacing: { after: 120 } });
  const footer = () => docxPageFooter(second ? '' : (localise(doc.title, first)?.text ?? ''), langs, orientation);
  const body = !hasItems(doc)
    ? [docxParagraph(langs.map((lang) => VISIT_LABELS[lang].noItems).join('\n'), { run: { italics: true, ...MUTED }, spacing: { before: 240 } })]
    : docxDays(doc, langs, orientation).flatMap((table) => [spacer(), table]);
  return renderDocx({
    title: langs.map((lang) => `${VISIT_LABELS[lang].programme}: ${localise(doc.title, lang)?.text ?? ''}`).join(' / '),
    lang: first,
    sections: [
      {
        // Like the PDF: page 1 has the title block instead of the running header.
        properties: { ...docxSectionPage(orientation), titlePage: true },
        headers: {
          first: new Header({ children: [] }),
          default: docxPageHeader(
            VISIT_LABELS[first].programme,
            second ? VISIT_LABELS[second].programme : formatDateRange(first, doc.startDate, doc.endDate),
            orientation,
          ),
        },
        footers: { first: footer(), default: footer() },
        children: [...title, ...body],
      },
    ],
  });
}

/** A short formal welcome letter in one language, dated today, to edit and sign in Word. */
export async function renderWelcomeLetterDocx(
  doc: ProgrammeDocument,
  lang: DocLang,
  guest: { name: string; formOfAddress: string | null },
): Promise<Buffer> {
  const l: VisitDocumentLabels['letter'] = VISIT_LABELS[lang].letter;
  const title = localise(doc.title, lang)?.text ?? '';
  const contact = contactLine(doc, lang);
  const paragraph = (text: string) => docxParagraph(text, { run: { size: 22 }, spacing: { after: 160, line: 300 } });
  const width = docxContentWidth('portrait');
  return renderDocx({
    title: `${l.subject}: ${title}`,
    lang,
    sections: [
      {
        properties: docxSectionPage('portrait'),
        children: [
          ...docxLetterhead(null, l.letterhead),
          docxParagraph(formatDate(lang, todayIn(doc.timeZone)), { alignment: 'right', run: { size: 22 }, spacing: { after: 360 } }),
          docxParagraph([...docxRuns(`${l.subject}: `, { bold: true, size: 22 }), ...docxRuns(`${title}, ${formatDateRange(lang, doc.startDate, doc.endDate)}`, { size: 22 })], {
            spacing: { after: 360 },
          }),
          paragraph(l.salutation(guest.formOfAddress?.trim() || guest.name.trim())),
          ...l.body.map(paragraph),
          ...(contact ? [paragraph(l.contact(contact))] : []),
          paragraph(l.wishes),
          docxParagraph(l.closing, { run: { size: 22 }, spacing: { before: 240, after: 720 } }),
          docxColumns(
            [[], [docxParagraph(docxPlaceholder(l.signatureName, { size: 22, bold: true }), { spacing: { after: 40 } }), docxParagraph(docxPlaceholder(l.signaturePosition, { size: 22 }))]],
            [Math.floor(width / 2), width - Math.floor(width / 2)],
          ),
          docxParagraph(l.enclosure, { run: { size: 18, ...MUTED }, spacing: { before: 720 } }),
        ],
      },
    ],
  });
}
