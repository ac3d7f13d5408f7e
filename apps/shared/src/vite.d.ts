/** Vite dev-server settings for an example app (port 5174, demo server routes forwarded to 127.0.0.1:5173). */
export declare const demoDevServer: {
  host: string;
  port: number;
  proxy: Record<string, string>;
};
