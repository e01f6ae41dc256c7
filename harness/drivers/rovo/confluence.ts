import { UnsupportedVerbError } from '../../errors.ts';
import type { Driver } from '../types.ts';
import type { RovoContext } from './context.ts';

type ConfluenceVerbs = Pick<
  Driver,
  'spaces' | 'pagesInSpace' | 'getPage' | 'createPage' | 'updatePage' | 'pageDescendants' | 'footerComments' | 'addFooterComment' | 'searchContent'
>;

// Placeholder until the Confluence tools land.
export function rovoConfluence(_ctx: RovoContext): ConfluenceVerbs {
  const todo = (verb: string) => () => Promise.reject(new UnsupportedVerbError(verb, 'not built yet'));
  return {
    spaces: todo('spaces'),
    pagesInSpace: todo('pagesInSpace'),
    getPage: todo('getPage'),
    createPage: todo('createPage'),
    updatePage: todo('updatePage'),
    pageDescendants: todo('pageDescendants'),
    footerComments: todo('footerComments'),
    addFooterComment: todo('addFooterComment'),
    searchContent: todo('searchContent'),
  };
}
