import type { Page } from 'playwright-core';
import { e2eUrl } from '../support/env';
import type { Credentials } from '../support/users';

/** The sign-in screen (S-16). */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async open(path = '/'): Promise<void> {
    await this.page.goto(`${e2eUrl()}${path}`);
    await this.page.getByRole('heading', { name: 'Sign in' }).waitFor();
  }

  async signIn({ email, password }: Credentials): Promise<void> {
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }
}
