import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from './errors.js';

export type Table = { columns: string[]; rows: string[][] };

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a ZIP container

/** Reads CSV (any common delimiter, UTF-8 with or without BOM) or XLSX, sniffing the content. */
export async function readSpreadsheet(data: Buffer, fileName: string, maxRows = 20_000): Promise<Table> {
  const isZip = data.subarray(0, 4).equals(XLSX_MAGIC);
  const lower = fileName.toLowerCase();
  let matrix: string[][];
  if (isZip) {
    if (!lower.endsWith('.xlsx')) throw new AppError('unsupported_media_type');
    const book = new ExcelJS.Workbook();
    try {
      await book.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new AppError('unsupported_media_type');
    }
    const sheet = book.worksheets[0];
    matrix = [];
    sheet?.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellText(cell.value);
      });
      matrix.push(Array.from(values, (v) => v ?? ''));
    });
  } else {
    if (!(lower.endsWith('.csv') || lower.endsWith('.txt'))) throw new AppError('unsupported_media_type');
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    if (text.includes('\u0000')) throw new AppError('unsupported_media_type');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    matrix = parsed.data;
  }
  const [header = [], ...rows] = matrix;
  if (rows.length > maxRows) throw new AppError('payload_too_large', { detail: `At most ${maxRows} rows can be imported at once.` });
  const columns = header.map((h, i) => (h ?? '').toString().trim() || `Column ${i + 1}`);
  return { columns, rows: rows.map((r) => columns.map((_, i) => (r[i] ?? '').toString().trim())) };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
    if ('hyperlink' in value) return String(value.hyperlink);
  }
  return String(value);
}

/** Spreadsheet programs run cells starting with = + - @ as formulas: neutralise them (CSV injection). */
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function writeCsv(table: Table): Buffer {
  const csv = Papa.unparse([table.columns, ...table.rows.map((r) => r.map(safeCell))]);
  return Buffer.from('\uFEFF' + csv, 'utf8'); // the BOM makes Excel read UTF-8 (Cyrillic, Georgian) correctly
}

export async function writeXlsx(table: Table, sheetName: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Legato';
  const sheet = book.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(safeCell));
  sheet.columns.forEach((c) => (c.width = 24));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await book.xlsx.writeBuffer());
}
