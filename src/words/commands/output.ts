import { joinList } from "../lists.js";

/**
 * What the output side says when it cannot go on: why the file system refused (by its error code;
 * the code itself is for KPI_REPORT_DEBUG, not the reader), and the sentences of commands/folders.ts,
 * io.ts and file-lock.ts that carry it.
 */
const FS_REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "the system does not allow it",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is larger than this system allows a file to be (a file-size limit)",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "a folder of that name is in the way",
  EEXIST: "a file of that name is in the way",
  ENOENT: "there is no such file or folder",
  ENAMETOOLONG: "the path is too long",
  ELOOP: "the path goes round in a loop of links",
  EBUSY: "the file is in use by another program",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EINVAL: "the name is not allowed here",
  EXDEV: "the temporary file and the target are on different disks",
};

/** "permission denied": a system error code in words; "the system refused" for one not listed. */
export const fsReasonWords = (code: string) => FS_REASONS[code] ?? "the system refused";

/** "out/results-2022-09.json is missing": a file a manifest records, not in its folder. */
const isMissing = (file: string) => `${file} is missing`;

export const OUTPUT_WORDS = {
  cannotUse: (path: string, reason: string, at: string) =>
    `Cannot use ${path} as the output folder: ${reason} (at ${at}).`,
  /** `existing`, the nearest part of `path` that exists, is a file. */
  fileInTheWay: (path: string, existing: string) =>
    `Cannot make the folder ${path}: ${existing} is a file, not a folder.`,
  isAFile: (path: string) => `Cannot write into ${path}: it is a file, not a folder.`,
  /** `make` when the folder is still to be made in `existing`, else it is there and written into. */
  refused: (path: string, make: boolean, reason: string, existing: string) =>
    `Cannot ${make ? `make the folder ${path}` : `write into ${path}`}: ${reason} in ${existing}.`,
  /** Why a folder could not be made in `parent`: the system's reason, or none at all (procfs). */
  noFoldersIn: (parent: string) => `${parent} does not allow folders to be made in it`,
  reasonIn: (reason: string, parent: string) => `${reason} in ${parent}`,
  cannotMake: (path: string, why: string) => `Cannot make the folder ${path}: ${why}.`,
  cannotWriteInto: (path: string, reason: string) => `Cannot write into ${path}: ${reason}.`,
  cannotWrite: (path: string, reason: string) => `Cannot write ${path}: ${reason}.`,
  /** A set of files stopped before any was renamed into place. */
  cannotWriteSet: (path: string, reason: string) =>
    `Cannot write ${path}: ${reason}; nothing of this set was written.`,
  cannotAppendSummary: (path: string) => `Cannot append the job summary to GITHUB_STEP_SUMMARY (${path}).`,
} as const;

/** The folder's manifest (commands/manifest.ts): its lock's name, and an entry dropped as it merges. */
export const MANIFEST_WORDS = {
  lockName: (folder: string) => `the manifest of ${folder}`,
  missing: isMissing,
  changed: (file: string) => `${file} is not the file it recorded`,
  /** `wrong`: what disagreed, file by file; the month's set is made whole by building it again. */
  dropped: (manifest: string, month: string, wrong: readonly string[], folder: string) =>
    `${manifest} disagreed with the folder for ${month} (${wrong.join("; ")}), as after a build stopped partway: its entry is dropped. Build ${month} again into ${folder} to make the set whole.`,
} as const;

/** A lock beside what several runs may change at once (commands/file-lock.ts); `what` names it ("the manifest of out"). */
export const LOCK_WORDS = {
  heldTooLong: (what: string, lockPath: string) =>
    `Another kpi-report run has held ${what} for over a minute (${lockPath}); nothing was changed. If no other run is going, delete that file and try again.`,
  cannotLock: (what: string, guard: string, reason: string) => `Cannot lock ${what} (${guard}): ${reason}.`,
} as const;

/** What is wrong in an output folder that its manifest does not say (commands/folder-check.ts). */
export type DisagreementKind = "missing" | "changed" | "unrecorded" | "temporary";

const WHAT: Record<Exclude<DisagreementKind, "temporary">, (file: string) => string> = {
  missing: isMissing,
  changed: (file) => `${file} is not the file it records`,
  unrecorded: (file) => `${file} is not in it`,
};

/** The build that writes `months` again into `folder`, as the user would type it. */
export const mendCommand = (months: readonly string[], dataFlag: string, folder: string) =>
  `kpi-report build --month ${months.join(",")}${dataFlag} --out ${folder}`;

/**
 * The disagreements in one line: what is wrong, and what mends it. `mended` are the broken months
 * the build about to write into the folder writes again (undefined when no build is, as in
 * `status`); `command` is the build that mends the months left over, if any are.
 */
export function disagreementWords(
  manifest: string,
  files: readonly { file: string; kind: DisagreementKind }[],
  mended: readonly string[] | undefined,
  command: string | undefined,
): string {
  const temporaryFiles = files.filter((d) => d.kind === "temporary").map((d) => d.file);
  const what = joinList([
    ...files.flatMap((d) => (d.kind === "temporary" ? [] : [WHAT[d.kind](d.file)])),
    ...(temporaryFiles.length === 1 ? [`a temporary file is left behind (${temporaryFiles[0]})`] : []),
    ...(temporaryFiles.length > 1
      ? [`${temporaryFiles.length} temporary files are left behind (${joinList(temporaryFiles)})`]
      : []),
  ]);
  const temporaries = temporaryFiles.length > 0;
  const mend: string[] = [];
  if (mended) {
    const doing = [
      ...(mended.length ? [`writes ${joinList(mended)} again`] : []),
      ...(temporaries ? ["removes the temporary files"] : []),
    ];
    if (doing.length) mend.push(`This build ${joinList(doing)}.`);
    if (command) mend.push(`To mend ${doing.length ? "the rest" : "it"}: ${command}.`);
  } else if (command) mend.push(`To mend it: ${command}.`);
  else mend.push("The next build into the folder removes the temporary files.");
  return [`${manifest} disagrees with its folder, as after a build stopped partway: ${what}.`, ...mend].join(
    " ",
  );
}
