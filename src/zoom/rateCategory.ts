/** Zoom's rate-limit categories (ZOOM.md §7); every endpoint belongs to one. */
export type RateCategory = 'light' | 'medium' | 'heavy' | 'resource';
