import type { Page } from 'playwright-core';
import { e2eUrl } from '../support/env';
import type { Credentials } from '../support/users';

/** The sign-in screen (S-16), at the stack's loopback URL unless given another origin. */
export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly origin: string = e2eUrl(),
  ) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${this.origin}${path}`);
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  async signIn({ email, password }: Credentials): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
