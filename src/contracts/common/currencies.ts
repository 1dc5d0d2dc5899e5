/**
 * ISO 4217 codes of the currencies in circulation (funds and precious metals left out), for
 * budget lines and gift values. A fixed list rather than `Intl.supportedValuesOf('currency')`,
 * which differs between runtimes and carries withdrawn currencies.
 */
export const CURRENCIES = [
  'EUR', 'BGN', 'GEL', 'USD', 'GBP', 'CHF', 'RON', 'TRY', 'UAH', 'AMD', 'AZN', 'RSD', 'MKD', 'ALL', 'BAM',
  'MDL', 'HUF', 'CZK', 'PLN', 'SEK', 'NOK', 'DKK', 'ISK', 'RUB', 'BYN', 'KZT', 'KGS', 'UZS', 'TJS', 'TMT',
  'AED', 'AFN', 'ANG', 'AOA', 'ARS', 'AUD', 'AWG', 'BBD', 'BDT', 'BHD', 'BIF', 'BMD', 'BND', 'BOB', 'BRL',
  'BSD', 'BTN', 'BWP', 'BZD', 'CAD', 'CDF', 'CLP', 'CNY', 'COP', 'CRC', 'CUP', 'CVE', 'DJF', 'DOP', 'DZD',
  'EGP', 'ERN', 'ETB', 'FJD', 'FKP', 'GHS', 'GIP', 'GMD', 'GNF', 'GTQ', 'GYD', 'HKD', 'HNL', 'HTG', 'IDR',
  'ILS', 'INR', 'IQD', 'IRR', 'JMD', 'JOD', 'JPY', 'KES', 'KHR', 'KMF', 'KPW', 'KRW', 'KWD', 'KYD', 'LAK',
  'LBP', 'LKR', 'LRD', 'LSL', 'LYD', 'MAD', 'MGA', 'MMK', 'MNT', 'MOP', 'MRU', 'MUR', 'MVR', 'MWK', 'MXN',
  'MYR', 'MZN', 'NAD', 'NGN', 'NIO', 'NPR', 'NZD', 'OMR', 'PAB', 'PEN', 'PGK', 'PHP', 'PKR', 'PYG', 'QAR',
  'RWF', 'SAR', 'SBD', 'SCR', 'SDG', 'SGD', 'SHP', 'SLE', 'SOS', 'SRD', 'SSP', 'STN', 'SYP', 'SZL', 'THB',
  'TND', 'TOP', 'TTD', 'TWD', 'TZS', 'UGX', 'UYU', 'VES', 'VND', 'VUV', 'WST', 'XAF', 'XCD', 'XOF', 'XPF',
  'YER', 'ZAR', 'ZMW', 'ZWG',
] as const;
export type Currency = (typeof CURRENCIES)[number];
