export { createDemoServer } from "./createDemoServer.js";
export { readServerConfig, OFFLINE_APP_ID, type ServerConfig } from "./config.js";
export { signTalkToken, isValidTalkToken, type TalkTokenClaims } from "./talkToken.js";
