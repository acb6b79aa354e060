import "server-only";

// Party names are stored lowercase, 1–50 of [a-z0-9_-]. A presented client id outside that grammar
// cannot name a client, so it is refused before it reaches a cache, a throttle or the database: an
// attacker-chosen string of any other shape (a 60,000-character id, a 12 KB assertion `iss`) is never kept.
const CLIENT_ID = /^[a-z0-9_-]{1,50}$/;

export const isClientId = (s: string): boolean => s.length <= 50 && CLIENT_ID.test(s);
