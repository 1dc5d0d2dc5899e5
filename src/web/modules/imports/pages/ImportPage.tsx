import { Alert, Box, Button, Group, Input, Paper, SegmentedControl, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportUpload } from '../../../../contracts/imports';
import { IMPORT_TARGETS } from '../../../../contracts/imports';
import { ApiError } from '../../../lib/api';
import { formatNumber } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { RecordLink } from '../../../ui/Duplicates';
import { IconUpload } from '../../../ui/icons';
import { ButtonLink } from '../../../ui/links';
import { PageHeader } from '../../../ui/Page';
import { MappingStep } from '../components/MappingStep';
import { fieldsOf, repeatedFields, runImport, uploadImport, type ImportTarget, type Mapping } from '../imports.api';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ImportPage() {
  const { t } = useTranslation('imports');
  const { can } = useSession();
  if (!can('directory.import')) {
    return (
      <Stack>
        <PageHeader title={t('title')} />
        <Alert color="gray" variant="light">
          {t('noPermission')}
        </Alert>
      </Stack>
    );
  }
  return <ImportWizard />;
}

function ImportWizard() {
  const { t, i18n } = useTranslation('imports');
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const [active, setActive] = useState(0);
  const [target, setTarget] = useState<ImportTarget>('organizations');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);

  const fail = (e: unknown) => {
    if (e instanceof ApiError) {
      const fields = e.fieldErrors();
      if (fields.file) setFileError(fields.file);
      setError(e.message);
    } else setError(t('errors.unexpected'));
  };

  const doUpload = async () => {
    setError(null);
    setFileError(null);
    if (!file) {
      setFileError(t('file.required'));
      return;
    }
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setFileError(t('file.wrongType'));
      return;
    }
    setBusy(true);
    try {
      const u = await uploadImport(target, file);
      setUpload(u);
      setMapping(Object.fromEntries(u.columns.map((c) => [c, u.suggestedMapping[c] ?? null])));
      setCheck(null);
      setActive(1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const doCheck = async () => {
    if (!upload) return;
    setError(null);
    setBusy(true);
    try {
      setCheck(await runImport(upload.id, mapping, true));
      setActive(2);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const doImport = async () => {
    if (!upload) return;
    setError(null);
    setBusy(true);
    try {
      const r = await runImport(upload.id, mapping, false);
      setResult(r);
      setActive(3);
      await queryClient.invalidateQueries({ queryKey: [upload.target] });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    setActive(0);
    setFile(null);
    setUpload(null);
    setMapping({});
    setCheck(null);
    setResult(null);
    setError(null);
    setInputKey((k) => k + 1);
  };

  const nameMapped = Object.values(mapping).includes('name');
  const mappingOk = nameMapped && repeatedFields(mapping).length === 0;
  const uploadTarget = (upload?.target ?? target) as ImportTarget;
  const fieldLabel = (field: string) => {
    const head = field.split('.')[0]!;
    return (fieldsOf(uploadTarget) as readonly string[]).includes(head) ? t(`fields.${uploadTarget}.${head}`) : i18n.exists(`imports:paths.${head}`) ? t(`paths.${head}`) : field;
  };
  const n = (x: number) => formatNumber(x, lang);

  return (
    <Stack gap="lg">
      <PageHeader title={t('title')} />
      <Text maw={760}>{t('intro')}</Text>
      {error && (
        <Alert color="red" variant="light" role="alert" title={t('errors.title')} withCloseButton closeButtonLabel={t('errors.dismiss')} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Stepper active={active} allowNextStepsSelect={false} onStepClick={(s) => s < active && active < 3 && setActive(s)} size="sm">
        <Stepper.Step label={t('steps.file')} description={t('steps.fileHint')}>
          <Paper withBorder p="md" radius="md" mt="md" maw={760}>
            <Stack gap="md">
              <Input.Wrapper label={t('file.target')} id="import-target-label">
                <Box mt={4}>
                  <SegmentedControl
                    aria-labelledby="import-target-label"
                    value={target}
                    onChange={(v) => setTarget(v as ImportTarget)}
                    data={IMPORT_TARGETS.map((x) => ({ value: x, label: t(`targets.${x}`) }))}
                  />
                </Box>
              </Input.Wrapper>
              <Input.Wrapper label={t('file.label')} description={t('file.hint')} error={fileError} withAsterisk id="import-file-wrapper" labelProps={{ htmlFor: 'import-file' }}>
                <Box mt={4}>
                  <input
                    key={inputKey}
                    id="import-file"
                    type="file"
                    accept={ACCEPT}
                    aria-invalid={fileError ? true : undefined}
                    aria-describedby={fileError ? 'import-file-wrapper-error' : 'import-file-wrapper-description'}
                    onChange={(e) => {
                      setFile(e.currentTarget.files?.[0] ?? null);
                      setFileError(null);
                    }}
                  />
                </Box>
              </Input.Wrapper>
              <Text size="sm">{t('file.tip')}</Text>
              <Group>
                <Button onClick={() => void doUpload()} loading={busy} leftSection={<IconUpload />} data-testid="import-upload">
                  {t('file.upload')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Step>

        <Stepper.Step label={t('steps.mapping')} description={t('steps.mappingHint')}>
          {upload && (
            <Stack gap="md" mt="md">
              <MappingStep upload={upload} mapping={mapping} onChange={setMapping} />
              <Group>
                <Button variant="default" onClick={() => setActive(0)} disabled={busy}>
                  {t('actions.back')}
                </Button>
                <Button onClick={() => void doCheck()} loading={busy} disabled={!mappingOk} data-testid="import-check">
                  {t('actions.check')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('steps.check')} description={t('steps.checkHint')}>
          {check && (
            <Stack gap="md" mt="md">
              <SimpleGrid cols={{ base: 1, sm: 3 }} maw={760}>
                <Stat label={t('check.total')} value={n(check.total)} />
                <Stat label={t('check.valid')} value={n(check.valid)} color="green.9" />
                <Stat label={t('check.invalid')} value={n(check.errors.length)} color={check.errors.length ? 'red.9' : undefined} />
              </SimpleGrid>

              {check.errors.length > 0 ? (
                <Stack gap="xs">
                  <Title order={3} fz="md">
                    {t('check.errorsTitle')}
                  </Title>
                  <Text size="sm">{t('check.errorsHint')}</Text>
                  <Box style={{ overflowX: 'auto' }} mah={420}>
                    <Table aria-label={t('check.errorsTitle')} verticalSpacing="xs" data-testid="import-errors" stickyHeader>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w={90}>{t('check.row')}</Table.Th>
                          <Table.Th>{t('check.field')}</Table.Th>
                          <Table.Th>{t('check.message')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {check.errors.flatMap((e) =>
                          e.fields.map((f, i) => (
                            <Table.Tr key={`${e.row}-${i}`}>
                              <Table.Td>{i === 0 ? n(e.row) : ''}</Table.Td>
                              <Table.Td>{fieldLabel(f.field)}</Table.Td>
                              <Table.Td>{f.message}</Table.Td>
                            </Table.Tr>
                          )),
                        )}
                      </Table.Tbody>
                    </Table>
                  </Box>
                </Stack>
              ) : (
                <Alert color="green" variant="light">
                  {t('check.noErrors')}
                </Alert>
              )}

              {check.duplicates.length > 0 && (
                <Stack gap="xs">
                  <Title order={3} fz="md">
                    {t('check.duplicatesTitle')}
                  </Title>
                  <Text size="sm">{t('check.duplicatesHint')}</Text>
                  <Table aria-label={t('check.duplicatesTitle')} verticalSpacing="xs" data-testid="import-duplicates" maw={760}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={90}>{t('check.row')}</Table.Th>
                        <Table.Th>{t('check.existing')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {check.duplicates.map((d) => (
                        <Table.Tr key={`${d.row}-${d.id}`}>
                          <Table.Td>{n(d.row)}</Table.Td>
                          <Table.Td>
                            <RecordLink resource={uploadTarget} id={d.id} newTab>
                              {upload?.preview[d.row - 2]?.[upload.columns.findIndex((c) => mapping[c] === 'name')] || d.label}
                            </RecordLink>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Stack>
              )}

              <Group>
                <Button variant="default" onClick={() => setActive(1)} disabled={busy}>
                  {t('actions.backToMapping')}
                </Button>
                <Button onClick={() => void doImport()} loading={busy} disabled={check.valid === 0} data-testid="import-run">
                  {t('actions.import', { count: check.valid, n: n(check.valid) })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Completed>
          {result && (
            <Paper withBorder p="md" radius="md" mt="md" maw={760} data-testid="import-result">
              <Stack gap="sm">
                <Title order={2} fz="lg">
                  {t('done.title')}
                </Title>
                <Text>{t('done.body', { n: n(result.imported), total: n(result.total) })}</Text>
                {result.errors.length > 0 && <Text size="sm">{t('done.skipped', { n: n(result.errors.length) })}</Text>}
                <Group>
                  {uploadTarget === 'organizations' ? (
                    <ButtonLink to="/organizations" search={{ sort: 'updatedAt', order: 'desc' } as never}>
                      {t('done.openOrganizations')}
                    </ButtonLink>
                  ) : (
                    <ButtonLink to="/people" search={{ sort: 'updatedAt', order: 'desc' } as never}>
                      {t('done.openPeople')}
                    </ButtonLink>
                  )}
                  <Button variant="default" onClick={restart}>
                    {t('done.another')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )}
        </Stepper.Completed>
      </Stepper>
    </Stack>
  );
}

function Stat({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm">{label}</Text>
      <Text fz={28} fw={700} c={color}>
        {value}
      </Text>
    </Paper>
  );
}

