export {
  demoUsers,
  findDemoUser,
  supportContactFor,
  conversationIdBetween,
  chatPartnerIn,
  type DemoUser,
  type SimulatedMessage,
} from "./demoUsers";
export { getConfig, login, logout, me, callDemoServer, DemoApiError, type DemoConfig } from "./api";
export { tokenFetcherFor, onTokenFetched, type TokenFetch } from "./tokens";
export { prepareTalk, prepareOfflineTalk } from "./offlineTalk";
export {
  statusText,
  boxHint,
  unreadMessageCount,
  errorAdvice,
  senderName,
  describeFailure,
  formatTime,
  typingText,
  ignoreLostRead,
} from "./presentation";
export { dataCoreFor } from "./liveData";
export { followMessages, type MessageScroll } from "./followMessages";
export { onLoginElsewhere, type LoginChange } from "./loginSync";
