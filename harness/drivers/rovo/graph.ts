import { z } from 'zod';
import type { Driver } from '../types.ts';
import { callAndParse } from '../tool-call.ts';
import type { DriverContext } from '../context.ts';

const Node = z.object({ ari: z.string(), title: z.string() }).loose();
/** Objects carry an ARI and title; people an account id and name; containers a key and name. */
const Neighbour = z
  .object({
    relation: z.string(),
    node: z
      .object({
        ari: z.string().optional(),
        title: z.string().optional(),
        accountId: z.string().optional(),
        displayName: z.string().optional(),
        key: z.string().optional(),
        name: z.string().optional(),
      })
      .loose(),
  })
  .loose();
const ContextSchema = z.object({ object: Node, relationships: z.array(Neighbour) }).loose();
const ObjectsSchema = z
  .object({
    objects: z.array(
      z
        .object({
          id: z.string(),
          ari: z.string().optional(),
          title: z.string().optional(),
          error: z.string().optional(),
        })
        .loose(),
    ),
  })
  .loose();

export function rovoGraph(ctx: DriverContext): Pick<Driver, 'graphContext' | 'graphObjects'> {
  return {
    async graphContext(identifier, objectType) {
      const result = await callAndParse(
        ctx.session,
        'getTeamworkGraphContext',
        { cloudId: ctx.cloudId, objectIdentifier: identifier, objectType },
        ContextSchema,
      );
      return {
        ari: result.object.ari,
        neighbours: result.relationships.map(({ relation, node }) => ({
          relation,
          id: node.ari ?? node.accountId ?? node.key ?? '',
          title: node.title ?? node.displayName ?? node.name ?? '',
        })),
      };
    },
    async graphObjects(identifiers) {
      const result = await callAndParse(
        ctx.session,
        'getTeamworkGraphObject',
        { cloudId: ctx.cloudId, objects: identifiers },
        ObjectsSchema,
      );
      return result.objects.map((o) => ({ id: o.id, ari: o.ari, title: o.title, error: o.error }));
    },
  };
}
