import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HighlightColor,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import type { DocumentLanguage } from './dates.js';
import { DOCX_FONT, DOCX_FONT_GEORGIAN } from './fonts.js';
import { LANGUAGE_TAG, PAGE_OF_PARTS } from './labels.js';
import { splitByScript } from './scripts.js';
import type { Localised } from './text.js';

/**
 * DOCX building blocks on docx 9. Text goes through docxRuns(), which puts Georgian runs on
 * the Georgian font and tags each run's proofing language; tables, page header and footer
 * (with Word's PAGE / NUMPAGES fields) and the letterhead look the same in every module.
 */

export const DOCX_COLORS = {
  text: '1F2328',
  muted: '5B6470',
  accent: '1F3A5F',
  rule: 'B8C2CC',
  headerFill: 'E8EEF5',
} as const;

/** A4 in twips (1/20 pt) and 2 cm margins. */
export const DOCX_PAGE = { width: 11906, height: 16838, margin: 1134 } as const;

export function docxContentWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? DOCX_PAGE.width : DOCX_PAGE.height) - 2 * DOCX_PAGE.margin;
}

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'font' | 'language' | 'break'>;

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * Runs for a piece of text: Georgian in the Georgian font, the rest in the body font, each
 * run tagged with its proofing language; line breaks in the text become Word line breaks.
 */
export function docxRuns(text: string, style: RunStyle = {}): TextRun[] {
  const runs: TextRun[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const pieces = splitByScript(line);
    if (pieces.length === 0 && index > 0) runs.push(new TextRun({ ...style, break: 1 }));
    pieces.forEach((piece, i) => {
      const georgian = piece.script === 'georgian';
      const font = georgian ? DOCX_FONT_GEORGIAN : DOCX_FONT;
      const language = georgian ? LANGUAGE_TAG.ka : CYRILLIC.test(piece.text) ? LANGUAGE_TAG.bg : LANGUAGE_TAG.en;
      runs.push(
        new TextRun({
          ...style,
          text: piece.text,
          font: { ascii: font, hAnsi: font, cs: font },
          language: { value: language },
          ...(index > 0 && i === 0 ? { break: 1 } : {}),
        }),
      );
    });
  });
  return runs;
}

/** Runs of a localised value; a stand-in for a missing translation in italic grey. */
export function docxLocalised(value: Localised | null, style: RunStyle = {}): TextRun[] {
  if (!value) return [];
  return docxRuns(value.text, value.missing ? { ...style, italics: true, color: DOCX_COLORS.muted } : style);
}

/** Column widths in twips for a table of `total` twips: the fixed columns as given, the rest shared by weight. */
export function docxWeightedWidths(total: number, fixed: number[], weights: number[]): number[] {
  const free = total - fixed.reduce((a, b) => a + b, 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  return [...fixed, ...weights.map((w) => Math.floor((free * w) / sum))];
}

export type ParagraphOptions = Omit<IParagraphOptions, 'children' | 'text'>;

export function docxParagraph(content: string | TextRun[], options: ParagraphOptions & { run?: RunStyle } = {}): Paragraph {
  const { run, ...paragraph } = options;
  return new Paragraph({ ...paragraph, children: typeof content === 'string' ? docxRuns(content, run) : content });
}

/** A yellow-highlighted "[...]" for what the office fills in by hand in Word. */
export function docxPlaceholder(text: string, style: RunStyle = {}): TextRun[] {
  return docxRuns(`[${text}]`, { ...style, highlight: HighlightColor.YELLOW });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: DOCX_COLORS.rule } as const;
const STRONG_RULE = { style: BorderStyle.SINGLE, size: 8, color: DOCX_COLORS.accent } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** What a cell holds: text (one paragraph) or ready paragraphs. */
export type DocxCell = string | Paragraph[];

/** A cell with more to say: spanning columns, its own fill and text colour. */
export interface DocxCellSpec {
  content: DocxCell;
  span?: number;
  fill?: string;
  color?: string;
}

function cellParagraphs(cell: DocxCell, run: RunStyle): Paragraph[] {
  if (typeof cell !== 'string') return cell.length > 0 ? cell : [new Paragraph({})];
  return [docxParagraph(cell, { run, spacing: { after: 0 } })];
}

function isSpec(cell: DocxCell | DocxCellSpec): cell is DocxCellSpec {
  return typeof cell === 'object' && !Array.isArray(cell);
}

/**
 * A table in the house style: tinted header rows repeated on every page, thin horizontal
 * rules, rows that do not break across pages. Widths are in twips and add up to the width.
 */
export function docxTable(options: {
  columnWidths: number[];
  header: (DocxCell | DocxCellSpec)[][]; // header rows (repeated on each page)
  rows: (DocxCell | DocxCellSpec)[][];
  fontSize?: number; // half-points
}): Table {
  const size = options.fontSize ?? 18;
  const width = options.columnWidths.reduce((a, b) => a + b, 0);
  const makeRow = (cells: (DocxCell | DocxCellSpec)[], header: boolean) => {
    let column = 0;
    return new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((raw) => {
        const spec: DocxCellSpec = isSpec(raw) ? raw : { content: raw };
        const span = spec.span ?? 1;
        const cellWidth = options.columnWidths.slice(column, column + span).reduce((a, b) => a + b, 0);
        column += span;
        const fill = spec.fill ?? (header ? DOCX_COLORS.headerFill : undefined);
        const color = spec.color ?? (header ? DOCX_COLORS.accent : undefined);
        return new TableCell({
          width: { size: cellWidth, type: WidthType.DXA },
          ...(span > 1 ? { columnSpan: span } : {}),
          ...(fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill } } : {}),
          margins: { top: 50, bottom: 50, left: 80, right: 80 },
          verticalAlign: VerticalAlignTable.TOP,
          children: cellParagraphs(spec.content, { size, ...(header ? { bold: true } : {}), ...(color ? { color } : {}) }),
        });
      }),
    });
  };
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: options.columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: STRONG_RULE, bottom: STRONG_RULE, insideHorizontal: RULE, left: NONE, right: NONE, insideVertical: NONE },
    rows: [...options.header.map((r) => makeRow(r, true)), ...options.rows.map((r) => makeRow(r, false))],
  });
}

