/** What the api tells the app about its identity provider (GET /web-config.json, read at start). */
export interface WebConfig {
  oidc: { authority: string; clientId: string; scope: string; resource: string | null };
}

export async function loadWebConfig(): Promise<WebConfig> {
  const response = await fetch('/web-config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /web-config.json answered ${response.status}`);
  return (await response.json()) as WebConfig;
}
