/**
 * The date written inside generated files. Never the clock: SOURCE_DATE_EPOCH when set
 * (the reproducible-builds convention), else a date taken from the data.
 */
export function sourceDate(fallbackIsoDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${fallbackIsoDate}T00:00:00Z`);
}
