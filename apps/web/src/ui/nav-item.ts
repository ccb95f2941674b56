import type { RouteLocationRaw } from 'vue-router';
import type { IconName } from './icons';

export interface NavItem {
  to: RouteLocationRaw;
  label: string;
  icon: IconName;
}
