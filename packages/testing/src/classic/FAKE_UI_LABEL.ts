/**
 * The label every fake box renders (text and `aria-label`), so screenshots and e2e tests can't mistake it for TalkJS.
 * @example
 * await expect(page.getByLabel(FAKE_UI_LABEL)).toBeVisible();
 */
export const FAKE_UI_LABEL = "TalkJS fake — offline demo";
