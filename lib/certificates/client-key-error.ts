/** A client key upload Fennec refuses; the message is shown to the administrator as it is. */
export class ClientKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ClientKeyError";
  }
}
