import type { Locator, Page } from 'playwright-core';

/** C-1 … C-5: the composer over a form. */
export class ComposerPage {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Composer' });
  }

  text(): Promise<string> {
    return this.dialog().getByRole('textbox', { name: 'Prompt text' }).inputValue();
  }

  chips(): Locator {
    return this.dialog().getByRole('list', { name: 'Elements' }).getByRole('button');
  }

  chip(number: number): Locator {
    return this.chips().nth(number - 1);
  }

  async chipLabels(): Promise<string[]> {
    const labels: string[] = [];
    for (const chip of await this.chips().all()) labels.push((await chip.getAttribute('aria-label')) ?? '');
    return labels;
  }

  async select(number: number, by: 'touch' | 'mouse'): Promise<void> {
    if (by === 'touch') await this.chip(number).tap();
    else await this.chip(number).click();
    await this.dialog().getByRole('region', { name: `Element ${number}` }).waitFor();
  }

  async increaseWeight(times: number): Promise<void> {
    for (let press = 0; press < times; press += 1) await this.dialog().getByRole('button', { name: 'Increase Weight' }).click();
  }

  /**
   * C-2 on a touch screen: press and hold a chip until it is picked up (240 ms), carry it over
   * another and let go — raw touch events, as a finger sends them.
   */
  async dragByTouch(from: number, to: number): Promise<void> {
    const start = await this.centre(this.chip(from));
    const end = await this.centre(this.chip(to));
    const cdp = await this.page.context().newCDPSession(this.page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [start] });
    await this.dialog().locator('.chip--carried').waitFor();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [end] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await cdp.detach();
  }

  /** C-2 with a mouse: press, move, release. */
  async dragByMouse(from: number, to: number): Promise<void> {
    const start = await this.centre(this.chip(from));
    const end = await this.centre(this.chip(to));
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x, end.y, { steps: 8 });
    await this.page.mouse.up();
  }

  async apply(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Apply', exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  private async centre(locator: Locator): Promise<{ x: number; y: number }> {
    const box = await locator.boundingBox();
    if (!box) throw new Error('the chip is not on screen');
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
