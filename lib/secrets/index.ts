export { hashSecret, verifySecret } from "./hash";
export { generateSecret, secretInfo, generatePassword } from "./generate";
