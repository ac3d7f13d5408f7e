export default { logLevel: "warn" };
