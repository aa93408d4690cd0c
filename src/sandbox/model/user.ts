export type UserStatus = 'active' | 'inactive' | 'pending';

export interface PhoneNumber {
  code: string;
  country: string;
  label: 'Mobile' | 'Office' | 'Home' | 'Fax';
  number: string;
  verified: boolean;
}

/**
 * A Zoom user as "Get a user" returns it (SPEC23/USERS26 `GET /users/{userId}`); the list view
 * is a subset. Optional fields are the ones Zoom omits when unset.
 */
export interface ZoomUser {
  id: string;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string;
  /** 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic, 99 None. */
  type: 1 | 2 | 4 | 99;
  role_name: string;
  /** "0" owner, "1" admin, "2" member — a string, as Zoom sends it. */
  role_id: string;
  pmi: number;
  use_pmi: boolean;
  personal_meeting_url: string;
  timezone: string;
  verified: 0 | 1;
  dept: string;
  created_at: string;
  user_created_at: string;
  last_login_time?: string;
  last_client_version?: string;
  pic_url?: string;
  language: string;
  status: UserStatus;
  account_id: string;
  account_number: number;
  cluster: string;
  jid: string;
  cms_user_id: string;
  group_ids: string[];
  im_group_ids: string[];
  login_types: number[];
  phone_numbers: PhoneNumber[];
  job_title: string;
  company: string;
  location: string;
  cost_center: string;
  pronouns_option: 1 | 2 | 3;
  zoom_one_type: number;
  vanity_url?: string;
  manager?: string;
  employee_unique_id?: string;
  /** Only listed with `include_fields=host_key` (USERS26). */
  host_key: string;
}
