import { developmentAndProductionBuilds } from "../../tsup.shared";

export default developmentAndProductionBuilds({ external: ["talkjs"] });
