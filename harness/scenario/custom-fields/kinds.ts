import type { FieldMeta } from '../../drivers/types.ts';

/** The custom-field types the catalogue has a check for (`custom-fields.<kind>`). */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'number'
  | 'story-points'
  | 'select'
  | 'multi-select'
  | 'radio'
  | 'checkboxes'
  | 'cascading-select'
  | 'user-picker'
  | 'multi-user-picker'
  | 'date'
  | 'datetime'
  | 'labels'
  | 'url'
  | 'sprint'
  | 'epic-link';

const SYSTEM = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const AGILE = 'com.pyxis.greenhopper.jira:';
const STORY_POINTS = /story point/i;

const plugin = (key: string) => (f: FieldMeta) => f.schema.custom === key;
const isFloat = plugin(`${SYSTEM}float`);

/**
 * How a check recognises each kind in field metadata: by `schema.custom`, the plugin key, never by a
 * field id (ids differ on every site). Story points live in a JSW field on newer sites and in a
 * number field named "Story Points" on older ones, so plain numbers exclude that name.
 */
export const KINDS: Record<
  FieldKind,
  {
    label: string;
    matches: (f: FieldMeta) => boolean;
    /** Why a current site may lack it. */ absence?: string;
  }
> = {
  text: { label: 'single-line text', matches: plugin(`${SYSTEM}textfield`) },
  textarea: { label: 'multi-line text', matches: plugin(`${SYSTEM}textarea`) },
  number: { label: 'number', matches: (f) => isFloat(f) && !STORY_POINTS.test(f.name) },
  'story-points': {
    label: 'story points',
    matches: (f) =>
      f.schema.custom === `${AGILE}jsw-story-points` || (isFloat(f) && STORY_POINTS.test(f.name)),
  },
  select: { label: 'single select', matches: plugin(`${SYSTEM}select`) },
  'multi-select': { label: 'multi select', matches: plugin(`${SYSTEM}multiselect`) },
  radio: { label: 'radio buttons', matches: plugin(`${SYSTEM}radiobuttons`) },
  checkboxes: { label: 'checkboxes', matches: plugin(`${SYSTEM}multicheckboxes`) },
  'cascading-select': { label: 'cascading select', matches: plugin(`${SYSTEM}cascadingselect`) },
  'user-picker': { label: 'user picker', matches: plugin(`${SYSTEM}userpicker`) },
  'multi-user-picker': { label: 'multi user picker', matches: plugin(`${SYSTEM}multiuserpicker`) },
  date: { label: 'date picker', matches: plugin(`${SYSTEM}datepicker`) },
  datetime: { label: 'date-time', matches: plugin(`${SYSTEM}datetime`) },
  labels: { label: 'labels', matches: plugin(`${SYSTEM}labels`) },
  url: { label: 'URL', matches: plugin(`${SYSTEM}url`) },
  sprint: { label: 'Sprint', matches: plugin(`${AGILE}gh-sprint`) },
  'epic-link': {
    label: 'Epic Link',
    matches: plugin(`${AGILE}gh-epic-link`),
    absence:
      'Jira Cloud replaced Epic Link with parent (support.atlassian.com "Epic Link replaced with parent"), so a current site has none; jira.issue.parent checks epics through parent',
  },
};
