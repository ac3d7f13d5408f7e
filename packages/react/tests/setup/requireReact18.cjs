// pnpm resolved react-dom-18's `react` peer to React 19; send every Node require of react/react-dom to the 18 copies.
const Module = require("node:module");
const path = require("node:path");

const targets = {
  react: path.resolve(__dirname, "../../node_modules/react-18"),
  "react-dom": path.resolve(__dirname, "../../node_modules/react-dom-18"),
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const [name, ...subpath] = request.split("/");
  const target = targets[name];
  return resolveFilename.call(this, target ? [target, ...subpath].join("/") : request, ...rest);
};
