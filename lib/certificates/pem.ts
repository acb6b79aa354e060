export type PemBlock = { label: string; der: Buffer };

const BEGIN = /^-----BEGIN ([A-Z0-9 ]{1,40})-----$/;
const END = /^-----END ([A-Z0-9 ]{1,40})-----$/;

/** PEM blocks in order (RFC 7468), read line by line so that hostile text costs linear time. */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let label: string | null = null;
  let body: string[] = [];
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (label === null) {
      const m = BEGIN.exec(line);
      if (m) {
        label = m[1];
        body = [];
      }
      continue;
    }
    const end = END.exec(line);
    if (end) {
      if (end[1] === label) blocks.push({ label, der: Buffer.from(body.join(""), "base64") });
      label = null;
    } else if (!line.includes(":")) {
      body.push(line); // RFC 1421 headers ("Proc-Type: ...") are skipped
    }
  }
  return blocks;
}

export const looksLikePem = (data: Buffer | string) =>
  (typeof data === "string" ? data : data.subarray(0, 200).toString("latin1")).trimStart().startsWith("-----BEGIN ");
