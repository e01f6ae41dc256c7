import type { Driver } from '../types.ts';
import { GraphContextSchema, graphContextOf } from '../shapes/graph.ts';
import type { ParsedCall } from './call.ts';

/** An object's neighbours: people and containers are told apart by the keys their nodes carry. */
export function rovoGraph(call: ParsedCall): Pick<Driver, 'graphContext'> {
  return {
    graphContext: async (identifier, objectType) =>
      graphContextOf(
        await call(
          'graphContext',
          'getTeamworkGraphContext',
          { objectIdentifier: identifier, objectType },
          GraphContextSchema,
        ),
      ),
  };
}
