import { version as reactVersion } from "react";
import { version as reactDomVersion } from "react-dom";
import { version as serverVersion } from "react-dom/server";

describe("the test run", () => {
  it("uses the React major its vitest config names, for react, react-dom and react-dom/server", () => {
    const major = process.env.EXPECTED_REACT_MAJOR;
    expect([reactVersion, reactDomVersion, serverVersion].map((version) => version.split(".")[0])).toEqual([
      major,
      major,
      major,
    ]);
  });
});
