/**
 * Special functions of the normal and gamma families, to full double precision.
 *
 * Coefficients come from the published algorithms named at each function, so that a reader can
 * check the transcription against the paper rather than against another program.
 */

/** ln(2π) / 2, the constant of Stirling's formula. */
export const HALF_LN_2PI = 0.9189385332046728;

/** Φ⁻¹(0.95), the 95th percentile of the standard normal: a 90% range spans ±Z95 sd. */
export const Z95 = 1.6448536269514722;

/** 1 / sqrt(π). */
const INV_SQRT_PI = 0.5641895835477563;

// W. J. Cody, "Rational Chebyshev approximations for the error function",
// Math. Comp. 23 (1969) 631-638; coefficients as in Cody's CALERF (netlib specfun).
const ERF_A = [
  3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947,
  0.185777706184603153,
];
const ERF_B = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const ERFC_C = [
  0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131,
  881.95222124176909, 1712.04761263407058, 2051.07837782607147, 1230.33935479799725,
  2.15311535474403846e-8,
];
const ERFC_D = [
  15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019,
  3290.79923573345963, 4362.61909014324716, 3439.36767414372164, 1230.33935480374942,
];
const ERFC_P = [
  0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978,
];
const ERFC_Q = [
  2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191,
  0.00233520497626869185,
];

/**
 * exp(-y²) without the cancellation of squaring y: y is split into a part with few bits, whose
 * square is exact, and a small remainder (Cody's trick, which keeps erfc's relative accuracy
 * in the far tail).
 */
function expMinusSquare(y: number): number {
  const head = Math.trunc(y * 16) / 16;
  const remainder = (y - head) * (y + head);
  return Math.exp(-head * head) * Math.exp(-remainder);
}

/** Complementary error function with a relative error near 1e-16 everywhere (Cody 1969). */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let result: number;
  if (y <= 0.46875) {
    const ysq = y * y;
    let num = ERF_A[4] * ysq;
    let den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + ERF_A[i]) * ysq;
      den = (den + ERF_B[i]) * ysq;
    }
    return 1 - (x * (num + ERF_A[3])) / (den + ERF_B[3]);
  } else if (y <= 4) {
    let num = ERFC_C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_C[i]) * y;
      den = (den + ERFC_D[i]) * y;
    }
    result = (expMinusSquare(y) * (num + ERFC_C[7])) / (den + ERFC_D[7]);
  } else if (y >= 26.543) {
    // Below the smallest double: Cody's XBIG.
    result = 0;
  } else {
    const inv = 1 / (y * y);
    let num = ERFC_P[5] * inv;
    let den = inv;
    for (let i = 0; i < 4; i++) {
      num = (num + ERFC_P[i]) * inv;
      den = (den + ERFC_Q[i]) * inv;
    }
    const tail = (inv * (num + ERFC_P[4])) / (den + ERFC_Q[4]);
    result = (expMinusSquare(y) * (INV_SQRT_PI - tail)) / y;
  }
  return x < 0 ? 2 - result : result;
}

/** Standard normal CDF Φ(x), accurate in relative terms in the lower tail too (Φ(-30) ≈ 5e-198). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/**
 * ln Φ(x), finite far below where Φ(x) itself underflows (x < -37), through the asymptotic
 * series Φ(x) = φ(x)/(-x) · (1 - 1/x² + 3/x⁴ - 15/x⁶ + …), A&S 26.2.12.
 */
export function logNormalCdf(x: number): number {
  if (x > 5) return Math.log1p(-normalCdf(-x));
  if (x > -37) return Math.log(normalCdf(x));
  const inv2 = 1 / (x * x);
  let term = 1;
  let series = 1;
  for (let n = 1; n <= 7; n++) {
    term *= -(2 * n - 1) * inv2;
    series += term;
  }
  return -0.5 * x * x - HALF_LN_2PI - Math.log(-x) + Math.log(series);
}

/** Standard normal density φ(x). */
export function normalDensity(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i];
  return sum;
}

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution",
// Applied Statistics 37 (1988) 477-484: PPND16, accurate to about 1 part in 1e16.
const AS241_A = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const AS241_B = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852854561,
];
const AS241_C = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const AS241_D = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const AS241_E = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const AS241_F = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Inverse of the standard normal CDF (Wichura's AS 241); ±Infinity at p = 0 and 1. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_A, r)) / polynomial(AS241_B, r);
  }
  // 1 - p is exact for p >= 0.5, so the upper tail keeps full precision.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let z: number;
  if (r <= 5) {
    r -= 1.6;
    z = polynomial(AS241_C, r) / polynomial(AS241_D, r);
  } else {
    r -= 5;
    z = polynomial(AS241_E, r) / polynomial(AS241_F, r);
  }
  return q < 0 ? -z : z;
}

