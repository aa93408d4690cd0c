export type RegistrantStatus = 'approved' | 'pending' | 'denied';

/** A meeting registrant as "List meeting registrants" returns it (SPEC23), plus the meeting it belongs to. */
export interface ZoomRegistrant {
  meeting_id: number;
  id: string;
  email: string;
  first_name: string;
  last_name: string;
  status: RegistrantStatus;
  create_time: string;
  join_url: string;
  /** Occurrences the registrant registered for; empty = all. */
  occurrence_ids: string[];
}
