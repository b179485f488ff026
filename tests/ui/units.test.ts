import { describe, expect, it } from 'vitest';
import { createFormat } from '../../src/i18n/format';
import { fieldUnit, formatInUnit, unitSuffix } from '../../src/ui/units';

const usd = createFormat('en-US', 'USD');
const percent = fieldUnit('share');
const money = fieldUnit('money');
const plain = fieldUnit('perMonth');

describe('formatInUnit', () => {
  it.each([
    [0.0725, percent, '7.25%'],
    [0.4, percent, '40%'],
    [0.0069, percent, '0.69%'],
    [-0.125, fieldUnit('relativeChange'), '-12.5%'],
    [1250, money, '$1,250'],
    [193.6, money, '$194'],
    [1.5, money, '$1.50'],
    [0.85, plain, '0.85'],
    [200, plain, '200'],
    [12345.6, plain, '12,346'],
    [0, plain, '0'],
  ] as const)('shows %d as %s', (value, unit, expected) => {
    expect(formatInUnit(value, unit, usd)).toBe(expected);
  });
});

describe('unitSuffix', () => {
  it.each([
    [percent, 'USD', '%'],
    [money, 'USD', '$'],
    [money, 'EUR', '€'],
    [plain, 'USD', ''],
  ] as const)('%j in %s', (unit, currency, expected) => {
    expect(unitSuffix(unit, createFormat('en-US', currency))).toBe(expected);
  });
});
