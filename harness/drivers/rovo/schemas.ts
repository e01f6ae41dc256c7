import { z } from 'zod';

/** Loose parsers for Rovo payloads: they name what the harness relies on and let the rest through. */

const named = z.object({ name: z.string() }).loose();

export const RovoIssueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: z
      .object({
        summary: z.string().optional(),
        status: z
          .object({ name: z.string(), statusCategory: z.object({ key: z.string() }).loose().optional() })
          .loose()
          .optional(),
        issuetype: named.optional(),
        labels: z.array(z.string()).optional(),
        parent: z.object({ key: z.string() }).loose().optional(),
        assignee: z.object({ accountId: z.string() }).loose().nullable().optional(),
        priority: named.nullable().optional(),
        description: z.unknown().optional(),
      })
      .loose()
      .default({}),
  })
  .loose();
export type RovoIssue = z.infer<typeof RovoIssueSchema>;

export const CreatedIssueSchema = z.object({ id: z.string(), key: z.string() }).loose();

export const ProjectPageSchema = z
  .object({
    values: z.array(z.object({ id: z.string(), key: z.string(), name: z.string() }).loose()),
    isLast: z.boolean().optional(),
    total: z.number().optional(),
  })
  .loose();

export const IssueTypesSchema = z
  .object({
    issueTypes: z.array(
      z.object({ id: z.string(), name: z.string(), subtask: z.boolean().default(false) }).loose(),
    ),
    total: z.number().optional(),
    startAt: z.number().optional(),
  })
  .loose();

export const FieldMetaPageSchema = z
  .object({
    fields: z
      .array(
        z
          .object({
            fieldId: z.string(),
            name: z.string(),
            required: z.boolean(),
            schema: z
              .object({
                type: z.string(),
                items: z.string().optional(),
                custom: z.string().optional(),
                system: z.string().optional(),
              })
              .loose(),
            allowedValues: z.array(z.unknown()).optional(),
            hasDefaultValue: z.boolean().optional(),
          })
          .loose(),
      )
      .optional(),
    results: z.array(z.unknown()).optional(),
    total: z.number(),
    startAt: z.number(),
    maxResults: z.number(),
  })
  .loose();

/** Either documented envelope of searchJiraIssuesUsingJql (rovo-surface.md 4.2). */
export const JqlResultSchema = z.union([
  z
    .object({
      issues: z
        .object({
          totalCount: z.number(),
          nodes: z.array(z.unknown()),
          remainingCount: z.number().optional(),
          pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }).loose(),
        })
        .loose(),
    })
    .loose(),
  z
    .object({
      issues: z.array(z.unknown()),
      nextPageToken: z.string().optional(),
      isLast: z.boolean().optional(),
    })
    .loose(),
]);

export const TransitionsSchema = z
  .object({
    transitions: z.array(z.object({ id: z.string(), name: z.string(), to: named.optional() }).loose()),
  })
  .loose();

export const CommentSchema = z
  .object({
    id: z.string(),
    body: z.unknown(),
    author: z.object({ accountId: z.string() }).loose().optional(),
  })
  .loose();

export const UserSchema = z
  .object({
    accountId: z.string(),
    displayName: z.string(),
    emailAddress: z.string().optional(),
    active: z.boolean().optional(),
  })
  .loose();

export const MeSchema = z
  .object({
    account_id: z.string(),
    name: z.string(),
    email: z.string().optional(),
    account_status: z.string().optional(),
  })
  .loose();

export const ResourcesSchema = z.array(
  z
    .object({ id: z.string(), url: z.string(), name: z.string(), scopes: z.array(z.string()).default([]) })
    .loose(),
);

export const LinkTypesSchema = z
  .object({ issueLinkTypes: z.array(z.object({ name: z.string() }).loose()) })
  .loose();

export const WorklogSchema = z.object({ id: z.string(), timeSpentSeconds: z.number() }).loose();
