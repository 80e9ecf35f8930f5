/**
 * Terminal styling: ANSI colours when enabled (stdout is a TTY and NO_COLOR is unset), plain text otherwise.
 * Renderers always go through a Style, so piped output never contains escape codes.
 */
export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly yellow: (s: string) => string;
  readonly cyan: (s: string) => string;
}

const wrap =
  (open: number, close: number) =>
  (s: string): string =>
    s === '' ? s : `\u001b[${open}m${s}\u001b[${close}m`;

export const COLOR: Style = {
  bold: wrap(1, 22),
  dim: wrap(2, 22),
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  cyan: wrap(36, 39),
};

const same = (s: string): string => s;

export const PLAIN: Style = { bold: same, dim: same, green: same, red: same, yellow: same, cyan: same };

export function styleFor(options: { color: boolean; isTTY: boolean }): Style {
  return options.color && options.isTTY ? COLOR : PLAIN;
}
