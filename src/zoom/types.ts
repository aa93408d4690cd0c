/** The Zoom REST shapes the gateway reads (ZOOM.md §5–6); Zoom may add fields at any time. */
export interface ZoomUser {
  /** Omitted by Zoom for pending users. */
  id?: string;
  email: string;
  first_name?: string;
  last_name?: string;
  display_name?: string;
  type: number;
  pmi?: number;
  timezone?: string;
  verified?: number;
  dept?: string;
  status?: 'active' | 'inactive' | 'pending';
  role_id?: string;
  role_name?: string;
  created_at?: string;
  user_created_at?: string;
  last_login_time?: string;
  language?: string;
  pic_url?: string;
  account_id?: string;
  job_title?: string;
  location?: string;
}

export interface ZoomPage {
  next_page_token?: string;
  page_size?: number;
  total_records?: number;
}

export interface ZoomUserPage extends ZoomPage {
  users: ZoomUser[];
}
