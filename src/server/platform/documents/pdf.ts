import pdfmake from 'pdfmake';
import type { Content, CustomTableLayout, DynamicContent, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { PDF_FONT, PDF_FONT_FAMILIES, PDF_FONT_GEORGIAN, pdfFontFiles } from './fonts.js';
import { hasGeorgian, splitByScript } from './scripts.js';
import type { Localised } from './text.js';

/**
 * PDF building blocks on pdfmake 0.3 (server side: the module is a configured singleton whose
 * createPdf(...).getBuffer() gives the bytes). Every PDF of Legato goes through renderPdf(),
 * which registers the fonts, forbids reading local files and URLs named in a document, and
 * puts Georgian text on the Georgian font, so callers write plain pdfmake content.
 */

export const COLORS = {
  text: '#1f2328',
  muted: '#5b6470',
  accent: '#1f3a5f',
  rule: '#b8c2cc',
  headerFill: '#e8eef5',
  bandFill: '#f3f6f9',
} as const;

export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 17, bold: true, color: COLORS.accent, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, color: COLORS.muted, margin: [0, 0, 0, 10] },
  heading: { fontSize: 11.5, bold: true, color: COLORS.accent, margin: [0, 12, 0, 5] },
  label: { fontSize: 8.5, color: COLORS.muted },
  tableHeader: { fontSize: 8.5, bold: true, color: COLORS.accent },
  cell: { fontSize: 9 },
  small: { fontSize: 8, color: COLORS.muted },
  untranslated: { italics: true, color: COLORS.muted },
  pageHeader: { fontSize: 8, color: COLORS.muted },
};

/** Thin horizontal rules, a tinted header row, no vertical lines: reads well when printed. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.4),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? COLORS.accent : COLORS.rule),
  fillColor: (rowIndex, node) => (rowIndex < (node.table.headerRows ?? 0) ? COLORS.headerFill : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

/** Cell properties of a band row: white on the accent colour (a day, a group of people). */
export const BAND_CELL = { bold: true, fontSize: 10, color: '#ffffff', fillColor: COLORS.accent } as const;

/** No lines at all: for label/value blocks. */
export const PLAIN_LAYOUT: CustomTableLayout = {
  hLineWidth: () => 0,
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 8,
  paddingTop: () => 1,
  paddingBottom: () => 1,
};

/** A4 in points, and the margins every document uses (header and footer live in them). */
export const A4 = { width: 595.28, height: 841.89 };
export const PAGE_MARGINS: [number, number, number, number] = [42, 56, 42, 48];

export function contentWidth(orientation: 'portrait' | 'landscape'): number {
  return (orientation === 'portrait' ? A4.width : A4.height) - PAGE_MARGINS[0] - PAGE_MARGINS[2];
}

/**
 * Column widths in points for a table of `total` points (pdfmake widths exclude the cells'
 * padding): the fixed columns as given, the rest shared by weight.
 */
export function weightedWidths(total: number, fixed: number[], weights: number[]): number[] {
  const padding = 8 * (fixed.length + weights.length) + 2;
  const free = total - fixed.reduce((a, b) => a + b, 0) - padding;
  const sum = weights.reduce((a, b) => a + b, 0);
  return [...fixed, ...weights.map((w) => Math.floor((free * w) / sum))];
}

/** A localised value as pdfmake text; a stand-in for a missing translation adds the `untranslated` style (italic grey). */
export function pdfLocalised(value: Localised | null, props: Record<string, unknown> = {}): Content {
  if (!value) return { text: '' };
  if (!value.missing) return { text: value.text, ...props } as Content;
  const base = props.style === undefined ? [] : Array.isArray(props.style) ? props.style : [props.style];
  return { text: value.text, ...props, style: [...base, 'untranslated'] } as Content;
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Inline pieces of a string: Georgian runs carry the Georgian font, the rest inherit. */
function inlineRuns(text: string): (string | Node)[] {
  return splitByScript(text).map((run) => (run.script === 'georgian' ? { text: run.text, font: PDF_FONT_GEORGIAN } : run.text));
}

function mapInlines(text: unknown): unknown {
  if (typeof text === 'string') return hasGeorgian(text) ? inlineRuns(text) : text;
  if (Array.isArray(text)) {
    return text.flatMap((piece: unknown) => {
      if (typeof piece === 'string') return hasGeorgian(piece) ? inlineRuns(piece) : [piece];
      return [walk(piece)];
    });
  }
  return text;
}

function walk(content: unknown): unknown {
  if (typeof content === 'string') return hasGeorgian(content) ? { text: inlineRuns(content) } : content;
  if (Array.isArray(content)) return content.map(walk);
  if (!isNode(content)) return content;
  const node: Node = { ...content };
  if ('text' in node && node.font === undefined) node.text = mapInlines(node.text);
  for (const key of ['stack', 'columns', 'ul', 'ol', 'section'] as const) {
    if (Array.isArray(node[key])) node[key] = (node[key] as unknown[]).map(walk);
  }
  if (isNode(node.table) && Array.isArray(node.table.body)) {
    const body = node.table.body as unknown[][];
    node.table = { ...node.table, body: body.map((row) => row.map(walk)) };
  }
  return node;
}

/**
 * Returns the content with every piece of Georgian text on the Georgian font. Text that already
 * names a font is left alone. Walks text, stack, columns, lists, tables and sections.
 */
export function withScriptFonts(content: Content): Content {
  return walk(content) as Content;
}

function withScriptFontsDynamic(fn: DynamicContent | Content | undefined): DynamicContent | Content | undefined {
  if (typeof fn !== 'function') return fn === undefined ? undefined : withScriptFonts(fn);
  return (page, pages, size) => {
    const result = fn(page, pages, size);
    return result == null ? result : withScriptFonts(result);
  };
}

let configured = false;

function configure(): void {
  if (configured) return;
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, content: Buffer): void } }).virtualfs;
  for (const [name, bytes] of pdfFontFiles()) vfs.writeFileSync(name, bytes);
  pdfmake.setFonts(PDF_FONT_FAMILIES);
  // Documents are built from user data: never let one make the server read a file or a URL.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  configured = true;
}

/** Renders a pdfmake document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: PAGE_MARGINS,
    ...definition,
    content: withScriptFonts(definition.content),
    header: withScriptFontsDynamic(definition.header) as TDocumentDefinitions['header'],
    footer: withScriptFontsDynamic(definition.footer) as TDocumentDefinitions['footer'],
    styles: { ...PDF_STYLES, ...definition.styles },
    defaultStyle: { font: PDF_FONT, fontSize: 9.5, color: COLORS.text, lineHeight: 1.15, ...definition.defaultStyle },
  };
  return pdfmake.createPdf(doc).getBuffer();
}
