import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import './app/app.css';
import type { User } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App';
import { AppTheme } from './app/AppTheme';
import { CALLBACK_PATH, createUserManager, SILENT_RENEW_PATH, type SignInState } from './auth/auth';
import { AuthProvider } from './auth/AuthProvider';
import { SignInPage } from './auth/SignInPage';
import { loadWebConfig } from './auth/web-config';
import { createI18n } from './i18n/i18n';

/**
 * Start-up: read the identity provider's settings from the api, finish a sign-in or a silent
 * renewal when the provider has just sent the browser back here, then show the app.
 */
async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  const root = createRoot(container);
  const i18n = createI18n();
  let config;
  try {
    config = await loadWebConfig();
  } catch (failure) {
    // Nothing works without the provider's settings: say so rather than show a blank page.
    root.render(<p role="alert">{i18n.t('auth.failed', { message: failure instanceof Error ? failure.message : String(failure) })}</p>);
    return;
  }
  const users = createUserManager(config);

  if (location.pathname === SILENT_RENEW_PATH) {
    await users.signinSilentCallback();
    return;
  }
  let user: User | null = null;
  let error: string | undefined;
  if (location.pathname === CALLBACK_PATH) {
    try {
      user = await users.signinRedirectCallback();
      const { returnTo } = (user.state ?? {}) as Partial<SignInState>;
      // Only a path of this app: the state came back through the browser's address bar.
      history.replaceState(null, '', returnTo?.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/');
    } catch (failure) {
      error = failure instanceof Error ? failure.message : String(failure);
      history.replaceState(null, '', '/');
    }
  } else {
    user = await users.getUser();
  }

  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <AppTheme>
          <AuthProvider users={users} initialUser={user}>
            {error ? <SignInPage error={error} /> : <App />}
          </AuthProvider>
        </AppTheme>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
