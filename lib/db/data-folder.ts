import fs from "node:fs";
import path from "node:path";
import { DataDirError } from "./embedded";

const OPEN_TO_OTHERS = 0o077;
const mode = (p: string) => fs.statSync(p).mode & 0o777;
const octal = (m: number) => `0${m.toString(8)}`;

/**
 * The embedded data folder holds the database and the key that opens the signing keys: only the
 * account that runs Fennec may read it. Creates it 0700; refuses a folder or key file that group or
 * others can reach (someone may already have read it: fixing that is the operator's decision); and
 * tightens every other file and folder below it, since PGlite writes its files 0666 whatever the umask (the 0700 folder is what keeps them private).
 */
export function secureDataFolder(dataDir: string, keyFile: string) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (mode(dataDir) & OPEN_TO_OTHERS) {
    throw new DataDirError(
      `the data folder ${dataDir} is open to other users (mode ${octal(mode(dataDir))}). Make it private with: chmod 700 ${dataDir}`,
    );
  }
  if (fs.existsSync(keyFile) && mode(keyFile) & OPEN_TO_OTHERS) {
    throw new DataDirError(
      `the key file ${keyFile} is open to other users (mode ${octal(mode(keyFile))}). Make it private with: chmod 600 ${keyFile}`,
    );
  }
}

/** chmod go-rwx on everything below the folder (symbolic links are left alone). */
export function tightenDataFolder(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    const m = mode(p);
    if (m & OPEN_TO_OTHERS) fs.chmodSync(p, m & ~OPEN_TO_OTHERS);
    if (entry.isDirectory()) tightenDataFolder(p);
  }
}
