/** The context key `<TalkSession>` puts its store under; a Symbol so no other library collides. */
export const sessionContextKey = Symbol("@x/session-svelte");
