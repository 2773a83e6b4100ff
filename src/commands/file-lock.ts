import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { type FileHandle, open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { OutputError } from "../errors.js";
import { fsReason } from "./folders.js";
import { writeFileNew } from "./io.js";
import { holdWhileRunning, processRuns } from "./temporaries.js";
import { LOCK_WORDS } from "../words/commands/output.js";

/**
 * A lock file beside what several runs may change at once (a month's filed return, a folder's
 * manifest): linked into place whole, which fails when one is there, so exactly one run holds it, and naming the process and
 * machine that holds it, so a lock left by a run that was killed is seen to be stale and removed.
 * Runs wait their turn; what they do under the lock takes milliseconds.
 */
const WAIT_MS = 60_000;
/** A lock from another machine (a shared drive) cannot be checked by its process id; trusted this long. */
const FOREIGN_STALE_MS = 10 * 60_000;
/** The guard is held for one read and one removal; this old, its holder was killed in there. */
const GUARD_STALE_MS = 10_000;

export async function withLock<T>(lockPath: string, what: string, work: () => Promise<T>): Promise<T> {
  // A token of this taking, so a lock is known again by its text: the stale one judged, or a new one.
  const owner = `${process.pid} ${hostname()} ${randomBytes(6).toString("hex")}\n`;
  const deadline = Date.now() + WAIT_MS;
  let release: () => void = () => undefined;
  for (let attempt = 0; ; attempt++) {
    // Written whole to a temporary file and linked into place, so a lock is never seen half written.
    if (await writeFileNew(lockPath, owner)) {
      release = holdWhileRunning(lockPath);
      break;
    }
    const stale = await staleText(lockPath);
    if (stale !== undefined) {
      await breakStale(lockPath, stale, what);
      continue;
    }
    if (Date.now() > deadline) {
      throw new OutputError(LOCK_WORDS.heldTooLong(what, lockPath), lockPath);
    }
    // A little longer each time, with jitter, so runs waiting together do not wake together.
    await sleep(Math.min(200, 10 + attempt * 5) + Math.random() * 20);
  }
  try {
    return await work();
  } finally {
    // Only a lock that is still this run's is removed (one judged stale in error is another's now).
    if ((await readFile(lockPath, "utf8").catch(() => undefined)) === owner)
      await rm(lockPath, { force: true }).catch(() => undefined);
    release();
  }
}

/**
 * Removes a stale lock, safely when many runs judged it stale at once. Removing it is not enough:
 * a second run, slower to act on the same judgement, would remove the first one's fresh lock in its
 * place, and both would hold it (issue 22: 16 overlaps in 1,200 takings). So the removal is itself
 * done under a small guard lock, made with an exclusive create, and only when the lock there is still,
 * byte for byte, the stale one judged: every lock's text carries a token of its own. The guard is held
 * for one read and one removal; one found older than GUARD_STALE_MS was left by a run killed in there.
 */
async function breakStale(lockPath: string, stale: string, what: string): Promise<void> {
  const guard = `${lockPath}.break`;
  let handle: FileHandle;
  try {
    handle = await open(guard, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST")
      throw new OutputError(LOCK_WORDS.cannotLock(what, guard, fsReason(error)), guard);
    if (await olderThan(guard, GUARD_STALE_MS)) await rm(guard, { force: true });
    return; // another run is removing it: the next attempt finds the lock gone or taken
  }
  const release = holdWhileRunning(guard);
  try {
    await handle.close();
    if ((await readFile(lockPath, "utf8").catch(() => undefined)) === stale)
      await rm(lockPath, { force: true });
  } finally {
    await rm(guard, { force: true }).catch(() => undefined);
    release();
  }
}

/**
 * The lock's text when it is stale: its holder is a process on this machine that no longer runs, or a
 * foreign lock is old. Undefined when it is held, or gone meanwhile (the next attempt takes it).
 */
async function staleText(lockPath: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(lockPath, "utf8");
  } catch {
    return undefined;
  }
  return (await isStale(lockPath, text)) ? text : undefined;
}

async function isStale(lockPath: string, text: string): Promise<boolean> {
  const [pidText, host] = text.trim().split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0 || host === undefined) {
    // Being written this instant, or damaged: stale only once old.
    return olderThan(lockPath, 5_000);
  }
  if (host !== hostname()) return olderThan(lockPath, FOREIGN_STALE_MS);
  return !processRuns(pid);
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}
