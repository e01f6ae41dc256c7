import type { SiteStore } from '../store.ts';
import type { Issue, IssueLink, LinkType } from '../entities/jira.ts';
import { type Actor, canSeeIssue } from './access.ts';

export interface LinkEnd {
  link: IssueLink;
  type: LinkType;
  /** The issue at the link's other end. */
  other: Issue;
  /** Whether `other` is the link's outward issue, i.e. the issue is the inward one. */
  outward: boolean;
}

/**
 * An issue's links, each seen from the issue, where the viewer can see the other end: what the
 * `issuelinks` field and the Teamwork Graph both show.
 */
export function visibleLinkEnds(store: SiteStore, issue: Issue, viewer: Actor): LinkEnd[] {
  return store.links.flatMap((link) => {
    const outward = link.inwardIssueId === issue.id;
    if (!outward && link.outwardIssueId !== issue.id) return [];
    const other = store.issues.get(outward ? link.outwardIssueId : link.inwardIssueId);
    const type = store.linkTypes.find((t) => t.id === link.typeId);
    if (!type || !other || !canSeeIssue(store, viewer, other)) return [];
    return [{ link, type, other, outward }];
  });
}
