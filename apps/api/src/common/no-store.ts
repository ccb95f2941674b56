import { Header } from '@nestjs/common';

/** An answer carrying a credential (a token shown once, a fresh session) is kept by no cache. */
export const NoStore = () => Header('Cache-Control', 'no-store');
