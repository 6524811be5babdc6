import { plural, t } from '@lingui/core/macro';
// Sentences around the directory results, kept apart from the page so they can be tested.

export type KindFilter = { kind: 'mentor' | 'coach' | 'any'; source: 'query' | 'readiness' | 'none' };

const kindPlural = (): Record<KindFilter['kind'], string> => ({
  mentor: 'mentors',
  coach: 'coaches',
  any: t`guides of any kind`,
});

// The filters a person chose themselves; `page` is navigation, not a filter.
export function activeFilterNames(filters: Record<string, string>): string[] {
  return Object.entries(filters)
    .filter(([name, value]) => name !== 'page' && value !== '')
    .map(([name]) => name);
}

export function resultSummary(total: number, capped: boolean, kindFilter: KindFilter): string {
  const count = capped
    ? plural(total, { one: 'More than # guide found', other: 'More than # guides found' })
    : plural(total, { one: '# guide found', other: '# guides found' });
  return kindFilter.source === 'readiness'
    ? t`${count} · showing ${kindPlural()[kindFilter.kind]}, as your readiness check suggests`
    : count;
}

// An empty page blames the filters only when there are filters to blame.
export function emptyResults(
  activeFilters: string[],
  kindFilter: KindFilter,
): { title: string; detail: string } {
  if (activeFilters.length > 0) {
    return {
      title: t`No guide matches all of that`,
      detail: t`Try fewer filters, another kind of guide, or a broader search word.`,
    };
  }
  if (kindFilter.source === 'readiness') {
    return {
      title: t`No ${kindPlural()[kindFilter.kind]} are taking requests yet`,
      detail: t`Your readiness check suggested ${kindPlural()[kindFilter.kind]}; choose “Any kind” to see every guide.`,
    };
  }
  return {
    title: t`No guides are taking requests yet`,
    detail: t`Guides appear here once they publish a profile with free places. Come back soon.`,
  };
}
