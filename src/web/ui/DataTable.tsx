import { Box, Center, Group, Loader, NativeSelect, Pagination, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import classes from './DataTable.module.css';
import { IconChevronDown, IconChevronUp, IconSelector } from './icons';
import './i18n';

export type SortOrder = 'asc' | 'desc';

export interface DataTableColumn<T> {
  /** Column id; also the sort field sent to the API when `sortable`. */
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  sortable?: boolean;
  width?: number | string;
  /** Hidden below this breakpoint (the row stays usable with the first columns). */
  visibleFrom?: 'xs' | 'sm' | 'md' | 'lg' | 'xl';
}

export interface DataTableProps<T> {
  /** Names the table for screen readers (rendered as a visually hidden caption). */
  caption: string;
  columns: DataTableColumn<T>[];
  rows: T[] | undefined;
  rowKey: (row: T) => string;
  loading?: boolean;
  total?: number;
  page?: number;
  pageSize?: number;
  pageSizes?: number[];
  onPageChange?: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
  sort?: string;
  order?: SortOrder;
  onSortChange?: (sort: string, order: SortOrder) => void;
  /** Opens a record: on click anywhere in the row, or Enter on a focused row. */
  onRowOpen?: (row: T) => void;
  /** Shown when there are no rows (e.g. "No organisations match these filters"). */
  empty?: ReactNode;
  'data-testid'?: string;
}

const INTERACTIVE = 'a, button, input, select, textarea, label, [role="button"]';

/**
 * A list table: sortable headers (buttons, with aria-sort), paging with a page-size choice,
 * loading and empty states. Rows open their record on click, or on Enter when focused (each
 * row is one tab stop; the arrow keys move between rows).
 */
export function DataTable<T>(props: DataTableProps<T>) {
  const { t, i18n } = useTranslation('ui');
  const { columns, rows, loading, total = 0, page = 1, pageSize = 25, pageSizes = [10, 25, 50, 100] } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const firstLoad = loading && !rows;

  const open = (row: T) => props.onRowOpen?.(row);
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, row: T) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE)) return;
    if (window.getSelection()?.toString()) return; // the user is selecting text, not opening
    open(row);
  };
  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, row: T) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(row);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const sibling = e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling;
      (sibling as HTMLElement | null)?.focus();
    }
  };

  const header = columns.map((col) => {
    const active = props.sort === col.key;
    const ariaSort = active ? (props.order === 'desc' ? 'descending' : 'ascending') : col.sortable ? 'none' : undefined;
    const nextOrder: SortOrder = active && props.order === 'asc' ? 'desc' : 'asc';
    return (
      <Table.Th key={col.key} aria-sort={ariaSort} w={col.width} visibleFrom={col.visibleFrom}>
        {col.sortable && props.onSortChange ? (
          <UnstyledButton
            className={classes.sortButton}
            onClick={() => props.onSortChange?.(col.key, nextOrder)}
            title={t(nextOrder === 'asc' ? 'table.sortAscending' : 'table.sortDescending', { column: col.header })}
          >
            {col.header}
            {active ? props.order === 'desc' ? <IconChevronDown size={14} /> : <IconChevronUp size={14} /> : <IconSelector size={14} />}
          </UnstyledButton>
        ) : (
          col.header
        )}
      </Table.Th>
    );
  });

  let body: ReactNode;
  if (firstLoad) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columns.length}>
          <Center py="xl">
            <Group gap="xs">
              <Loader size="sm" aria-hidden />
              <Text>{t('table.loading')}</Text>
            </Group>
          </Center>
        </Table.Td>
      </Table.Tr>
    );
  } else if (!rows || rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columns.length}>
          <Center py="xl">
            <Text>{props.empty ?? t('table.empty')}</Text>
          </Center>
        </Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((row) => (
      <Table.Tr
        key={props.rowKey(row)}
        className={classes.row}
        data-openable={props.onRowOpen ? true : undefined}
        tabIndex={props.onRowOpen ? 0 : undefined}
        onClick={props.onRowOpen ? (e) => onRowClick(e, row) : undefined}
        onKeyDown={props.onRowOpen ? (e) => onRowKey(e, row) : undefined}
      >
        {columns.map((col) => (
          <Table.Td key={col.key} visibleFrom={col.visibleFrom}>
            {col.render(row)}
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  }

  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const lang = i18n.language;

  return (
    <Stack gap="sm">
      <Box className={classes.scroll}>
        <Table
          highlightOnHover={!!props.onRowOpen}
          verticalSpacing="xs"
          className={loading && rows ? classes.busy : undefined}
          aria-busy={loading ? true : undefined}
          data-testid={props['data-testid']}
        >
          <caption style={visuallyHidden}>
            {props.caption}
          </caption>
          <Table.Thead>
            <Table.Tr>{header}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>{body}</Table.Tbody>
        </Table>
      </Box>
      {props.onPageChange && (
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text size="sm" aria-live="polite">
            {t('table.range', { from: formatNumber(from, lang), to: formatNumber(to, lang), total: formatNumber(total, lang) })}
          </Text>
          <Group gap="md" wrap="wrap">
            {props.onPageSizeChange && (
              <Group gap="xs" wrap="nowrap">
                <NativeSelect
                  size="xs"
                  label={t('table.pageSize')}
                  styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { fontWeight: 400 } }}
                  value={String(pageSize)}
                  data={pageSizes.map((s) => ({ value: String(s), label: formatNumber(s, lang) }))}
                  onChange={(e) => props.onPageSizeChange?.(Number(e.currentTarget.value))}
                />
              </Group>
            )}
            {pages > 1 && (
              <Box component="nav" aria-label={t('table.pagination')}>
              <Pagination
                size="sm"
                total={pages}
                value={Math.min(page, pages)}
                onChange={props.onPageChange}
                getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
                getItemProps={(p) => ({ 'aria-label': t('table.page', { page: p }), 'aria-current': p === page ? 'page' : undefined })}
              />
              </Box>
            )}
          </Group>
        </Group>
      )}
    </Stack>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
