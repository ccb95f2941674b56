/** The `cs_refresh` Set-Cookie line of a response (with its attributes), or a thrown error. */
export function refreshCookie(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('cs_refresh='));
  if (!cookie) throw new Error(`no refresh cookie in ${JSON.stringify(setCookie)}`);
  return cookie;
}

/** `name=value` of a Set-Cookie line, as a browser sends it back. */
export const cookiePair = (setCookie: string) => setCookie.split(';')[0] ?? '';
