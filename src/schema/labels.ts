import * as z from "zod";

/**
 * What the appendices call their parts, when the contract words them otherwise (src/words/labels.ts
 * holds the defaults: Southend's words). `false` leaves the Rank column or the Compliments row out.
 */
export const LabelsSchema = z
  .object({
    appendix1: z
      .string()
      .min(1)
      .optional()
      .meta({
        description: 'Appendix 1\'s title, after "Appendix 1: ".',
        examples: ["Performance schedule"],
      }),
    appendix2: z
      .string()
      .min(1)
      .optional()
      .meta({
        description: 'Appendix 2\'s title, after "Appendix 2: ", and the status heading of its table.',
        examples: ["Service standards"],
      }),
    msrHeading: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          "What Appendix 2's opening sentence calls the requirements it cross-references, and only that: renaming it, rename `appendix2` too, the title the glance, Appendix 2's headings and `status` use.",
        examples: ["The contract's Minimum Service Requirements"],
      }),
    rank: z
      .union([z.string().min(1), z.literal(false)])
      .optional()
      .meta({
        description: "The Rank column's heading, or false for no Rank column (as when no KPI has a rank).",
        examples: ["Weight"],
      }),
    compliments: z
      .union([z.string().min(1), z.literal(false)])
      .optional()
      .meta({
        description:
          "The heading of Appendix 1's last row, the compliments the return states; false for no such row.",
        examples: [false],
      }),
    msrColumn: column("The MSR number column's heading in Appendix 2's table.", '"MSR"', "Standard"),
    requirementColumn: column(
      "The requirement column's heading in Appendix 2's table.",
      '"Minimum Service Requirement"',
      "Service standard",
    ),
    linkedColumn: column(
      'The linked KPIs column\'s heading, before " for" and the month.',
      '"Linked KPIs: outcome"',
      "KPIs that evidence it",
    ),
    shortfallColumn: column(
      "The heading of the column of linked KPIs that fell short.",
      '"Linked KPIs not met or not captured", or "Linked KPIs red or amber, or not captured" in a contract with red, amber and green bands',
      "KPIs falling short",
    ),
    commentsColumn: column(
      "The council's comments column's heading, before \" for\" and the month.",
      '"Matters being addressed and comments"',
      "Actions and comments",
    ),
  })
  .strict();

/** A heading of Appendix 2's table, its default (`fallback`, quoted) said in its description. */
function column(what: string, fallback: string, example: string) {
  return z
    .string()
    .min(1)
    .optional()
    .meta({ description: `${what} Left out: ${fallback}.`, examples: [example] });
}

export type Labels = z.infer<typeof LabelsSchema>;
