import type { DemoConfig } from "@x/example-shared";

export function DemoHeader({ config }: { config: DemoConfig }) {
  return (
    <header className="demo-header">
      <h1>TalkJS session · React</h1>
      <span className="demo-pill" data-testid="mode">
        {config.mode === "offline" ? "Offline demo · TalkJS fake" : `TalkJS app ${config.appId}`}
      </span>
      <a href="/">← All examples</a>
    </header>
  );
}
