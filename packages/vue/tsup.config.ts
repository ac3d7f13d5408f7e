import { developmentAndProductionBuilds } from "../../tsup.shared";

export default developmentAndProductionBuilds({ external: ["vue", "talkjs", "@x/session-core"] });
