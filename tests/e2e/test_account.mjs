// Changing one's own password: errors beside the field they concern, then
// the change, after which only the new password signs in. (gone1, an
// employee made by tests/e2e/run.sh for tests that change the account.)
import { test, assert, equal, signIn, submitSignIn, signOut, fieldError, pathOf, PASSWORD } from './lib.mjs';

const USER = 'gone1';
const NEW_PASSWORD = 'seven quiet herons over the ijssel';

async function sendForm(page, current, fresh, repeat) {
	await page.locator('input[name="current"]').fill(current);
	await page.locator('input[name="new"]').fill(fresh);
	await page.locator('input[name="repeat"]').fill(repeat);
	await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
		page.locator('form[action="/account/password"] [type="submit"]').click()]);
}

test('changing the password: each error beside its field, then only the new password signs in', async (page) => {
	await signIn(page, USER);
	await page.goto('/account/password');
	await sendForm(page, 'not my password at all', NEW_PASSWORD, NEW_PASSWORD);
	assert((await fieldError(page, 'current')).length > 0, 'a wrong current password: error beside it');
	equal(await fieldError(page, 'new'), '', 'no error beside the new password');
	await sendForm(page, PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`);
	assert((await fieldError(page, 'repeat')).length > 0, 'two new passwords that differ: error beside the second');
	await sendForm(page, PASSWORD, 'password1234', 'password1234');
	assert((await fieldError(page, 'new')).length > 0, 'a common password: error beside the new one');
	for (const name of ['current', 'new', 'repeat'])
		equal(await page.locator(`input[name="${name}"]`).inputValue(), '', `the ${name} password is not sent back`);
	await sendForm(page, PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
	equal(pathOf(page), '/account/password', 'back at the form (Post/Redirect/Get)');
	equal(new URL(page.url()).searchParams.get('changed'), '1', '?changed=1');
	await signOut(page);
	await page.goto('/login');
	await submitSignIn(page, USER, PASSWORD);
	equal(pathOf(page), '/login', 'the old password no longer signs in');
	await submitSignIn(page, USER, NEW_PASSWORD);
	equal(pathOf(page), '/', 'the new one does');
});