/** Blocks side by side without lines (a borderless one-row table): bilingual title blocks, signatures. */
export function docxColumns(columns: Paragraph[][], columnWidths: number[], gap = 240): Table {
  const width = columnWidths.reduce((a, b) => a + b, 0);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
    rows: [
      new TableRow({
        children: columns.map(
          (children, i) =>
            new TableCell({
              width: { size: columnWidths[i], type: WidthType.DXA },
              margins: { top: 0, bottom: 0, left: i === 0 ? 0 : gap / 2, right: i === columns.length - 1 ? 0 : gap / 2 },
              children: children.length > 0 ? children : [new Paragraph({})],
            }),
        ),
      }),
    ],
  });
}

/** A page header: left text and right text on one line, a rule under it. */
export function docxPageHeader(left: string, right: string, orientation: 'portrait' | 'landscape'): Header {
  const style: RunStyle = { size: 16, color: DOCX_COLORS.muted };
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: docxContentWidth(orientation) }],
        border: { bottom: { ...RULE, space: 4 } },
        children: [...docxRuns(left, style), new TextRun({ ...style, children: ['\t'] }), ...docxRuns(right, style)],
      }),
    ],
  });
}

/** "Page X of Y" runs in a language, with Word's PAGE and NUMPAGES fields. */
export function docxPageNumberRuns(lang: DocumentLanguage, style: RunStyle = {}): TextRun[] {
  const [before, between, after] = PAGE_OF_PARTS[lang];
  const field = (value: (typeof PageNumber)[keyof typeof PageNumber]) =>
    new TextRun({ ...style, font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT }, children: [value] });
  return [
    ...docxRuns(before, style),
    field(PageNumber.CURRENT),
    ...docxRuns(between, style),
    field(PageNumber.TOTAL_PAGES),
    ...(after ? docxRuns(after, style) : []),
  ];
}

/** A page footer: a text on the left (or nothing), the page number in each language on the right. */
export function docxPageFooter(left: string, langs: DocumentLanguage[], orientation: 'portrait' | 'landscape'): Footer {
  const style: RunStyle = { size: 16, color: DOCX_COLORS.muted };
  const numbers = langs.flatMap((lang, i) => [...(i > 0 ? docxRuns('  ·  ', style) : []), ...docxPageNumberRuns(lang, style)]);
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: docxContentWidth(orientation) }],
        children: [...docxRuns(left, style), new TextRun({ ...style, children: ['\t'] }), ...numbers],
      }),
    ],
  });
}

/**
 * The letterhead of an outgoing letter: the sender's lines centred over a rule. Without
 * them (no office settings yet) a highlighted placeholder for the office to fill in.
 */
export function docxLetterhead(lines: string[] | null, placeholder: string): Paragraph[] {
  const head = lines && lines.length > 0 ? lines : null;
  if (!head) {
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: { bottom: { ...STRONG_RULE, space: 6 } },
        spacing: { after: 360 },
        children: docxPlaceholder(placeholder, { bold: true, size: 26, color: DOCX_COLORS.accent }),
      }),
    ];
  }
  return head.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        ...(i === head.length - 1 ? { border: { bottom: { ...STRONG_RULE, space: 6 } }, spacing: { after: 360 } } : { spacing: { after: 0 } }),
        children: docxRuns(line, i === 0 ? { bold: true, size: 26, color: DOCX_COLORS.accent } : { size: 18, color: DOCX_COLORS.muted }),
      }),
  );
}

export function docxSectionPage(orientation: 'portrait' | 'landscape'): NonNullable<ISectionOptions['properties']> {
  return {
    page: {
      size: {
        width: DOCX_PAGE.width,
        height: DOCX_PAGE.height,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: { top: DOCX_PAGE.margin, bottom: DOCX_PAGE.margin, left: DOCX_PAGE.margin, right: DOCX_PAGE.margin, header: 567, footer: 567 },
    },
  };
}

/** Packs sections into a .docx with the house fonts and sizes as the document defaults. */
export async function renderDocx(options: { title: string; lang: DocumentLanguage; sections: ISectionOptions[] }): Promise<Buffer> {
  const doc = new Document({
    title: options.title,
    creator: 'Legato',
    styles: {
      default: {
        document: {
          run: {
            font: { ascii: DOCX_FONT, hAnsi: DOCX_FONT, cs: DOCX_FONT, eastAsia: DOCX_FONT },
            size: 20,
            color: DOCX_COLORS.text,
            language: { value: LANGUAGE_TAG[options.lang] },
          },
          paragraph: { spacing: { after: 80, line: 264 } },
        },
      },
    },
    sections: options.sections,
  });
  return Packer.toBuffer(doc);
}
