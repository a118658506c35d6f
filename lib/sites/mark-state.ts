import type { PaperState } from '../notes/paper-state';
import type { MarkState } from './mark';

/**
 * The states a paper's marks show (lib/sites/mark.ts paints them; `data-paperlens-state` lists
 * them), most prominent first: `starred`, `note`, `library`, then the reading status (`read`,
 * `reading`, `to-read`). None: the paper is in the catalog only (a visit alone changes nothing).
 */
export function markStates(state: PaperState): MarkState[] {
  const states: MarkState[] = [];
  if (state.starred) states.push('starred');
  if (state.hasNote) states.push('note');
  if (state.inLibrary) states.push('library');
  if (state.status) states.push(state.status);
  return states;
}
