export * from "./names";
export * from "./tenant";
export * from "./track";
export * from "./party";
export * from "./secret";
export * from "./client-key";
export * from "./list";
export * from "./views";
