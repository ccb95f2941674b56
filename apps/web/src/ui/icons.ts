/** Line icons on a 24-unit grid, drawn for this app. */
export const ICON_PATHS = {
  generate: 'M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9z M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z',
  queue: 'M9 6h12 M9 12h12 M9 18h12 M4 6h1 M4 12h1 M4 18h1',
  gallery: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15.5 9.5h.01',
  prompts: 'M4 20h4L19 9l-4-4L4 16z M13 7l4 4',
  admin: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  profile: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z M4 21c0-4 4-6 8-6s8 2 8 6',
  logout: 'M9 4H5v16h4 M16 8l4 4-4 4 M20 12H9',
  close: 'M6 6l12 12 M18 6L6 18',
  copy: 'M9 9h11v11H9z M5 15H4V4h11v1',
} as const;

export type IconName = keyof typeof ICON_PATHS;
