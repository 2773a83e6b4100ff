/**
 * What an officer is told about a summary template that cannot be used: each message after "line 3,
 * column 5: ", keyed by what went wrong. A template is the officer's own text, so its mistakes are
 * said in words, never in Handlebars' own.
 */
const at = (line: number | undefined, column?: number, near = false) =>
  line === undefined
    ? ""
    : `line ${line}${column === undefined ? "" : `, ${near ? "near column" : "column"} ${column}`}: `;

export const TEMPLATE_WORDS = {
  hint: "templates/README.md lists the names a template can use.",
  names: (names: readonly string[]) => `They are: ${names.join(", ")}.`,
  /** A helper used wrongly ({{plural}} without its words): Handlebars' first line, its object names dropped. */
  notFilled: (what: string, line?: number, column?: number) =>
    `${at(line, column)}it could not be filled in: ${what}.`,
  mismatch: (opened: string, closed: string, line: number, column: number) =>
    `${at(line, column)}{{#${opened}}} is closed by {{/${closed}}}.`,
  openBlock: (line?: number, column?: number) =>
    `${at(line, column, true)}the template ends inside a {{#block}}, which needs its {{/block}} (for example {{#if notMet}} ... {{/if}}).`,
  incomplete: (line?: number, column?: number) =>
    `${at(line, column, true)}a {{ }} is not complete: a name goes inside the braces, as in {{met}}, and every {{ is closed by }}.`,
  unknownName: (name: string, near: string | undefined, line?: number, column?: number) =>
    `${at(line, column)}"${name}" is not a name a template can use${near ? `; did you mean "${near}"?` : "."}`,
  partial: (line?: number) => `${at(line)}a template cannot include another ({{> ...}}).`,
} as const;
