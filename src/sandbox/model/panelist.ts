/** A webinar panelist as "List panelists" returns it (SPEC23), plus the webinar it belongs to. */
export interface ZoomPanelist {
  webinar_id: number;
  id: string;
  email: string;
  name: string;
  join_url: string;
}
