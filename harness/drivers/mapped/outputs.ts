import { z } from 'zod';

/** What each verb's answer must hold once a dialect file's paths have read it (types.ts, as zod). */

const id = z.union([z.string(), z.number().transform(String)]);
const text = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

export const UserOut = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: text,
  active: z.boolean().optional(),
});
export const SiteOut = z.object({
  cloudId: z.string(),
  url: z.string(),
  name: z.string(),
  scopes: z.array(z.string()).default([]),
});
export const ProjectOut = z.object({ id, key: z.string(), name: z.string() });
export const IssueTypeOut = z.object({ id, name: z.string(), subtask: z.boolean().default(false) });
export const FieldMetaOut = z.object({
  id: z.string(),
  name: z.string(),
  required: z.boolean(),
  schema: z.object({
    type: z.string(),
    items: z.string().optional(),
    custom: z.string().optional(),
    system: z.string().optional(),
  }),
  allowedValues: z.array(z.unknown()).optional(),
  hasDefaultValue: z.boolean().optional(),
});
export const IssueRefOut = z.object({ id, key: z.string() });
export const IssueOut = z.object({
  id,
  key: z.string(),
  summary: z.string().default(''),
  status: text,
  issueType: text,
  labels: z.array(z.string()).default([]),
  parentKey: z.string().nullable().default(null),
  assigneeAccountId: z.string().nullable().default(null),
  priority: text,
  description: z.string().nullable().default(null),
  fields: z.record(z.string(), z.unknown()).default({}),
});
export const TransitionOut = z.object({ id, name: z.string(), to: z.string() });
export const CommentOut = z.object({
  id,
  body: z.string(),
  authorAccountId: text,
  parentId: id.nullish(),
});
export const LinkTypeOut = z.object({ name: z.string() });
export const WorklogOut = z.object({ id, timeSpentSeconds: z.number() });
export const SpaceOut = z.object({ id, key: z.string(), name: z.string(), homepageId: id.nullish() });
export const PageOut = z.object({
  id,
  title: z.string(),
  spaceId: id,
  parentId: id.nullable().default(null),
  version: z.number(),
  body: z.string().default(''),
});
export const ContentHitOut = z.object({
  id,
  type: z.string(),
  title: z.string(),
  spaceKey: text,
});
export const SearchHitOut = z.object({ id: z.string(), title: z.string(), type: z.string(), url: text });
export const NeighbourOut = z.object({ relation: z.string(), id: z.string(), title: z.string() });
export const GraphObjectOut = z.object({
  id: z.string(),
  ari: text,
  title: text,
  error: text,
});

/** A fetched entity: any object, its fields the product's own. */
export const FetchedOut = z.record(z.string(), z.unknown());
