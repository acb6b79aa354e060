import "server-only";

export { getTrackKeys } from "./track-keys-interim";
