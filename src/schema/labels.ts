import { z } from "zod";

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
        description: "What Appendix 2's opening sentence calls the requirements it cross-references.",
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
  })
  .strict();

export type Labels = z.infer<typeof LabelsSchema>;
