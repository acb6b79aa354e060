import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimTransformsEditor } from "@/components/claim-transforms/claim-transforms-editor";
import { ReadOnlyProvider } from "@/components/ui/read-only";
import { claimTransformsSchema } from "@/lib/claims";

// Server-rendered markup of the editor: the first paint a browser gets, with the preview already computed.
describe("ClaimTransformsEditor first render", () => {
  const value = claimTransformsSchema.parse([
    { type: "constant", claims_out: ["role"], transformation: "reader" },
    { type: "map", claims_in: ["client_id"], claims_out: ["azp"] },
  ]);

  it("shows each transform with labelled fields and the preview's result", () => {
    const editor = createElement(ClaimTransformsEditor, { value, onChange: () => {}, clientId: "billing" });
    const html = renderToStaticMarkup(createElement(ReadOnlyProvider, { canWrite: true }, editor));
    expect(html).toContain("Transform 1: Constant");
    expect(html).toContain("Transform 2: Map");
    expect(html).toMatch(/aria-label="Move transform 2 up"/);
    // the preview ran the engine: role=reader and azp=billing are new claims
    expect(html).toMatch(/<td class="px-2 py-1">role<\/td><td class="px-2 py-1 break-all">reader <span[^>]*>new<\/span>/);
    expect(html).toMatch(/<td class="px-2 py-1">azp<\/td><td class="px-2 py-1 break-all">billing <span[^>]*>new<\/span>/);
  });

  it("for a viewer (and with no provider at all): the transforms in a disabled fieldset, nothing to add, move or remove", () => {
    for (const html of [
      renderToStaticMarkup(createElement(ReadOnlyProvider, { canWrite: false }, createElement(ClaimTransformsEditor, { value, onChange: () => {} }))),
      renderToStaticMarkup(createElement(ClaimTransformsEditor, { value, onChange: () => {} })),
    ]) {
      expect(html).toContain("Transform 2: Map");
      expect(html).toMatch(/<fieldset disabled=""[^>]*><ol[^>]*aria-label="Claim transforms"/);
      expect(html).not.toMatch(/Move transform|Remove transform|Add claim transform/);
    }
  });

  it("says inline that a protected claim cannot be targeted, and shows server errors", () => {
    const draft = [{ ...value[0], claims_out: ["scope"] }];
    const html = renderToStaticMarkup(
      createElement(ClaimTransformsEditor, {
        value: draft,
        onChange: () => {},
        errors: [{ field: "claim_transforms.0.transformation", message: "Server says no." }],
      }),
    );
    expect(html).toContain("&#x27;scope&#x27; is set by Fennec and cannot be changed by a claim transform.");
    expect(html).toContain("Server says no.");
    expect(html).toContain("Not applied until fixed: transform 1.");
  });
});
