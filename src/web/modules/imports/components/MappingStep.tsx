import { Alert, Box, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportUpload } from '../../../../contracts/imports';
import { fieldsOf, repeatedFields, type ImportTarget, type Mapping } from '../imports.api';

const IGNORE = '__ignore__';

/** Each column of the file → a field of the directory, or ignored; with the first rows shown. */
export function MappingStep({ upload, mapping, onChange }: { upload: ImportUpload; mapping: Mapping; onChange: (mapping: Mapping) => void }) {
  const { t } = useTranslation('imports');
  const target = upload.target as ImportTarget;
  const fields = fieldsOf(target);
  const repeated = repeatedFields(mapping);
  const options = [{ value: IGNORE, label: t('mapping.ignore') }, ...fields.map((f) => ({ value: f, label: t(`fields.${target}.${f}`) }))];
  const nameMapped = Object.values(mapping).includes('name');
  const example = (columnIndex: number) =>
    upload.preview
      .map((row) => row[columnIndex])
      .filter(Boolean)
      .slice(0, 3)
      .join(' · ');

  return (
    <Stack gap="md">
      <Text>{t('mapping.intro', { count: upload.rowCount, file: upload.fileName })}</Text>
      {!nameMapped && (
        <Alert color="yellow" variant="light" role="status">
          {t('mapping.nameRequired')}
        </Alert>
      )}
      {repeated.length > 0 && (
        <Alert color="red" variant="light" role="alert">
          {t('mapping.repeated', { fields: repeated.map((f) => t(`fields.${target}.${f}`)).join(', ') })}
        </Alert>
      )}
      <Box style={{ overflowX: 'auto' }}>
        <Table aria-label={t('mapping.caption')} verticalSpacing="xs" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.column')}</Table.Th>
              <Table.Th>{t('mapping.examples')}</Table.Th>
              <Table.Th w={300}>{t('mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.columns.map((column, i) => (
              <Table.Tr key={column}>
                <Table.Td fw={600}>{column}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {example(i)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={t('mapping.fieldFor', { column })}
                    data={options}
                    value={mapping[column] ?? IGNORE}
                    allowDeselect={false}
                    searchable
                    error={mapping[column] && repeated.includes(mapping[column]!) ? t('mapping.repeatedOne') : undefined}
                    onChange={(v) => onChange({ ...mapping, [column]: v && v !== IGNORE ? v : null })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>

      <Title order={3} fz="md">
        {t('mapping.previewTitle')}
      </Title>
      <Box style={{ overflowX: 'auto' }} tabIndex={0} aria-label={t('mapping.previewCaption')} role="region">
        <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="xs" aria-label={t('mapping.previewCaption')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('mapping.row')}</Table.Th>
              {upload.columns.map((c) => (
                <Table.Th key={c}>
                  {c}
                  <Text size="xs" fw={400}>
                    {mapping[c] ? `→ ${t(`fields.${target}.${mapping[c]}`)}` : t('mapping.ignored')}
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.preview.map((row, r) => (
              <Table.Tr key={r}>
                <Table.Td>{r + 2}</Table.Td>
                {upload.columns.map((c, i) => (
                  <Table.Td key={c} style={{ maxWidth: 240, overflowWrap: 'anywhere' }}>
                    {row[i]}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    </Stack>
  );
}
