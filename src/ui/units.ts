/**
 * How a parameter's unit is shown in a form field: the model stores 0.07, the person types 7
 * next to a "%"; the model stores 50, the person types 50 next to "€".
 */
import type { Format } from '../i18n/format';
import type { Unit } from '../model/parameters';

export interface FieldUnit {
  /** Multiply the stored value by this to show it. */
  scale: number;
  step: number;
  /** 'percent' shows %, 'currency' the currency symbol, 'none' nothing. */
  suffix: 'percent' | 'currency' | 'none';
}

export function fieldUnit(unit: Unit): FieldUnit {
  switch (unit) {
    case 'share':
    case 'monthlyRate':
    case 'relativeChange':
      return { scale: 100, step: 0.1, suffix: 'percent' };
    case 'money':
    case 'moneyPerMonth':
      return { scale: 1, step: 0.01, suffix: 'currency' };
    case 'customers':
    case 'customersPerMonth':
      return { scale: 1, step: 1, suffix: 'none' };
    case 'perMonth':
    case 'months':
      return { scale: 1, step: 0.01, suffix: 'none' };
  }
}

/** The stored value as the field shows it, without floating-point noise (7.000000001 → 7). */
export function toField(value: number, unit: FieldUnit): string {
  return String(Number((value * unit.scale).toPrecision(12)));
}

/** The typed text as a stored value, or null when it is not a number. */
export function fromField(text: string, unit: FieldUnit): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? Number((value / unit.scale).toPrecision(15)) : null;
}

/** The currency's symbol in the user's language, e.g. "€" or "$". */
export function currencySymbol(locale: string, currency: string): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  return parts.find((part) => part.type === 'currency')?.value ?? currency;
}

/** What the field shows after the number: "%", the currency's symbol, or nothing. */
export function unitSuffix(unit: FieldUnit, format: Format): string {
  if (unit.suffix === 'percent') return '%';
  return unit.suffix === 'currency' ? currencySymbol(format.locale, format.currency) : '';
}

/** Decimals that show three significant digits of a number as the field shows it (at most four). */
function fractionDigits(shown: number): number {
  if (shown === 0 || !Number.isFinite(shown)) return 0;
  return Math.min(4, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(shown)))));
}

/** A stored value as a person reads it next to the field's unit, to three significant digits: 7.25%, $1,250, 0.85. */
export function formatInUnit(value: number, unit: FieldUnit, format: Format): string {
  const digits = fractionDigits(value * unit.scale);
  switch (unit.suffix) {
    case 'percent':
      return format.percent(value, digits);
    case 'currency':
      return digits === 0 ? format.money(value) : format.moneyExact(value);
    case 'none':
      return format.decimal(value, digits);
  }
}
