import { existsSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "puppeteer-core";

/**
 * Debian's chromium, driven by puppeteer-core (which downloads no browser). CI installs it
 * (.ci/run); where it is absent the browser tests skip and say so.
 */
export const CHROMIUM = process.env.KPI_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  console.warn(
    `Skipping the HTML browser tests: no chromium at ${CHROMIUM} (apt-get install -y chromium, or set KPI_CHROMIUM).`,
  );

export async function launchChromium(): Promise<Browser> {
  const { launch } = await import("puppeteer-core");
  return launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--user-data-dir=${mkdtempSync(join(tmpdir(), "kpi-chromium-"))}`,
    ],
  });
}

/** axe-core's rules for WCAG 2.2 level A and AA. */
export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
