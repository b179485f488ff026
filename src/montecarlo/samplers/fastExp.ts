/**
 * fastExp: e^x without a call into C++. V8 runs Math.exp as a call of about 25 ns (glibc: 12 ns),
 * so the samplers use this where an exp is unavoidable on a hot path.
 */

/** ln 2 split so that k * LN2_HI is exact for |k| < 2^20 (fdlibm's constants). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;

/** exp: 2^(j / 64) for j < 64, and 2^k for the normal range of k. */
const EXP_TABLE_BITS = 6;
const EXP_TABLE_SIZE = 1 << EXP_TABLE_BITS;
const expFraction = new Float64Array(EXP_TABLE_SIZE);
const expPowerOfTwo = new Float64Array(2046);
const EXP_STEPS_PER_UNIT = EXP_TABLE_SIZE / Math.LN2;
const EXP_STEP_HI = LN2_HI / EXP_TABLE_SIZE;
const EXP_STEP_LO = LN2_LO / EXP_TABLE_SIZE;
buildExpTables();

function buildExpTables(): void {
  for (let j = 0; j < EXP_TABLE_SIZE; j++) expFraction[j] = 2 ** (j / EXP_TABLE_SIZE);
  for (let k = -1022; k <= 1023; k++) expPowerOfTwo[k + 1022] = 2 ** k;
}

/**
 * Natural exponential, inlined by V8 where Math.exp is a call: e^x = 2^k 2^(j/64) e^r with
 * x = (64 k + j) ln2 / 64 + r, |r| <= ln2 / 128, e^r by its Taylor series to r^6 (next term
 * < 3e-20). Within 2 ulp (tests compare it with Math.exp). Outside (-708, 709), where the result
 * leaves the normal range, and for NaN, Math.exp decides.
 */
export function fastExp(x: number): number {
  if (!(x > -708 && x < 709)) return Math.exp(x);
  const steps = Math.round(x * EXP_STEPS_PER_UNIT);
  const r = x - steps * EXP_STEP_HI - steps * EXP_STEP_LO;
  const j = steps & (EXP_TABLE_SIZE - 1);
  const k = steps >> EXP_TABLE_BITS;
  const r2 = r * r;
  const expRMinus1 = r + r2 * (0.5 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120) + r2 * (1 / 720)));
  const fraction = expFraction[j];
  return (fraction + fraction * expRMinus1) * expPowerOfTwo[k + 1022];
}
