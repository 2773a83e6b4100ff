/**
 * Exact decimal arithmetic for judging. A figure is the decimal a person typed, not the binary
 * double that stores it: Excel keeps 3.5% as 0.035, and 0.035 * 100 is 3.5000000000000004 in
 * floating point, which would fail "at most 3.5%". Every number is first read back at 15
 * significant digits (the most a double always round-trips), then compared as a scaled integer.
 */

/** value = units / 10^scale, exactly. */
export interface Decimal {
  units: bigint;
  scale: number;
}

export function toDecimal(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = Number(value.toPrecision(15)).toString();
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(text);
  if (match === null) throw new RangeError(`unexpected number text: ${text}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  let scale = fraction.length - Number(exponent);
  let digits = `${whole}${fraction}`;
  if (scale < 0) {
    digits += "0".repeat(-scale);
    scale = 0;
  }
  return { units: BigInt(`${sign}${digits}`), scale };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const scale = Math.max(a.scale, b.scale);
  return [a.units * 10n ** BigInt(scale - a.scale), b.units * 10n ** BigInt(scale - b.scale), scale];
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function subtract(a: Decimal, b: Decimal): Decimal {
  const [x, y, scale] = align(a, b);
  return { units: x - y, scale };
}

export function absolute(a: Decimal): Decimal {
  return a.units < 0n ? { units: -a.units, scale: a.scale } : a;
}

/** a * percent / 100, exactly (a relative tolerance of 10% of a target of 2.5 is 0.25). */
export function percentOfDecimal(a: Decimal, percent: Decimal): Decimal {
  return { units: a.units * percent.units, scale: a.scale + percent.scale + 2 };
}

/** The double nearest the decimal, for results and display only: never for judging. */
export function toNumber(a: Decimal): number {
  return Number(toDecimalString(a));
}

function toDecimalString(a: Decimal): string {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, "0");
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** achieved / total * 100 compared with a percentage without dividing: the sign of (achieved*100 - p*total). */
export function compareShare(achieved: number, total: number, percent: number): -1 | 0 | 1 {
  const p = toDecimal(percent);
  const left = BigInt(achieved) * 100n * 10n ** BigInt(p.scale);
  const right = p.units * BigInt(total);
  return left < right ? -1 : left > right ? 1 : 0;
}

/**
 * Rounds half away from zero to `decimals` places for display. `awayFrom`, when given, is a
 * threshold the figure must not appear to reach: 97.96 missing 98 shows 97.9, never 98.
 */
export function roundForDisplay(
  value: number,
  decimals: number,
  awayFrom?: { threshold: number; side: "below" | "above" },
): number {
  const d = toDecimal(value);
  const drop = d.scale - decimals;
  if (drop <= 0) return toNumber(d);
  const unit = 10n ** BigInt(drop);
  const magnitude = d.units < 0n ? -d.units : d.units;
  let kept = magnitude / unit;
  if ((magnitude % unit) * 2n >= unit) kept += 1n;
  let shown: Decimal = { units: d.units < 0n ? -kept : kept, scale: decimals };
  if (awayFrom !== undefined) {
    const t = toDecimal(awayFrom.threshold);
    const reaches = awayFrom.side === "below" ? compareDecimal(shown, t) >= 0 : compareDecimal(shown, t) <= 0;
    const really = awayFrom.side === "below" ? compareDecimal(d, t) < 0 : compareDecimal(d, t) > 0;
    if (reaches && really) {
      const truncated = magnitude / unit;
      // Truncating towards the failing side: down for a figure below, up for one above.
      const down = d.units < 0n ? -(truncated + 1n) : truncated;
      const up = d.units < 0n ? -truncated : truncated + 1n;
      shown = { units: awayFrom.side === "below" ? down : up, scale: decimals };
    }
  }
  return toNumber(shown);
}
