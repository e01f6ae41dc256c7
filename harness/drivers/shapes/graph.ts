import { z } from 'zod';
import type { GraphNeighbour } from '../types.ts';

/** Objects carry an ARI and title; people an account id and name; containers a key and name. */
const NodeSchema = z
  .object({
    ari: z.string().optional(),
    title: z.string().optional(),
    accountId: z.string().optional(),
    displayName: z.string().optional(),
    key: z.string().optional(),
    name: z.string().optional(),
  })
  .loose();

/** A Teamwork Graph context answer, as getTeamworkGraphContext (v1) and getGraphContext (v2) give it. */
export const GraphContextSchema = z
  .object({
    object: z.object({ ari: z.string() }).loose(),
    relationships: z.array(z.object({ relation: z.string(), node: NodeSchema }).loose()),
  })
  .loose();

export function graphContextOf(answer: z.output<typeof GraphContextSchema>): {
  ari: string;
  neighbours: GraphNeighbour[];
} {
  return {
    ari: answer.object.ari,
    neighbours: answer.relationships.map(({ relation, node }) => ({
      relation,
      id: node.ari ?? node.accountId ?? node.key ?? '',
      title: node.title ?? node.displayName ?? node.name ?? '',
    })),
  };
}
