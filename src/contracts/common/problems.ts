import { z } from 'zod';
import type { UiLocale } from './languages.js';

/**
 * Stable error codes of the whole API. Every error answer is RFC 9457 problem+json:
 * { type, title, status, code, detail, instance, requestId, fields?, current? }.
 */
export const PROBLEM_STATUS = {
  validation: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  version_conflict: 409,
  conflict: 409,
  already_set_up: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

export const PROBLEM_MESSAGES: Record<ProblemCode, Record<UiLocale, string>> = {
  validation: {
    en: 'Some fields are not valid. Please check them.',
    bg: 'Някои полета не са попълнени правилно. Моля, проверете ги.',
    ka: 'ზოგიერთი ველი არასწორადაა შევსებული. გთხოვთ, შეამოწმოთ.',
  },
  bad_request: {
    en: 'The request could not be understood.',
    bg: 'Заявката не може да бъде разбрана.',
    ka: 'მოთხოვნა ვერ იქნა გაგებული.',
  },
  unauthenticated: {
    en: 'Please sign in.',
    bg: 'Моля, влезте в системата.',
    ka: 'გთხოვთ, შეხვიდეთ სისტემაში.',
  },
  invalid_credentials: {
    en: 'The e-mail or password is not correct.',
    bg: 'Имейлът или паролата не са верни.',
    ka: 'ელფოსტა ან პაროლი არასწორია.',
  },
  forbidden: {
    en: 'You do not have permission to do this.',
    bg: 'Нямате права за това действие.',
    ka: 'ამ მოქმედების უფლება არ გაქვთ.',
  },
  csrf: {
    en: 'Your session token is missing or out of date. Reload the page and try again.',
    bg: 'Липсва или е остарял ключът на сесията. Презаредете страницата и опитайте отново.',
    ka: 'სესიის გასაღები აკლია ან მოძველებულია. განაახლეთ გვერდი და სცადეთ ხელახლა.',
  },
  not_found: {
    en: 'The record was not found. It may have been deleted.',
    bg: 'Записът не е намерен. Възможно е да е изтрит.',
    ka: 'ჩანაწერი ვერ მოიძებნა. შესაძლოა წაშლილია.',
  },
  version_conflict: {
    en: 'Someone else changed this record while you were editing it.',
    bg: 'Някой друг промени този запис, докато го редактирахте.',
    ka: 'სხვამ შეცვალა ეს ჩანაწერი, სანამ მას არედაქტირებდით.',
  },
  conflict: {
    en: 'This conflicts with an existing record.',
    bg: 'Това е в конфликт със съществуващ запис.',
    ka: 'ეს ეწინააღმდეგება არსებულ ჩანაწერს.',
  },
  already_set_up: {
    en: 'Legato is already set up: sign in instead.',
    bg: 'Legato вече е настроен: влезте в системата.',
    ka: 'Legato უკვე გამართულია: შედით სისტემაში.',
  },
  payload_too_large: {
    en: 'The data sent is too large.',
    bg: 'Изпратените данни са твърде големи.',
    ka: 'გაგზავნილი მონაცემები ძალიან დიდია.',
  },
  unsupported_media_type: {
    en: 'This kind of file or data is not accepted.',
    bg: 'Този вид файл или данни не се приема.',
    ka: 'ამ ტიპის ფაილი ან მონაცემი არ მიიღება.',
  },
  rate_limited: {
    en: 'Too many attempts. Please wait a moment and try again.',
    bg: 'Твърде много опити. Моля, изчакайте малко и опитайте отново.',
    ka: 'ძალიან ბევრი მცდელობა. გთხოვთ, ცოტა მოიცადოთ და სცადოთ ხელახლა.',
  },
  internal: {
    en: 'Something went wrong on the server. Nothing was saved.',
    bg: 'Възникна грешка в сървъра. Нищо не е записано.',
    ka: 'სერვერზე მოხდა შეცდომა. არაფერი შენახულა.',
  },
};

/** Messages for one failing field, by a small set of stable reasons. */
export const FIELD_MESSAGES = {
  required: { en: 'This field is required.', bg: 'Полето е задължително.', ka: 'ველი სავალდებულოა.' },
  too_short: { en: 'Too short (at least {{min}}).', bg: 'Твърде кратко (поне {{min}}).', ka: 'ძალიან მოკლეა (მინიმუმ {{min}}).' },
  too_long: { en: 'Too long (at most {{max}}).', bg: 'Твърде дълго (най-много {{max}}).', ka: 'ძალიან გრძელია (მაქსიმუმ {{max}}).' },
  too_small: { en: 'Must be at least {{min}}.', bg: 'Трябва да е поне {{min}}.', ka: 'უნდა იყოს მინიმუმ {{min}}.' },
  too_big: { en: 'Must be at most {{max}}.', bg: 'Трябва да е най-много {{max}}.', ka: 'უნდა იყოს მაქსიმუმ {{max}}.' },
  invalid_email: { en: 'Not a valid e-mail address.', bg: 'Невалиден имейл адрес.', ka: 'ელფოსტის მისამართი არასწორია.' },
  invalid_url: { en: 'Not a valid web address.', bg: 'Невалиден уеб адрес.', ka: 'ვებმისამართი არასწორია.' },
  invalid_date: { en: 'Not a valid date.', bg: 'Невалидна дата.', ka: 'თარიღი არასწორია.' },
  invalid_choice: { en: 'Choose one of the offered values.', bg: 'Изберете една от предложените стойности.', ka: 'აირჩიეთ შემოთავაზებული მნიშვნელობებიდან.' },
  invalid_type: { en: 'Wrong kind of value.', bg: 'Грешен вид стойност.', ka: 'მნიშვნელობის ტიპი არასწორია.' },
  invalid_format: { en: 'Wrong format.', bg: 'Грешен формат.', ka: 'ფორმატი არასწორია.' },
  invalid_characters: {
    en: 'Contains characters that cannot be saved (a NUL byte or a broken Unicode character).',
    bg: 'Съдържа знаци, които не могат да бъдат записани (нулев байт или повреден Unicode знак).',
    ka: 'შეიცავს სიმბოლოებს, რომელთა შენახვა შეუძლებელია (ნულოვანი ბაიტი ან დაზიანებული Unicode სიმბოლო).',
  },
  unknown_field: { en: 'Unknown field.', bg: 'Непознато поле.', ka: 'უცნობი ველი.' },
  weak_password: {
    en: 'Use at least 10 characters.',
    bg: 'Използвайте поне 10 знака.',
    ka: 'გამოიყენეთ მინიმუმ 10 სიმბოლო.',
  },
  wrong_password: { en: 'The current password is not correct.', bg: 'Текущата парола не е вярна.', ka: 'მიმდინარე პაროლი არასწორია.' },
  duplicate_email: {
    en: 'An account with this e-mail already exists.',
    bg: 'Вече има профил с този имейл.',
    ka: 'ამ ელფოსტით ანგარიში უკვე არსებობს.',
  },
  not_found: { en: 'The linked record does not exist.', bg: 'Свързаният запис не съществува.', ka: 'დაკავშირებული ჩანაწერი არ არსებობს.' },
  same_record: { en: 'Choose two different records.', bg: 'Изберете два различни записа.', ka: 'აირჩიეთ ორი განსხვავებული ჩანაწერი.' },
  invalid: { en: 'Not valid.', bg: 'Невалидна стойност.', ka: 'არასწორი მნიშვნელობა.' },
  before_start: { en: 'Must not be before the start.', bg: 'Не може да е преди началото.', ka: 'არ შეიძლება იყოს დაწყებამდე.' },
  outside_visit: { en: 'Must be within the dates of the visit.', bg: 'Трябва да е в рамките на датите на посещението.', ka: 'უნდა იყოს ვიზიტის თარიღების ფარგლებში.' },
  programme_outside: {
    en: 'Some programme items fall outside these dates: move them first.',
    bg: 'Някои точки от програмата са извън тези дати: първо ги преместете.',
    ka: 'პროგრამის ზოგიერთი პუნქტი ამ თარიღებს გარეთაა: ჯერ გადაიტანეთ ისინი.',
  },
  day_not_free: { en: 'That day already has programme items.', bg: 'Този ден вече има точки от програмата.', ka: 'ამ დღეს უკვე აქვს პროგრამის პუნქტები.' },
  incomplete_list: { en: 'List every item of the day, in the new order.', bg: 'Посочете всички точки от деня в новия ред.', ka: 'მიუთითეთ დღის ყველა პუნქტი ახალი თანმიმდევრობით.' },
  not_in_future: { en: 'Must be in the future.', bg: 'Трябва да е в бъдещето.', ka: 'უნდა იყოს მომავალში.' },
  invalid_time_zone: {
    en: 'Not a known time zone (e.g. Europe/Sofia).',
    bg: 'Непозната часова зона (напр. Europe/Sofia).',
    ka: 'უცნობი სასაათო სარტყელი (მაგ. Asia/Tbilisi).',
  },
  document_languages: {
    en: 'Choose one or two of bg, ka, en, separated by a comma.',
    bg: 'Изберете един или два от езиците bg, ka, en, разделени със запетая.',
    ka: 'აირჩიეთ ერთი ან ორი ენა bg, ka, en-დან, მძიმით გამოყოფილი.',
  },
} as const satisfies Record<string, Record<UiLocale, string>>;
export type FieldReason = keyof typeof FIELD_MESSAGES;

export function fieldMessage(reason: FieldReason, locale: UiLocale, params: Record<string, string | number> = {}): string {
  let text: string = FIELD_MESSAGES[reason][locale];
  for (const [k, v] of Object.entries(params)) text = text.replace(`{{${k}}}`, String(v));
  return text;
}

export const FieldErrorSchema = z.object({
  path: z.string().describe('Dotted path of the failing field, e.g. name.values.bg'),
  reason: z.string().describe('Stable reason code, e.g. required, too_long'),
  message: z.string().describe('Message in the caller\'s language'),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    fields: z.array(FieldErrorSchema).optional(),
    current: z
      .object({ version: z.number().int(), updatedAt: z.string(), updatedBy: z.object({ id: z.string(), name: z.string() }).nullable() })
      .optional()
      .describe('For version_conflict: the version now stored, when and by whom it was changed'),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof ProblemSchema>;
