/** Zoom's rate-limit categories (docs/zoom.md#errors-and-rate-limits); every endpoint belongs to one. */
export type RateCategory = 'light' | 'medium' | 'heavy' | 'resource';
