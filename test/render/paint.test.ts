import { describe, expect, it } from "vitest";
import { colourWanted, painter } from "../../src/render/paint.js";

describe("colour", () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: true }, { NO_COLOR: "1" }, false],
    [{ isTTY: true }, { NO_COLOR: "" }, false],
    [{ isTTY: true }, { TERM: "dumb" }, false],
    [{ isTTY: false }, {}, false],
    [{}, {}, false],
  ])("stream %j with env %j: colour %s", (stream, env, expected) => {
    expect(colourWanted(stream, env)).toBe(expected);
  });

  it("adds escape codes only when enabled", () => {
    expect(painter(false)("red", "Not met")).toBe("Not met");
    expect(painter(true)("red", "Not met")).toMatch(/^\u001b\[31mNot met\u001b\[39m$/);
  });
});
