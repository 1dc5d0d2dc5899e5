import { useForm, type FormErrors, type UseFormReturnType } from '@mantine/form';
import { useHotkeys } from '@mantine/hooks';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZodType } from 'zod';
import { isUiLocale } from '../../contracts/common/languages';
import { fieldMessage, type FieldReason, type Problem } from '../../contracts/common/problems';
import { ApiError } from '../lib/api';

type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
};

/** A zod issue as one of the API's field reasons, so the browser and server say the same thing. */
function reasonOf(issue: Issue, input: unknown): { reason: FieldReason; params?: Record<string, number> } {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { reason: 'required' };
      if (issue.origin === 'string' || issue.origin === 'array') return { reason: 'too_short', params: { min: Number(issue.minimum) } };
      return { reason: 'too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string' || issue.origin === 'array') return { reason: 'too_long', params: { max: Number(issue.maximum) } };
      return { reason: 'too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { reason: 'invalid_email' };
      if (issue.format === 'url') return { reason: 'invalid_url' };
      if (issue.format === 'datetime' || issue.format === 'date') return { reason: 'invalid_date' };
      return { reason: 'invalid_format' };
    case 'invalid_value':
      return input === undefined || input === null || input === '' ? { reason: 'required' } : { reason: 'invalid_choice' };
    case 'invalid_type':
      return input === undefined || input === null ? { reason: 'required' } : { reason: 'invalid_type' };
    case 'custom':
      return { reason: issue.message === 'required' ? 'required' : 'invalid' };
    default:
      return { reason: 'invalid' };
  }
}

/** Checks a payload with the contract's zod schema; errors keyed by dotted path, in the UI language. */
export function zodFormErrors(schema: ZodType, payload: unknown, locale: string): FormErrors {
  const result = schema.safeParse(payload);
  if (result.success) return {};
  const lang = isUiLocale(locale) ? locale : 'en';
  const errors: FormErrors = {};
  for (const issue of result.error.issues as Issue[]) {
    const path = issue.path.map(String).join('.');
    if (errors[path]) continue;
    const input = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), payload);
    const { reason, params } = reasonOf(issue, input);
    errors[path] = fieldMessage(reason, lang, params);
  }
  return errors;
}

export type FormFailure = { kind: 'conflict'; problem: Problem } | { kind: 'message'; message: string } | null;

/**
 * A Mantine form wired to the API: validation with the contract's zod schema before sending,
 * server field errors (ApiError.fieldErrors(), paths like name.values.bg) shown next to the
 * fields, the first invalid field focused, and a version conflict kept for the ConflictAlert.
 */
export function useApiForm<V extends Record<string, unknown>, P>(options: { initialValues: V; schema: ZodType; toPayload: (values: V) => P }) {
  const { t, i18n } = useTranslation('ui');
  const form: UseFormReturnType<V> = useForm<V>({ mode: 'controlled', initialValues: options.initialValues, clearInputErrorOnChange: true });
  const formRef = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<FormFailure>(null);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const focusFirstError = useCallback(() => {
    requestAnimationFrame(() => {
      const el = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
      el?.focus();
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    });
  }, []);

  /** The payload to send, or null after showing the validation errors. */
  const checkedPayload = useCallback((values?: V): P | null => {
    const payload = optionsRef.current.toPayload(values ?? form.getValues());
    const errors = zodFormErrors(optionsRef.current.schema, payload, i18n.language);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      setFailure({ kind: 'message', message: t('form.invalid') });
      focusFirstError();
      return null;
    }
    setFailure((f) => (f?.kind === 'conflict' ? f : null));
    return payload;
  }, [form, i18n.language, t, focusFirstError]);

  const handleError = useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        if (error.code === 'version_conflict') {
          setFailure({ kind: 'conflict', problem: error.problem });
          return;
        }
        const fields = error.fieldErrors();
        if (Object.keys(fields).length > 0) {
          form.setErrors(fields);
          focusFirstError();
        }
        setFailure({ kind: 'message', message: error.message });
        return;
      }
      setFailure({ kind: 'message', message: t('errors.unexpected') });
    },
    [form, focusFirstError, t],
  );

  return { form, formRef, failure, setFailure, checkedPayload, handleError };
}

/** Ctrl+S / Cmd+S and Ctrl+Enter submit the form, also while typing in a field. */
export function useSubmitHotkeys(submit: () => void, enabled = true) {
  const ref = useRef(submit);
  ref.current = submit;
  useHotkeys(
    enabled
      ? [
          ['mod+S', () => ref.current()],
          ['mod+Enter', () => ref.current()],
        ]
      : [],
    [],
  );
}
