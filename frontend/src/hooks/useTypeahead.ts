import { useState } from 'react';
import { t } from '../locales';
import { INPUT_LIMITS } from '../utils/limits';

/**
 * What a select's search box sends as its filter's `search`: the typed text trimmed, or null
 * when it is empty or longer than the filter takes (then the select says so instead of the
 * server refusing the query). Every filter's `search` has the same limit.
 */
export function useTypeahead(limit: { readonly maxLength: number } = INPUT_LIMITS.PersonFilter.search) {
  const [typed, setTyped] = useState('');
  const text = typed.trim();
  const tooLong = text.length > limit.maxLength;
  return {
    onSearch: setTyped,
    /** the trimmed text, as typed */
    text,
    /** the filter's `search`: null when empty or too long */
    search: text && !tooLong ? text : null,
    /** for `notFoundContent`: why nothing is looked up, when the text is too long */
    tooLongMessage: tooLong ? t('pages.common.searchTooLong', { max: limit.maxLength }) : undefined,
    /** a paused query keeps its last results: none are shown for a text too long to look up */
    shown: <T>(data: T | undefined): T | undefined => (tooLong ? undefined : data),
  };
}
