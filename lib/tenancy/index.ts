export * from "./actor";
export * from "./constants";
export * from "./protected";
