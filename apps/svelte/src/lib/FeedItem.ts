import type Talk from "talkjs";

/** One row of the live feed; `key` is the feed's own, since TalkJS may report a message twice. */
export interface FeedItem {
  readonly key: number;
  readonly message: Talk.Message;
}
