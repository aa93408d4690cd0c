/**
 * Public URLs of the OAuth routes. With ZOOM_OAUTH_REDIRECT_URI they follow from it; in sandbox
 * mode (no redirect URI configured) they follow from the address the gateway listens on, which
 * is known only after listen.
 */
export class OAuthEndpoints {
  private listenUrl: string | undefined;

  constructor(private readonly configuredRedirectUri: string | null) {}

  setListenUrl(url: string): void {
    this.listenUrl = url.replace(/\/+$/, '');
  }

  redirectUri(): string | undefined {
    if (this.configuredRedirectUri) return this.configuredRedirectUri;
    return this.listenUrl ? `${this.listenUrl}/oauth/callback` : undefined;
  }

  installUrl(): string | undefined {
    const redirect = this.redirectUri();
    if (!redirect) return undefined;
    const url = new URL(redirect);
    url.search = '';
    url.hash = '';
    // A gateway behind a path prefix keeps it: …/prefix/oauth/callback → …/prefix/oauth/install.
    url.pathname = url.pathname.endsWith('/oauth/callback')
      ? url.pathname.replace(/\/oauth\/callback$/, '/oauth/install')
      : '/oauth/install';
    return url.toString();
  }
}
