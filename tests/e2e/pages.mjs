// What the browser application has, as the tests know it (browser.md has
// the URL plan). A page added later slots in with a line in PAGES, its
// navigation entry marked built in NAV, and its access in ACCESS; the tests
// of test_pages.mjs and test_signin.mjs then cover it.
import { ROLES } from './lib.mjs';

const ALL = ROLES;

// Every page the tests look at: screenshots (name-lang-width.png), axe,
// layout at 360 px, the parts every page has. `as`: the role that looks
// at it (null: signed out); status: what it answers (default 200).
export const PAGES = [
	{ name: 'login', path: '/login', as: null },
	{ name: 'dashboard', path: '/', as: 'manager' },
	{ name: 'dashboard-hr', path: '/', as: 'hr' },
	{ name: 'dashboard-employee', path: '/', as: 'employee' },
	{ name: 'password', path: '/account/password', as: 'employee' },
	{ name: 'library', path: '/library', as: 'employee' },
	// An unknown address: the HTML 404 page (the router's, without the
	// signed-in header even for a signed-in user).
	{ name: 'not-found', path: '/no/such/page', as: null, status: 404 },
	{ name: 'team', path: '/teams/kcc-phone', as: 'manager' },
	{ name: 'team-hr', path: '/teams/kcc', as: 'hr' },
	{ name: 'person', path: '/people/KCC-1011', as: 'manager' },
	{ name: 'plan', path: '/people/KCC-1011/plan', as: 'manager' },
	{ name: 'plan-employee', path: '/people/KCC-1011/plan', as: 'employee' },
	{ name: 'self-assessment', path: '/self-assessment', as: 'employee' },
	{ name: 'import', path: '/import', as: 'hr' },
	{ name: 'export', path: '/export', as: 'hr' },
	{ name: 'admin-users', path: '/admin/users', as: 'admin' },
	{ name: 'admin-user', path: '/admin/users/mgr1', as: 'admin' },
	{ name: 'admin-tokens', path: '/admin/tokens', as: 'admin' },
	{ name: 'admin', path: '/admin', as: 'admin' },
	{ name: 'admin-settings', path: '/admin/settings', as: 'admin' },
	{ name: 'admin-audit', path: '/admin/audit', as: 'admin' },
	{ name: 'admin-webhooks', path: '/admin/webhooks', as: 'admin' },
	{ name: 'feedback', path: '/feedback', as: 'employee' },
	{ name: 'feedback-colleague', path: '/people/KCC-1016/feedback', as: 'employee' },
];

// The main navigation: where each link goes (a prefix when it ends in
// "/"), the roles that see it, and whether its page is built. A role not
// listed must never see the link; a listed role must see it once built.
export const NAV = [
	{ path: '/', roles: ALL, built: true },
	{ path: '/okr', roles: ALL, built: true },
	{ path: '/library', roles: ALL, built: true },
	{ path: '/self-assessment', roles: ['manager', 'employee'], built: true },
	{ path: '/feedback', roles: ['employee'], built: true },
	{ path: '/import', roles: ['admin', 'hr'], built: true },
	{ path: '/export', roles: ['admin', 'hr'], built: true },
	{ path: '/admin/', roles: ['admin'], built: true },
];

// Pages only some roles may open: any other role gets 403 or 404 (never
// the page). Only pages that are built.
export const ACCESS = [
	{ path: '/import', roles: ['admin', 'hr'] },
	{ path: '/export', roles: ['admin', 'hr'] },
	{ path: '/admin/users', roles: ['admin'] },
	{ path: '/admin/tokens', roles: ['admin'] },
	{ path: '/admin', roles: ['admin'] },
	{ path: '/admin/settings', roles: ['admin'] },
	{ path: '/admin/audit', roles: ['admin'] },
	{ path: '/admin/webhooks', roles: ['admin'] },
];

// Whether a link to href is the navigation entry item.
export function navMatches(item, href) {
	return item.path.endsWith('/') && item.path !== '/' ? href.startsWith(item.path) || href === item.path.slice(0, -1)
		: href === item.path;
}

// Editing the library (web/library_*.c): admin and hr only.
PAGES.push(
	{ name: 'library-hr', path: '/library', as: 'hr' },
	{ name: 'library-competency', path: '/library/competencies/customer-focus', as: 'hr' },
	{ name: 'library-competency-new', path: '/library/competencies/new', as: 'admin' },
	{ name: 'library-role', path: '/library/roles/agent', as: 'hr' },
	{ name: 'library-role-new', path: '/library/roles/new', as: 'admin' },
	{ name: 'library-delete', path: '/library/competencies/customer-focus/delete', as: 'hr' },
);
ACCESS.push(
	{ path: '/library/competencies/customer-focus', roles: ['admin', 'hr'] },
	{ path: '/library/roles/agent', roles: ['admin', 'hr'] },
);

// Coaching sessions (web/coaching_page.c): a person's coaching and the
// form to record a session, for the roles that record them; an employee
// sees their own.
PAGES.push(
	{ name: 'coaching', path: '/people/KCC-1011/coaching', as: 'manager' },
	{ name: 'coaching-employee', path: '/people/KCC-1011/coaching', as: 'employee' },
	{ name: 'coaching-new', path: '/people/KCC-1011/coaching/new', as: 'manager' },
);

// The quality evaluations (web/eval_page.c, eval_form.c, quality_page.c),
// on the evaluations of kcc-desk in November 2026 that run.sh imports
// (tests/e2e/data).
PAGES.push(
	{ name: 'team-quality', path: '/teams/kcc-desk/quality?month=2026-11', as: 'coach' },
	{ name: 'evaluation', path: '/evaluations/E2E-2', as: 'coach' },
	{ name: 'evaluation-autofail', path: '/evaluations/E2E-4', as: 'hr' },
	{ name: 'evaluation-new', path: '/evaluations/new?agent=KCC-1033', as: 'coach' },
	{ name: 'evaluation-self', path: '/evaluations/new', as: 'employee' },
	{ name: 'person-evaluations', path: '/people/KCC-1032/evaluations', as: 'coach' },
	{ name: 'person-evaluations-own', path: '/people/KCC-1011/evaluations', as: 'employee' },
);
ACCESS.push(
	{ path: '/teams/kcc-desk/quality?month=2026-11', roles: ['admin', 'hr', 'coach'] },
	{ path: '/evaluations/E2E-2', roles: ['admin', 'hr', 'coach'] },
	{ path: '/people/KCC-1032/evaluations', roles: ['admin', 'hr', 'coach'] },
);

// The OKR pages (web/okr_*.c, docs/web.md "OKRs") on the objectives that
// run.sh imports (tests/e2e/data): a team's board, the organisation's, the
// people a competency key result counts, the quarterly review; an
// employee reads their own team's board, not another's.
PAGES.push(
	{ name: 'okr-team', path: '/teams/kcc-phone/okr', as: 'manager' },
	{ name: 'okr-team-employee', path: '/teams/kcc-phone/okr', as: 'employee' },
	{ name: 'okr-org', path: '/okr', as: 'employee' },
	{ name: 'okr-people', path: '/okr/key-results/E2E-K3', as: 'manager' },
	{ name: 'okr-review', path: '/teams/kcc-phone/okr/review?quarter=2026-Q3', as: 'manager' },
);
ACCESS.push(
	{ path: '/teams/kcc-desk/okr', roles: ['admin', 'hr', 'coach'] },
);
