/**
 * Numbers and money in the user's language and the plan's currency. Every figure the app or
 * the CLI shows goes through one of these functions (Intl.NumberFormat underneath).
 */

export interface Format {
  locale: string;
  currency: string;
  /** 12,345 (currency, no decimals) */
  money: (value: number) => string;
  /** 12.35 (currency, two decimals): prices and per-customer amounts */
  moneyExact: (value: number) => string;
  /** 1.2M (currency, compact): chart axes */
  moneyCompact: (value: number) => string;
  /** 12,345 */
  integer: (value: number) => string;
  /** 1.23 with up to `digits` decimals */
  decimal: (value: number, digits?: number) => string;
  /** 12.3k */
  compact: (value: number) => string;
  /** 12.3% from 0.123 */
  percent: (value: number, digits?: number) => string;
  /** +12% / −12% from ±0.12 */
  signedPercent: (value: number, digits?: number) => string;
}

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Negative zero and tiny rounding noise print as 0, not "−0". */
const clean = (value: number, digits: number) =>
  Math.abs(value) < 0.5 * 10 ** -digits ? 0 : value;

export function createFormat(locale: string, currency: string): Format {
  const money = numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
  const moneyExact = numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const moneyCompact = numberFormat(locale, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const integer = numberFormat(locale, { maximumFractionDigits: 0 });
  const compact = numberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  return {
    locale,
    currency,
    money: (value) => money.format(clean(value, 0)),
    moneyExact: (value) => moneyExact.format(clean(value, 2)),
    moneyCompact: (value) => moneyCompact.format(clean(value, 0)),
    integer: (value) => integer.format(clean(value, 0)),
    decimal: (value, digits = 2) =>
      numberFormat(locale, { maximumFractionDigits: digits }).format(clean(value, digits)),
    compact: (value) => compact.format(clean(value, 0)),
    percent: (value, digits = 1) =>
      numberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(
        clean(value, digits + 2),
      ),
    signedPercent: (value, digits = 0) =>
      numberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: digits,
        signDisplay: 'exceptZero',
      }).format(clean(value, digits + 2)),
  };
}
