"use client";

import { useState, type ReactNode } from "react";
import { ClientKeysPanel } from "@/components/keys/client-keys-panel";
import { SecretsPanel } from "@/components/secrets/secrets-panel";
import { useCanWrite } from "@/components/ui/read-only";
import { Tabs, type TabItem } from "@/components/ui/tabs";
import type { ClientKeyView, PartyRefInput, PartyView, SecretView } from "@/lib/control";
import type { ResourceOptions } from "./grants-picker";
import { PartyForm } from "./party-form";
import { partyValues } from "./party-form-values";
import { TryIt } from "./try-it";

export function PartyTabs({
  partyRef,
  party,
  resources,
  secrets,
  keys,
  tokenEndpoint,
  initialTab,
  claimTransforms,
  tokens,
  usage,
}: {
  partyRef: PartyRefInput;
  party: PartyView;
  resources: ResourceOptions;
  secrets: SecretView[] | null;
  keys: ClientKeyView[] | null;
  tokenEndpoint: string;
  initialTab?: string;
  claimTransforms: ReactNode;
  /** the client's revoked tokens and "not before" (clients only) */
  tokens?: ReactNode;
  /** the client's usage tab (components/usage), rendered on the server */
  usage?: ReactNode;
}) {
  const [lastSecret, setLastSecret] = useState<string>();
  const canWrite = useCanWrite();
  const method = party.client?.auth_method;
  const defaultScope = (party.client?.resource_scopes ?? []).flatMap((g) => g.scopes.map((s) => `${g.resource}:${s}`)).join(" ");
  const items: TabItem[] = [
    {
      id: "settings",
      label: "Settings",
      content: (
        <PartyForm
          key={party.version}
          mode="edit"
          tenant={partyRef.tenant}
          track={partyRef.track}
          initial={partyValues(party)}
          resources={resources}
          keyCount={party.client?.key_count ?? 0}
          tokenEndpoint={tokenEndpoint}
        />
      ),
    },
  ];
  if (party.client && secrets) {
    items.push({
      id: "secrets",
      label: "Secrets",
      content: <SecretsPanel key={secrets.map((x) => x.id).join()} partyRef={partyRef} initial={secrets} onCreated={setLastSecret} unused={method === "private_key_jwt"} />,
    });
  }
  if (party.client && keys) {
    items.push({ id: "certificates", label: "Client certificates", content: <ClientKeysPanel key={keys.map((k) => k.kid).join()} partyRef={partyRef} initial={keys} /> });
  }
  items.push({ id: "claim-transforms", label: "Claim transforms", content: claimTransforms });
  if (party.client && tokens) items.push({ id: "tokens", label: "Tokens", content: tokens });
  if (party.client && usage) items.push({ id: "usage", label: "Usage", content: usage });
  // Getting a token is a write (it is issued, counted and can be revoked): not for a viewer.
  if (party.client && method && canWrite) {
    items.push({
      id: "try-it",
      label: "Try it",
      content: (
        <TryIt
          key={`${lastSecret ?? ""}${party.version}`}
          tenant={partyRef.tenant}
          track={partyRef.track}
          party={party.name}
          method={method}
          tokenEndpoint={tokenEndpoint}
          initialSecret={lastSecret}
          initialScope={defaultScope}
        />
      ),
    });
  }
  return <Tabs label={`Application ${party.name}`} items={items} initial={initialTab} />;
}