// Stirling series coefficients B_2n / (2n (2n - 1)), Abramowitz & Stegun 6.1.40.
const STIRLING = [
  1 / 12, -1 / 360, 1 / 1260, -1 / 1680, 1 / 1188, -691 / 360360, 1 / 156, -3617 / 122400,
];

/** Where the Stirling series (8 terms) is accurate to double precision. */
const STIRLING_FROM = 10;

/**
 * The remainder of Stirling's formula: lnΓ(z) - [(z - ½)ln z - z + ½ln 2π], for z >= 10.
 * Kept separate so that differences of lnΓ at large, close arguments can be taken without
 * cancelling their large leading terms.
 */
export function stirlingRemainder(z: number): number {
  const inv = 1 / z;
  const inv2 = inv * inv;
  let sum = 0;
  for (let i = STIRLING.length - 1; i >= 0; i--) sum = sum * inv2 + STIRLING[i];
  return sum * inv;
}

/** ln|Γ(x)|: Stirling's series above 10, the recurrence Γ(x) = Γ(x + n) / (x … (x + n - 1)) below. */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return Infinity;
  if (x <= 0) {
    if (Number.isInteger(x)) return Infinity;
    // Reflection: Γ(x) Γ(1 - x) = π / sin(πx).
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= STIRLING_FROM) {
    return (x - 0.5) * Math.log(x) - x + HALF_LN_2PI + stirlingRemainder(x);
  }
  let product = 1;
  let shifted = x;
  while (shifted < STIRLING_FROM) product *= shifted++;
  return logGamma(shifted) - Math.log(product);
}

/**
 * ln B(a, b) = lnΓ(a) + lnΓ(b) - lnΓ(a + b), arranged so that a large argument's lnΓ (which may be
 * ~1e7 for a narrow beta) never has to cancel against another one.
 */
export function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const large = Math.max(a, b);
  const sum = a + b;
  if (small >= STIRLING_FROM) {
    return (
      HALF_LN_2PI +
      0.5 * Math.log(sum / (small * large)) +
      small * Math.log(small / sum) +
      large * Math.log1p(-small / sum) +
      stirlingRemainder(small) +
      stirlingRemainder(large) -
      stirlingRemainder(sum)
    );
  }
  if (large >= STIRLING_FROM) {
    // lnΓ(large) - lnΓ(large + small) by Stirling, with the ln terms combined into log1p.
    const ratio =
      -small * Math.log(large) -
      (sum - 0.5) * Math.log1p(small / large) +
      small +
      stirlingRemainder(large) -
      stirlingRemainder(sum);
    return logGamma(small) + ratio;
  }
  return logGamma(a) + logGamma(b) - logGamma(sum);
}

/**
 * log(1 + t) - t without cancellation for small t. With y = t / (2 + t), log(1 + t) = 2 atanh(y)
 * = 2y(1 + y²/3 + y⁴/5 + …) and t = 2y / (1 - y), which leaves 2y(y²/3 + y⁴/5 + …) - y·t.
 */
export function log1pMinusX(t: number): number {
  if (Math.abs(t) > 0.25) return Math.log1p(t) - t;
  const y = t / (2 + t);
  const y2 = y * y;
  let power = y2;
  let series = 0;
  for (let n = 1; n < 20; n++) {
    const term = power / (2 * n + 1);
    series += term;
    if (term <= 1e-17 * series) break;
    power *= y2;
  }
  return 2 * y * series - y * t;
}

/** (x, 1 - x) for x = 1 / (1 + e^-u), both to full relative precision. */
export function logistic(u: number): [number, number] {
  if (u >= 0) {
    const e = Math.exp(-u);
    return [1 / (1 + e), e / (1 + e)];
  }
  const e = Math.exp(u);
  return [e / (1 + e), 1 / (1 + e)];
}

/** ln(x / y) for y = 1 - x, taking each logarithm from whichever of x and y is accurate. */
export function logit(x: number, y: number): number {
  return (x < 0.5 ? Math.log(x) : Math.log1p(-y)) - (y < 0.5 ? Math.log(y) : Math.log1p(-x));
}
