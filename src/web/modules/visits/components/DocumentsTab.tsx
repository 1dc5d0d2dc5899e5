import { Button, Group, MultiSelect, Paper, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOC_LANGS, type Visit } from '../../../../contracts/visits';
import { IconDownload } from '../../../ui/icons';
import { languageName } from '../../../ui/languages';
import { documentUrls } from '../visits.api';
import { participantLabel } from '../visits.labels';
import { EmptyNote } from './RecordParts';

const isDocLang = (code: string) => (DOC_LANGS as readonly string[]).includes(code);

/** The documents of a visit: its programme (one language, or two side by side), the participants, welcome letters. */
export function DocumentsTab({ visit }: { visit: Visit }) {
  const { t, i18n } = useTranslation('visits');
  const lang = i18n.language;
  const local = isDocLang(visit.title.original) && visit.title.original !== 'en' ? visit.title.original : isDocLang(lang) ? lang : 'bg';
  const guest = visit.guestLanguages.find((c) => isDocLang(c) && c !== local);
  const [programmeLangs, setProgrammeLangs] = useState<string[]>(guest ? [local, guest] : [local]);
  const [listLang, setListLang] = useState<string>(isDocLang(lang) ? lang : 'bg');
  const [letterLang, setLetterLang] = useState<string>(guest ?? (isDocLang(lang) ? lang : 'en'));
  const options = DOC_LANGS.map((c) => ({ value: c, label: languageName(c, lang) }));
  const addressees = visit.participants.filter((p) => p.role === (visit.direction === 'incoming' ? 'guest' : 'host'));
  const langsText = programmeLangs.map((c) => languageName(c, lang)).join(' + ');

  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="doc-programme">
        <Title order={2} fz="lg" mb="xs" id="doc-programme">
          {t('documents.programme')}
        </Title>
        <Text size="sm" mb="sm">
          {t('documents.programmeHint')}
        </Text>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <MultiSelect
            label={t('documents.languages')}
            description={t('documents.languagesHint')}
            data={options}
            value={programmeLangs}
            onChange={setProgrammeLangs}
            maxValues={2}
            hidePickedOptions
            w={360}
            data-testid="programme-languages"
          />
          <Button component="a" href={documentUrls.programme(visit.id, 'pdf', programmeLangs)} download leftSection={<IconDownload />} disabled={programmeLangs.length === 0} aria-label={t('documents.downloadPdfLabel', { languages: langsText })} data-testid="programme-pdf">
            {t('documents.downloadPdf')}
          </Button>
          <Button component="a" href={documentUrls.programme(visit.id, 'docx', programmeLangs)} download variant="default" leftSection={<IconDownload />} disabled={programmeLangs.length === 0} aria-label={t('documents.downloadDocxLabel', { languages: langsText })} data-testid="programme-docx">
            {t('documents.downloadDocx')}
          </Button>
        </Group>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="doc-participants">
        <Title order={2} fz="lg" mb="sm" id="doc-participants">
          {t('documents.participants')}
        </Title>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('documents.language')} data={options} value={listLang} allowDeselect={false} onChange={(v) => v && setListLang(v)} w={220} />
          <Button component="a" href={documentUrls.participants(visit.id, listLang)} download variant="default" leftSection={<IconDownload />} aria-label={t('documents.participantsLabel', { language: languageName(listLang, lang) })}>
            {t('documents.downloadPdf')}
          </Button>
        </Group>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="doc-letters">
        <Title order={2} fz="lg" mb="sm" id="doc-letters">
          {t('documents.letters')}
        </Title>
        <Stack gap="sm">
          <Select label={t('documents.language')} data={options} value={letterLang} allowDeselect={false} onChange={(v) => v && setLetterLang(v)} w={220} />
          {addressees.length === 0 ? (
            <EmptyNote>{t(visit.direction === 'incoming' ? 'documents.noGuests' : 'documents.noHosts')}</EmptyNote>
          ) : (
            <Table verticalSpacing="xs" aria-labelledby="doc-letters">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('participants.name')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('records.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {addressees.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{participantLabel(p)}</Table.Td>
                    <Table.Td ta="right">
                      <Button component="a" size="xs" variant="default" href={documentUrls.welcomeLetter(visit.id, p.id, letterLang)} download leftSection={<IconDownload size={14} />} aria-label={t('documents.letterLabel', { name: p.name })}>
                        {t('documents.downloadDocx')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
