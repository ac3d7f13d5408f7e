/** The context key `<TalkDataSession>` puts its store under; a Symbol so no other library collides. */
export const dataSessionContextKey = Symbol("@x/session-svelte/data");
