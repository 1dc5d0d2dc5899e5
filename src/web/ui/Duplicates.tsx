import { Alert, Badge, Button, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../lib/api';
import { formatNumber } from '../lib/format';
import { IconMerge } from './icons';
import './i18n';
import { AnchorLink } from './links';
import { notifySuccess } from './notify';

export type DirectoryResource = 'organizations' | 'people';
export type SimilarRecord = { id: string; label: string; similarity: number };
type Versioned = { id: string; version: number };

export const similarQueryKey = (resource: DirectoryResource, name: string, excludeId?: string) => [resource, 'similar', name, excludeId ?? null] as const;

/**
 * Likely duplicates of a record known under several names (one per language): the server
 * compares one name at a time, so each is asked and the answers are joined, best first.
 */
export function useSimilar(resource: DirectoryResource, names: string | string[], excludeId?: string) {
  const list = [...new Set((Array.isArray(names) ? names : [names]).map((n) => n.trim()).filter((n) => n.length >= 2))].slice(0, 4);
  const queries = useQueries({
    queries: list.map((name) => ({
      queryKey: similarQueryKey(resource, name, excludeId),
      queryFn: () => api.get<SimilarRecord[]>(`/api/${resource}/similar`, { name, excludeId }),
      staleTime: 30_000,
    })),
  });
  const best = new Map<string, SimilarRecord>();
  for (const q of queries) for (const r of q.data ?? []) if (r.id !== excludeId && (best.get(r.id)?.similarity ?? -1) < r.similarity) best.set(r.id, r);
  return {
    data: [...best.values()].sort((a, b) => b.similarity - a.similarity),
    isLoading: queries.some((q) => q.isLoading),
  };
}

/** A link to a record's page. */
export function RecordLink({ resource, id, children, newTab }: { resource: DirectoryResource; id: string; children: ReactNode; newTab?: boolean }) {
  const { t } = useTranslation('ui');
  const content = (
    <>
      {children}
      {newTab && <span style={srOnly}> ({t('duplicates.newTab')})</span>}
    </>
  );
  const target = newTab ? '_blank' : undefined;
  const rel = newTab ? 'noopener' : undefined;
  return resource === 'organizations' ? (
    <AnchorLink to="/organizations/$id" params={{ id }} target={target} rel={rel}>
      {content}
    </AnchorLink>
  ) : (
    <AnchorLink to="/people/$id" params={{ id }} target={target} rel={rel}>
      {content}
    </AnchorLink>
  );
}

export interface DuplicatesPanelProps<R extends Versioned> {
  resource: DirectoryResource;
  record: R;
  /** The names duplicates are searched by (e.g. the name in each language). */
  names: string[];
  label: (record: R) => string;
  /** Key facts shown side by side when choosing which record to keep. */
  summary: (record: R) => { label: string; value: ReactNode }[];
  canMerge: boolean;
  /** Called after a merge with the id of the record that was kept. */
  onMerged: (keptId: string) => void;
}

/** The "likely duplicates" panel of a detail page, with a Merge action for each. */
export function DuplicatesPanel<R extends Versioned>(props: DuplicatesPanelProps<R>) {
  const { t, i18n } = useTranslation('ui');
  const similar = useSimilar(props.resource, props.names, props.record.id);
  const [mergeWith, setMergeWith] = useState<SimilarRecord | null>(null);
  const items = similar.data;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="duplicates-heading" data-testid="duplicates">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="duplicates-heading">
          {t('duplicates.title')}
        </Title>
        {similar.isLoading && items.length === 0 ? (
          <Text size="sm">{t('table.loading')}</Text>
        ) : items.length === 0 ? (
          <Text size="sm">{t('duplicates.none')}</Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {items.map((s) => (
              <Group component="li" key={s.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={0} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  <RecordLink resource={props.resource} id={s.id}>
                    {s.label}
                  </RecordLink>
                  <Text size="xs">{t('duplicates.similarity', { percent: formatNumber(Math.round(s.similarity * 100), i18n.language) })}</Text>
                </Stack>
                {props.canMerge && (
                  <Button size="xs" variant="default" style={{ flexShrink: 0 }} leftSection={<IconMerge size={14} />} onClick={() => setMergeWith(s)} aria-label={t('duplicates.mergeWith', { name: s.label })}>
                    {t('duplicates.merge')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
      {mergeWith && <MergeDialog {...props} other={mergeWith} onClose={() => setMergeWith(null)} />}
    </Paper>
  );
}

function MergeDialog<R extends Versioned>({ resource, record, other, label, summary, onClose, onMerged }: DuplicatesPanelProps<R> & { other: SimilarRecord; onClose: () => void }) {
  const { t } = useTranslation('ui');
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const otherRecord = useQuery({ queryKey: [resource, 'detail', other.id], queryFn: () => api.get<R>(`/api/${resource}/${other.id}`) });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setError(null), [keep]);

  const merge = useMutation({
    mutationFn: async () => {
      const theOther = otherRecord.data!;
      const [kept, gone] = keep === 'this' ? [record, theOther] : [theOther, record];
      return { kept: await api.post<R>(`/api/${resource}/${kept.id}/merge`, { otherId: gone.id, version: kept.version, otherVersion: gone.version }), goneId: gone.id };
    },
    onSuccess: async ({ kept, goneId }) => {
      queryClient.removeQueries({ queryKey: [resource, 'detail', goneId] });
      await queryClient.invalidateQueries({ queryKey: [resource] });
      await queryClient.invalidateQueries({ queryKey: ['interactions'] });
      notifySuccess(t('duplicates.merged', { name: label(kept) }));
      onClose();
      onMerged(kept.id);
    },
    onError: (e) => {
      setError(e instanceof ApiError ? e.message : t('errors.unexpected'));
      void queryClient.invalidateQueries({ queryKey: [resource, 'detail'] });
    },
  });

  const thisLabel = label(record);
  const otherLabel = otherRecord.data ? label(otherRecord.data) : other.label;
  const keptLabel = keep === 'this' ? thisLabel : otherLabel;
  const goneLabel = keep === 'this' ? otherLabel : thisLabel;

  return (
    <Modal opened onClose={merge.isPending ? () => undefined : onClose} title={t('duplicates.mergeTitle')} size="lg" centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        {otherRecord.isError ? (
          <Alert color="red" role="alert">
            {otherRecord.error.message}
          </Alert>
        ) : (
          <>
            <Radio.Group label={t('duplicates.keepQuestion')} value={keep} onChange={(v) => setKeep(v as 'this' | 'other')}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs">
                {(['this', 'other'] as const).map((which) => {
                  const r = which === 'this' ? record : otherRecord.data;
                  const name = which === 'this' ? thisLabel : otherLabel;
                  return (
                    <Paper key={which} withBorder p="sm" radius="md">
                      <Stack gap={6}>
                        <Radio value={which} label={name} disabled={!r} />
                        {which === 'this' && (
                          <Badge size="xs" variant="light" color="gray">
                            {t('duplicates.thisRecord')}
                          </Badge>
                        )}
                        {r &&
                          summary(r).map((s) => (
                            <Text size="xs" key={s.label}>
                              <Text span fw={600} size="xs">
                                {s.label}:
                              </Text>{' '}
                              {s.value || '—'}
                            </Text>
                          ))}
                      </Stack>
                    </Paper>
                  );
                })}
              </SimpleGrid>
            </Radio.Group>
            <Text size="sm">{t('duplicates.explain', { kept: keptLabel, gone: goneLabel })}</Text>
          </>
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={merge.isPending}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={() => merge.mutate()} loading={merge.isPending} disabled={!otherRecord.data} data-testid="confirm-merge">
            {t('duplicates.confirm', { name: keptLabel })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const srOnly = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;

/** While a name is typed in a form: records with a similar name, to avoid creating a duplicate. */
export function SimilarWhileTyping({ resource, names, excludeId }: { resource: DirectoryResource; names: string[]; excludeId?: string }) {
  const { t, i18n } = useTranslation('ui');
  const key = names.join('\u0000');
  const [debounced, setDebounced] = useState(names);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(key.split('\u0000')), 400);
    return () => clearTimeout(timer);
  }, [key]);
  const similar = useSimilar(resource, debounced, excludeId);
  const items = similar.data.slice(0, 5);
  return (
    <div aria-live="polite" data-testid="similar-while-typing">
      {items.length > 0 && (
        <Alert color="yellow" variant="light" title={t('duplicates.whileTypingTitle')}>
          <Stack gap={4}>
            <Text size="sm">{t('duplicates.whileTypingBody')}</Text>
            <Stack component="ul" gap={2} m={0} pl="md">
              {items.map((s) => (
                <Text component="li" size="sm" key={s.id}>
                  <RecordLink resource={resource} id={s.id} newTab>
                    {s.label}
                  </RecordLink>{' '}
                  ({t('duplicates.similarity', { percent: formatNumber(Math.round(s.similarity * 100), i18n.language) })})
                </Text>
              ))}
            </Stack>
          </Stack>
        </Alert>
      )}
    </div>
  );
}
