// Method numbers of the program admin's cohort dashboard.

/** Pairs per page of the dashboard's pair list, unless the reader asks for another size. */
export const DASHBOARD_PAGE_SIZE = 50;

/** The largest page a reader may ask for: the CSV export is the way to get every pair at once. */
export const DASHBOARD_MAX_PAGE_SIZE = 200;

/** The pair list reads "needs attention" first: at risk, then slipping, then on track. */
export const DASHBOARD_STATE_ORDER = ['at-risk', 'slipping', 'on-track'] as const;
