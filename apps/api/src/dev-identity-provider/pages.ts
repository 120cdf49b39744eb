import { DEV_USERS } from './dev-users';

// The provider's own pages, plain server-side HTML in English and Thai: no script, no CDN, no
// bundle. The e2e tests fill the sign-in form by its stable ids (`username`, `password`).

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `
body{font-family:system-ui,"Noto Sans Thai",sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}
main{max-width:26rem;margin:3rem auto;padding:2rem;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:1.5rem;margin:0 0 1rem}
label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{box-sizing:border-box;width:100%;padding:.6rem;font-size:1rem;border:1px solid #5f6b7a;border-radius:4px}
button{margin-top:1.5rem;width:100%;padding:.7rem;font-size:1rem;font-weight:600;color:#fff;background:#1c5fb8;border:0;border-radius:4px;cursor:pointer}
button:focus-visible,input:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.error{padding:.75rem;border:1px solid #b3261e;background:#fdecea;color:#8c1d18;border-radius:4px}
.note{font-size:.9rem;color:#46505c}
table{border-collapse:collapse;font-size:.9rem;margin-top:.5rem}
th,td{text-align:left;padding:.2rem .8rem .2rem 0}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

/** The sign-in form of an interaction; `error` set after a wrong username or password. */
export function signInPage(action: string, options: { username?: string; error?: boolean } = {}): string {
  const invalid = options.error ? ' aria-invalid="true" aria-describedby="sign-in-error"' : '';
  const users = DEV_USERS.map(
    (user) => `<tr><td>${escapeHtml(user.username)}</td><td>${escapeHtml(user.password)}</td><td>${user.roles.length ? user.roles.join(', ') : 'no role / <span lang="th">ไม่มีบทบาท</span>'}</td></tr>`,
  ).join('\n');
  return page(
    'Sign in / เข้าสู่ระบบ – Tracker',
    `<h1>Sign in / <span lang="th">เข้าสู่ระบบ</span></h1>
${options.error ? '<p id="sign-in-error" class="error" role="alert">Wrong username or password. / <span lang="th">ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง</span></p>' : ''}
<form method="post" action="${escapeHtml(action)}">
<label for="username">Username / <span lang="th">ชื่อผู้ใช้</span></label>
<input id="username" name="username" autocomplete="username" autocapitalize="none" required value="${escapeHtml(options.username ?? '')}"${invalid}${options.error ? '' : ' autofocus'}>
<label for="password">Password / <span lang="th">รหัสผ่าน</span></label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${options.error ? ' autofocus' : ''}>
<button type="submit">Sign in / <span lang="th">เข้าสู่ระบบ</span></button>
</form>
<p class="note">Development identity provider: demo users only. / <span lang="th">ผู้ให้บริการยืนยันตัวตนสำหรับการพัฒนา ใช้ได้เฉพาะผู้ใช้ตัวอย่าง</span></p>
<table>
<caption class="note">Demo users / <span lang="th">ผู้ใช้ตัวอย่าง</span></caption>
<thead><tr><th scope="col">Username</th><th scope="col">Password</th><th scope="col">Role</th></tr></thead>
<tbody>
${users}
</tbody>
</table>`,
  );
}

/**
 * Sign-out: oidc-provider asks to confirm an end-session request with a form carrying its xsrf
 * token. The web app's "Sign out" already was the person's choice, so the page submits the form
 * itself (`logout=yes`); without script, it is one button.
 */
export function signOutPage(form: string): string {
  return page(
    'Signing out / กำลังออกจากระบบ – Tracker',
    `<h1>Signing out / <span lang="th">กำลังออกจากระบบ</span></h1>
${form}
<input type="hidden" name="logout" value="yes" form="op.logoutForm">
<button type="submit" form="op.logoutForm">Sign out / <span lang="th">ออกจากระบบ</span></button>
<script>document.getElementById('op.logoutForm').submit();</script>`,
  );
}

export function signedOutPage(): string {
  return page(
    'Signed out / ออกจากระบบแล้ว – Tracker',
    `<h1>Signed out / <span lang="th">ออกจากระบบแล้ว</span></h1>
<p>You have signed out. / <span lang="th">คุณออกจากระบบแล้ว</span></p>`,
  );
}

/** oidc-provider's own error page loads a web font from a CDN: this one is plain. */
export function errorPage(error: string, description: string | undefined): string {
  return page(
    'Sign-in error / เกิดข้อผิดพลาดในการเข้าสู่ระบบ – Tracker',
    `<h1>Sign-in error / <span lang="th">เกิดข้อผิดพลาดในการเข้าสู่ระบบ</span></h1>
<p class="error" role="alert">${escapeHtml(error)}${description ? `: ${escapeHtml(description)}` : ''}</p>`,
  );
}
