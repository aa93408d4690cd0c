/** Zoom's `GET /users` page, as the hops read it. */
export interface ZoomUserPage {
  total_records: number;
  next_page_token?: string;
  users: Array<Record<string, unknown>>;
}

/** The page reshaped as the gateway answers `users(first: n)`: the same work for both hops. */
export function usersConnection(page: ZoomUserPage) {
  return {
    totalCount: page.total_records,
    pageInfo: { hasNextPage: Boolean(page.next_page_token), endCursor: page.next_page_token ?? null },
    nodes: page.users.map((u) => ({
      id: u.id,
      email: u.email,
      firstName: u.first_name ?? null,
      lastName: u.last_name ?? null,
      displayName: u.display_name ?? null,
      type: u.type,
      status: typeof u.status === 'string' ? u.status.toUpperCase() : null,
      createdAt: u.user_created_at ?? u.created_at ?? null,
    })),
  };
}
