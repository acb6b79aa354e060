import { describe, expect, it } from "vitest";
import { MAX_KEY_FILE_BYTES } from "@/lib/certificates/key-file";
import {
  EXPORT_VERSION,
  MAX_EXPORT_KEYS_PER_CLIENT,
  MAX_IMPORT_PARTIES,
  exportDocumentSchema,
  exportKeySchema,
  exportPartySchema,
  exportTrackSchema,
  importModeSchema,
} from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const track = { signing_algorithm: "ES256", key_validity_months: 3, key_renew_days_before_expiry: 10, key_primary_after_days: 5 };
const oneKind = { certificate: ["A key holds exactly one of 'certificate' (PEM) or 'jwk'."] };

describe("export document", () => {
  it("a key is a kid of 1-200 characters with a certificate or a JWK, not both, nothing else", () => {
    expect(accepted(exportKeySchema, { kid: chars(200), certificate: "PEM" })).toEqual({ kid: chars(200), certificate: "PEM" });
    expect(accepted(exportKeySchema, { kid: "k", jwk: { [chars(50)]: 1 } })).toEqual({ kid: "k", jwk: { [chars(50)]: 1 } });
    expect(refusals(exportKeySchema, { kid: "k" })).toEqual(oneKind);
    expect(refusals(exportKeySchema, { kid: "k", certificate: "PEM", jwk: {} })).toEqual(oneKind);
    expect(Object.keys(refusals(exportKeySchema, { kid: "", certificate: "PEM" }))).toEqual(["kid"]);
    expect(Object.keys(refusals(exportKeySchema, { kid: chars(201), certificate: "PEM" }))).toEqual(["kid"]);
    expect(refusals(exportKeySchema, { kid: "k", jwk: { [chars(51)]: 1 } })).toEqual({ [`jwk.${chars(51)}`]: ["Invalid key in record"] });
    expect(refusals(exportKeySchema, { kid: "k", certificate: chars(MAX_KEY_FILE_BYTES + 1) })).toEqual({ certificate: ["Certificate is too long."] });
    expect(accepted(exportKeySchema, { kid: "k", certificate: chars(MAX_KEY_FILE_BYTES) }).certificate).toHaveLength(MAX_KEY_FILE_BYTES);
    expect(Object.keys(refusals(exportKeySchema, { kid: "k", certificate: "PEM", d: "private" }))).toEqual([""]);
  });

  it("a party is a resource, a client or both, with at most 4 client keys and no unknown fields", () => {
    const client = accepted(exportPartySchema, { name: "C", client: {} });
    expect(client).toMatchObject({ name: "c", claim_transforms: [], client: { keys: [], auth_method: "client_secret_post" } });
    expect(accepted(exportPartySchema, { name: "r", resource: { scopes: ["read"] } }).resource).toEqual({ scopes: ["read"] });
    const needsPart = { resource: ["A party needs a resource part, a client part or both."] };
    expect(refusals(exportPartySchema, { name: "x" })).toEqual(needsPart);
    expect(refusals(exportPartySchema, { name: "x", resource: null, client: null })).toEqual(needsPart);

    const keys = Array.from({ length: MAX_EXPORT_KEYS_PER_CLIENT }, (_, i) => ({ kid: `k${i}`, certificate: "PEM" }));
    expect(MAX_EXPORT_KEYS_PER_CLIENT).toBe(4);
    expect(accepted(exportPartySchema, { name: "c", client: { keys } }).client?.keys).toHaveLength(4);
    expect(refusals(exportPartySchema, { name: "c", client: { keys: [...keys, { kid: "k4", jwk: {} }] } })).toEqual({
      "client.keys": ["A client has at most 4 keys."],
    });
    for (const extra of [{ secret: "s" }, { client: { secret_count: 1 } }, { resource: { scopes: ["r"], x: 1 } }]) {
      const r = refusals(exportPartySchema, { name: "c", client: {}, ...extra });
      expect(Object.keys(r).length, JSON.stringify(extra)).toBe(1);
    }
  });

  it("a track's key settings are within FoxIDs' ranges", () => {
    expect(accepted(exportTrackSchema, { ...track, display_name: "T" })).toEqual({ ...track, display_name: "T" });
    const low = { ...track, key_validity_months: 1, key_renew_days_before_expiry: 4, key_primary_after_days: 2 };
    const high = { ...track, key_validity_months: 12, key_renew_days_before_expiry: 30, key_primary_after_days: 20 };
    expect(accepted(exportTrackSchema, low)).toEqual(low);
    expect(accepted(exportTrackSchema, high)).toEqual(high);
    const settings = ["key_validity_months", "key_renew_days_before_expiry", "key_primary_after_days"];
    const under = { ...track, key_validity_months: 0, key_renew_days_before_expiry: 3, key_primary_after_days: 1 };
    const over = { ...track, key_validity_months: 13, key_renew_days_before_expiry: 31, key_primary_after_days: 21 };
    expect(Object.keys(refusals(exportTrackSchema, under))).toEqual(settings);
    expect(Object.keys(refusals(exportTrackSchema, over))).toEqual(settings);
    expect(Object.keys(refusals(exportTrackSchema, { ...track, key_validity_months: 2.5 }))).toEqual(["key_validity_months"]);
    expect(Object.keys(refusals(exportTrackSchema, { ...track, name: "t" }))).toEqual([""]);
  });

  it("a document is of a version this build reads, with different party names, at most 1000 of them", () => {
    const doc = { fennec_export_version: EXPORT_VERSION, track, parties: [{ name: "a", client: {} }, { name: "b", resource: { scopes: ["r"] } }] };
    expect(accepted(exportDocumentSchema, doc).parties.map((p) => p.name)).toEqual(["a", "b"]);
    expect(accepted(exportDocumentSchema, { fennec_export_version: 1, parties: [] })).toEqual({ fennec_export_version: 1, parties: [] });
    expect(refusals(exportDocumentSchema, { ...doc, fennec_export_version: EXPORT_VERSION + 1 })).toEqual({
      fennec_export_version: [`This Fennec reads export versions up to ${EXPORT_VERSION}.`],
    });
    expect(Object.keys(refusals(exportDocumentSchema, { ...doc, fennec_export_version: 0 }))).toEqual(["fennec_export_version"]);
    expect(Object.keys(refusals(exportDocumentSchema, { ...doc, fennec_export_version: 0.5 }))).toEqual(["fennec_export_version"]);
    expect(refusals(exportDocumentSchema, { ...doc, parties: [{ name: "a", client: {} }, { name: "b", client: {} }, { name: "A", client: {} }, { name: "b", client: {} }] })).toEqual({
      "parties.2.name": ["Duplicate party 'a'."],
      "parties.3.name": ["Duplicate party 'b'."],
    });
    const parties = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, client: {} }));
    expect(MAX_IMPORT_PARTIES).toBe(1000);
    expect(accepted(exportDocumentSchema, { fennec_export_version: 1, parties: parties(1000) }).parties).toHaveLength(1000);
    expect(refusals(exportDocumentSchema, { fennec_export_version: 1, parties: parties(1001) })).toEqual({
      parties: ["A document imports at most 1000 parties; split a larger track into several documents."],
    });
  });

  it("says where it was exported from and when, in bounded strings, and nothing else", () => {
    const from = { tenant: chars(50), track: chars(50) };
    const at = chars(40);
    expect(accepted(exportDocumentSchema, { fennec_export_version: 1, exported_at: at, exported_from: from, parties: [] })).toEqual({
      fennec_export_version: 1,
      exported_at: at,
      exported_from: from,
      parties: [],
    });
    const r = refusals(exportDocumentSchema, {
      fennec_export_version: 1,
      exported_at: chars(41),
      exported_from: { tenant: chars(51), track: chars(51) },
      parties: [],
    });
    expect(Object.keys(r)).toEqual(["exported_at", "exported_from.tenant", "exported_from.track"]);
    expect(Object.keys(refusals(exportDocumentSchema, { fennec_export_version: 1, parties: [], exported_from: { tenant: "t", track: "t", by: "x" } }))).toEqual(["exported_from"]);
    expect(Object.keys(refusals(exportDocumentSchema, { fennec_export_version: 1, parties: [], secrets: [] }))).toEqual([""]);
  });

  it("an import is a dry run or applied", () => {
    expect(accepted(importModeSchema, "dry_run")).toBe("dry_run");
    expect(accepted(importModeSchema, "apply")).toBe("apply");
    expect(refusals(importModeSchema, "commit")).toEqual({ "": ["mode must be dry_run or apply."] });
  });
});
