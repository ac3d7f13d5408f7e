// Checked by svelte-check (`pnpm typecheck`), which types `.svelte` imports; vitest's tsc sees them as untyped.
import type { ComponentProps } from "svelte";
import { expectTypeOf } from "vitest";
import {
  TalkChatbox,
  TalkInbox,
  TalkPopup,
  type TalkChatboxProps,
  type TalkInboxProps,
  type TalkPopupProps,
} from "../src/lib/index";

expectTypeOf<ComponentProps<typeof TalkChatbox>>().toEqualTypeOf<TalkChatboxProps>();
expectTypeOf<ComponentProps<typeof TalkInbox>>().toEqualTypeOf<TalkInboxProps>();
expectTypeOf<ComponentProps<typeof TalkPopup>>().toEqualTypeOf<TalkPopupProps>();
