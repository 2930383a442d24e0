/** WCAG contrast of the text of page elements against what is behind them, measured in the browser. */
import type { Page } from "playwright-core";

/** One measured element. */
export interface ContrastSample {
  readonly selector: string;
  readonly ratio: number;
  readonly color: string;
  readonly background: string;
}

/** Measures the first visible element of each selector; elements that are absent are skipped. */
export async function measureContrast(page: Page, selectors: readonly string[]): Promise<ContrastSample[]> {
  return page.evaluate((list) => {
    const parse = (css: string): [number, number, number, number] => {
      const probe = document.createElement("canvas").getContext("2d");
      if (!probe) return [0, 0, 0, 1];
      probe.fillStyle = "#000";
      probe.fillStyle = css;
      probe.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 255] = probe.getImageData(0, 0, 1, 1).data;
      probe.clearRect(0, 0, 1, 1);
      return [r, g, b, a / 255];
    };
    const luminance = ([r, g, b]: [number, number, number, number]): number => {
      const channel = (c: number): number => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const backgroundOf = (element: Element): string => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const bg = getComputedStyle(node).backgroundColor;
        if (parse(bg)[3] > 0.99) return bg;
      }
      return getComputedStyle(document.body).backgroundColor;
    };
    return list.flatMap((selector) => {
      const element = [...document.querySelectorAll(selector)].find((el) => (el as HTMLElement).offsetParent !== null);
      if (!element) return [];
      const color = getComputedStyle(element).color;
      const background = backgroundOf(element);
      const [l1, l2] = [luminance(parse(color)), luminance(parse(background))].sort((a, b) => b - a) as [number, number];
      return [{ selector, ratio: Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100, color, background }];
    });
  }, selectors);
}
