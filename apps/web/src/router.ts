import { createRouter, createWebHistory } from 'vue-router';
import type { RouteLocationNormalized, RouteLocationRaw, Router, RouterHistory, RouteRecordRaw } from 'vue-router';
import { useAuthStore } from './auth/stores/authStore';
import { t } from './i18n/en';
import type { MessageKey } from './i18n/en';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without a session (the login screen). */
    isPublic?: boolean;
    requiresAdmin?: boolean;
    /** Catalogue key of the page title. */
    titleKey?: MessageKey;
  }
}

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./auth/components/LoginView.vue'),
    meta: { isPublic: true, titleKey: 'login.title' },
  },
  {
    path: '/change-password',
    name: 'change-password',
    component: () => import('./auth/components/ForcedPasswordView.vue'),
    meta: { titleKey: 'password.forcedTitle' },
  },
  {
    path: '/',
    component: () => import('./shell/components/AppShell.vue'),
    children: [
      { path: '', redirect: { name: 'generate' } },
      {
        path: 'generate',
        name: 'generate',
        component: () => import('./workflows/components/WorkflowsView.vue'),
        meta: { titleKey: 'nav.generate' },
      },
      {
        path: 'generate/:workflowId',
        name: 'generate-form',
        component: () => import('./generate/components/GenerateFormView.vue'),
        meta: { titleKey: 'nav.generate' },
      },
      {
        path: 'queue',
        name: 'queue',
        component: () => import('./queue/components/QueueView.vue'),
        meta: { titleKey: 'nav.queue' },
      },
      {
        path: 'queue/:jobId',
        name: 'job',
        component: () => import('./queue/components/JobResultView.vue'),
        props: true,
        meta: { titleKey: 'job.title' },
      },
      {
        path: 'gallery',
        name: 'gallery',
        component: () => import('./gallery/components/GalleryView.vue'),
        meta: { titleKey: 'nav.gallery' },
      },
      {
        path: 'prompts',
        component: () => import('./prompts/components/PromptsView.vue'),
        children: [
          {
            path: '',
            name: 'prompts',
            component: () => import('./prompts/components/AliasLibraryView.vue'),
            meta: { titleKey: 'nav.prompts' },
          },
          {
            path: 'shared',
            name: 'prompts-shared',
            component: () => import('./prompts/components/SharedAliasesView.vue'),
            meta: { titleKey: 'nav.prompts' },
          },
          {
            path: 'tags',
            name: 'prompts-tags',
            component: () => import('./prompts/components/TagBrowserView.vue'),
            meta: { titleKey: 'nav.prompts' },
          },
        ],
      },
      { path: 'admin', redirect: { name: 'admin-users' } },
      {
        path: 'admin/users',
        name: 'admin-users',
        component: () => import('./admin/components/UsersView.vue'),
        meta: { requiresAdmin: true, titleKey: 'users.title' },
      },
      {
        path: 'admin/workflows',
        name: 'admin-workflows',
        component: () => import('./admin/components/WorkflowsAdminView.vue'),
        meta: { requiresAdmin: true, titleKey: 'adminWorkflows.title' },
      },
      {
        path: 'admin/backends',
        name: 'admin-backends',
        component: () => import('./admin/components/BackendsView.vue'),
        meta: { requiresAdmin: true, titleKey: 'backends.title' },
      },
      {
        path: 'admin/tags',
        name: 'admin-tags',
        component: () => import('./admin/components/TagsAdminView.vue'),
        meta: { requiresAdmin: true, titleKey: 'adminTags.title' },
      },
      {
        path: 'admin/limits',
        name: 'admin-limits',
        component: () => import('./admin/components/LimitsAdminView.vue'),
        meta: { requiresAdmin: true, titleKey: 'adminLimits.title' },
      },
      {
        path: 'profile',
        name: 'profile',
        component: () => import('./profile/components/ProfileView.vue'),
        meta: { titleKey: 'profile.title' },
      },
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./shell/components/NotFoundView.vue'),
        meta: { titleKey: 'error.notFoundTitle' },
      },
    ],
  },
];

/** Only same-app paths are followed after sign-in; anything else (`//evil.example`, URLs) goes home. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Where a navigation may go given the session: sign-in first, then a forced password change, then roles. */
export async function guardRoute(to: RouteLocationNormalized): Promise<true | RouteLocationRaw> {
  const auth = useAuthStore();
  await auth.restore();
  if (to.meta.isPublic) return auth.isAuthenticated ? safeNext(to.query.next) : true;
  if (!auth.isAuthenticated) return { name: 'login', query: { next: to.fullPath } };
  if (auth.mustChangePassword) return to.name === 'change-password' ? true : { name: 'change-password', query: { next: to.fullPath } };
  if (to.name === 'change-password') return safeNext(to.query.next);
  // Like a private resource (U-5), admin pages do not exist for members: "not found", same URL.
  if (to.meta.requiresAdmin && !auth.isAdmin) {
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, query: to.query, hash: to.hash };
  }
  return true;
}

export function createAppRouter(history: RouterHistory = createWebHistory()): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  });
  router.beforeEach(guardRoute);
  router.afterEach((to) => {
    const page = to.meta.titleKey ? t(to.meta.titleKey) : null;
    document.title = page ? `${page} · ${t('app.name')}` : t('app.name');
  });
  return router;
}
