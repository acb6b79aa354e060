export { getDb, disconnectDb, type Db } from "./client";
