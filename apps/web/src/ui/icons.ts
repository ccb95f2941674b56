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
  plus: 'M12 5v14 M5 12h14',
  minus: 'M5 12h14',
  back: 'M15 5l-7 7 7 7',
  forward: 'M9 5l7 7-7 7',
  download: 'M12 4v11 M7 10l5 5 5-5 M5 20h14',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13 M10 11v5 M14 11v5',
  info: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M12 11v6 M12 7.5h.01',
  remix: 'M4 12a8 8 0 0 1 14-5.3 M18 3v4h-4 M20 12a8 8 0 0 1-14 5.3 M6 21v-4h4',
  camera: 'M4 8h3l2-3h6l2 3h3v11H4z M12 17a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
  image: 'M4 5h16v14H4z M4 16l4-4 4 4 3-3 5 5 M15 9h.01',
  upload: 'M12 20V9 M7 14l5-5 5 5 M5 4h14',
  stop: 'M7 7h10v10H7z',
  play: 'M8 5v14l11-7z',
} as const;

export type IconName = keyof typeof ICON_PATHS;
