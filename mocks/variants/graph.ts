import { patchResult, record } from './kit/patch.ts';
import type { Variant } from './kit/types.ts';

export const variants: Variant[] = [
  {
    name: 'graph-context-without-parent',
    defect: 'getTeamworkGraphContext leaves out the parent relationship',
    breaks: ['graph.context'],
    apply: (cloud) =>
      patchResult(cloud, 'getTeamworkGraphContext', (payload) => {
        const p = record(payload);
        const rels = Array.isArray(p.relationships) ? p.relationships.map(record) : [];
        return { ...p, relationships: rels.filter((r) => r.relation !== 'parent') };
      }),
  },
  {
    name: 'graph-objects-drop-missing',
    defect: 'getTeamworkGraphObject silently drops objects it cannot find',
    breaks: ['graph.objects'],
    apply: (cloud) =>
      patchResult(cloud, 'getTeamworkGraphObject', (payload) => {
        const p = record(payload);
        const objects = Array.isArray(p.objects) ? p.objects.map(record) : [];
        return { ...p, objects: objects.filter((o) => o.error === undefined) };
      }),
  },
];
