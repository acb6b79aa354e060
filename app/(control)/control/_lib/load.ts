import "server-only";
import { notFound } from "next/navigation";
import { isDomainError } from "@/lib/control";

/** A page's read: an unknown object, or one the admin may not see, is a plain 404 page. */
export async function load<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (isDomainError(e) && (e.kind === "not_found" || e.kind === "forbidden" || e.kind === "validation")) notFound();
    throw e;
  }
}

export type PageParams<P> = { params: Promise<P> };
export type TrackParams = { tenant: string; track: string };
