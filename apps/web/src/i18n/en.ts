/**
 * Every string the web client shows (N-12: one catalogue, English shipped). Keys are flat and
 * dotted by screen; `{name}` placeholders are filled by `t`.
 */
export const en = {
  'app.name': 'Cozy Studio',
  'app.skipToContent': 'Skip to content',
  'app.mainNavigation': 'Main',
  'app.runningJobs': 'Running jobs',

  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.saved': 'Saved',
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.comingSoon': 'Coming soon',
  'common.never': 'Never',
  'common.dismiss': 'Dismiss',
  'common.notifications': 'Notifications',

  'nav.generate': 'Generate',
  'nav.queue': 'Queue',
  'nav.gallery': 'Gallery',
  'nav.prompts': 'Prompts',
  'nav.admin': 'Admin',
  'nav.profile': 'Profile',
  'nav.logout': 'Log out',

  'error.network': 'The server is unreachable. Check your connection and try again.',
  'error.server': 'Something went wrong on the server. Try again in a moment.',
  'error.unexpected': 'Something unexpected happened. Try again.',
  'error.unexpectedResponse': 'The server sent an answer this app does not understand. Reload the page.',
  'error.sessionExpired': 'Your session has ended. Sign in again.',
  'error.offline': 'You are offline. The studio needs its server to work.',
  'error.notFound': 'There is nothing here.',
  'error.notFoundTitle': 'Page not found',
  'error.backHome': 'Go to Generate',

  'validation.required': 'Required',
  'validation.email': 'Must be an email address',
  'validation.tooShort': 'Must be at least {min} characters',
  'validation.tooLong': 'Must be at most {max} characters',
  'validation.pickOne': 'Pick at least one',
  'validation.passwordsDiffer': 'The passwords do not match',
  'validation.dateInPast': 'Must be in the future',

  'login.title': 'Sign in',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.invalid': 'Invalid email or password',
  'login.throttled': 'Too many attempts. Try again in {time}.',
  'login.throttledNoTime': 'Too many attempts. Try again later.',

  'duration.seconds': '{count} s',
  'duration.minutes': '{count} min',

  'password.current': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Repeat new password',
  'password.hint': 'At least 10 characters, not your email.',
  'password.submit': 'Change password',
  'password.changed': 'Password changed. Your other sessions were signed out.',
  'password.forcedTitle': 'Choose a new password',
  'password.forcedIntro': 'The password you signed in with was given to you. Choose your own before you continue.',

  'profile.title': 'Profile',
  'profile.account': 'Account',
  'profile.email': 'Email',
  'profile.displayName': 'Display name',
  'profile.displayNameSaved': 'Display name saved',
  'profile.passwordSection': 'Password',
  'profile.appearance': 'Appearance',
  'profile.theme': 'Theme',
  'theme.dark': 'Dark',
  'theme.light': 'Light',
  'theme.system': 'Same as device',

  'sessions.title': 'Signed-in devices',
  'sessions.empty': 'No other devices are signed in.',
  'sessions.current': 'This device',
  'sessions.unknownDevice': 'Unknown device',
  'sessions.lastSeen': 'Last seen {when}',
  'sessions.revoke': 'Sign out',
  'sessions.revokeLabel': 'Sign out {device}',
  'sessions.revoked': 'Device signed out',

  'tokens.title': 'API tokens',
  'tokens.intro': 'Scripts use a token in the Authorization header. Each secret is shown once.',
  'tokens.empty': 'No tokens yet.',
  'tokens.new': 'New token',
  'tokens.name': 'Name',
  'tokens.scopes': 'Scopes',
  'tokens.scope.read': 'Read your data',
  'tokens.scope.generate': 'Submit, cancel and retry jobs',
  'tokens.scope.admin': 'Administer (admins only)',
  'tokens.expiresAt': 'Expires on (optional)',
  'tokens.create': 'Create token',
  'tokens.secretTitle': 'Copy your new token now',
  'tokens.secretWarning': 'This is the only time the secret is shown. Store it somewhere safe.',
  'tokens.secretLabel': 'Token secret',
  'tokens.copy': 'Copy',
  'tokens.copied': 'Copied',
  'tokens.copyFailed': 'Copying failed: select the text and copy it yourself.',
  'tokens.secretDone': 'I have stored it',
  'tokens.created': 'Created {date}',
  'tokens.lastUsed': 'Last used {date}',
  'tokens.expires': 'Expires {date}',
  'tokens.neverUsed': 'Never used',
  'tokens.revoke': 'Revoke',
  'tokens.revokeLabel': 'Revoke {name}',
  'tokens.revokeTitle': 'Revoke token?',
  'tokens.revokeMessage': 'Scripts using “{name}” stop working at once.',
  'tokens.revoked': 'Token revoked',

  'users.title': 'Users',
  'users.empty': 'No users yet.',
  'users.new': 'New user',
  'users.create': 'Create user',
  'users.created': 'User {email} created',
  'users.email': 'Email',
  'users.displayName': 'Display name (optional)',
  'users.role': 'Role',
  'users.initialPassword': 'Initial password',
  'users.initialPasswordHint': 'They must change it when they first sign in.',
  'users.role.admin': 'Admin',
  'users.role.member': 'Member',
  'users.state.active': 'Active',
  'users.state.disabled': 'Disabled',
  'users.mustChangePassword': 'Must change password',
  'users.you': 'You',
  'users.roleOf': 'Role of {email}',
  'users.disable': 'Disable',
  'users.enable': 'Enable',
  'users.resetPassword': 'Reset password',
  'users.resetTitle': 'Reset password for {email}',
  'users.resetSubmit': 'Set password',
  'users.resetDone': 'Password reset. {email} must change it at next sign-in.',
  'users.newPassword': 'New password',
  'users.delete': 'Delete',
  'users.deleteTitle': 'Delete {email}?',
  'users.deleteMessage':
    'This removes the account with all its jobs, outputs, uploads, aliases, presets, tokens and sessions. It cannot be undone.',
  'users.deleteConfirmLabel': 'Type {email} to confirm',
  'users.deleteSubmit': 'Delete user',
  'users.deleted': 'User {email} deleted',
  'users.updated': 'Saved changes to {email}',
  'users.actionsFor': 'Actions for {email}',

  'pwa.updateAvailable': 'A new version of the studio is available.',
  'pwa.reload': 'Reload',
  'pwa.later': 'Later',
} as const;

export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * Looks up `key` and fills its `{name}` placeholders from `params`.
 * @example t('users.created', { email: 'a@b.c' }) // 'User a@b.c created'
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = en[key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
