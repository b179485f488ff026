/**
 * One-dimensional root finding for monotone functions: expand a bracket from a starting guess,
 * then close it with Brent's method (Brent 1973, "Algorithms for Minimization without
 * Derivatives", ch. 4), which never leaves the bracket and so cannot diverge.
 */

const EPSILON = 2.220446049250313e-16;

/** Brent's method on [a, b] where fa and fb have opposite signs (or one is zero). */
export function brent(
  f: (x: number) => number,
  a: number,
  b: number,
  fa: number,
  fb: number,
  tolerance: number,
  maxIterations = 200,
): number {
  if (fa === 0) return a;
  if (fb === 0) return b;
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol = 2 * EPSILON * Math.abs(b) + 0.5 * tolerance;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points are distinct.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    fb = f(b);
  }
  return b;
}

/**
 * The root of a decreasing function f, searched from `start` with a first step of `step`,
 * doubling the step until the sign changes; null when no sign change is found.
 */
export function rootOfDecreasing(
  f: (x: number) => number,
  start: number,
  step: number,
  tolerance: number,
): number | null {
  const f0 = f(start);
  if (f0 === 0) return start;
  if (Number.isNaN(f0)) return null;
  // A decreasing function is positive left of its root.
  const direction = f0 > 0 ? 1 : -1;
  let near = start;
  let fNear = f0;
  for (let expansion = 0; expansion < 80; expansion++) {
    const far = near + direction * step;
    const fFar = f(far);
    if (Number.isNaN(fFar)) return null;
    if (fFar === 0 || fFar > 0 !== fNear > 0) return brent(f, near, far, fNear, fFar, tolerance);
    near = far;
    fNear = fFar;
    step *= 2;
  }
  return null;
}
