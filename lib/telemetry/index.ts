export { cacheCounter, countArgon2, metrics, observeControlRequest, reportChangeFeedLag, MAX_LABELLED_CLIENTS } from "./metrics";
export { logEvent, logFailure } from "./events";
export { logger } from "./logger";
export { currentRequestId, noteRequest, REQUEST_ID_HEADER, requestIdFrom, takeRequestNote, withRequestId, type RequestNote } from "./request-context";
export { logRequest } from "./request-log";
export { recordTokenRequest, type TokenRequestOutcome, type UsedCredential } from "./token-requests";
export { flushUsage } from "./usage";
export { answerMetrics, type MetricsAnswer } from "./metrics-endpoint";
