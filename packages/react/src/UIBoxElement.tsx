import type { ReactElement, RefObject } from "react";
import type { UIBoxElementProps } from "./UIBoxProps";

interface Props extends UIBoxElementProps {
  element: RefObject<HTMLDivElement | null>;
  mounted: boolean;
}

/**
 * Internal: the element a Chatbox or Inbox mounts into, hidden until mounted, with the loading content beside it,
 * as `@talkjs/react` renders them. TalkJS owns the element's children, so React never renders into it.
 */
export function UIBoxElement(props: Props): ReactElement {
  const { element, mounted, loadingComponent, style, className } = props;
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(props)) if (/^(data|aria)-/.test(name)) attributes[name] = value;
  return (
    <>
      {!mounted && (
        <div style={style} className={className}>
          {loadingComponent}
        </div>
      )}
      <div
        {...attributes}
        ref={element}
        style={mounted ? style : { ...style, display: "none" }}
        className={className}
      />
    </>
  );
}
