# Authlib: private_key_jwt. Authlib's default assertion has the token endpoint as `aud` and a
# one-hour `exp`; Fennec follows draft-ietf-oauth-rfc7523bis and wants the issuer as `aud` and
# `exp` at most 5 minutes ahead, so sign() is overridden with those two values.
import json
import os

from authlib.integrations.requests_client import OAuth2Session
from authlib.oauth2.rfc7523 import PrivateKeyJWT, private_key_jwt_sign

issuer = os.environ["FENNEC_ISSUER"]  # e.g. https://id.example.com/acme/prod/ (with the slash)


class IssuerAudiencePrivateKeyJWT(PrivateKeyJWT):
    def sign(self, auth, token_endpoint):
        return private_key_jwt_sign(
            auth.client_secret,  # the private key (PEM)
            client_id=auth.client_id,
            token_endpoint=issuer,  # becomes `aud`
            alg=self.alg,
            header=dict(self.headers or {}),
            expires_in=60,
        )


with open(os.environ["FENNEC_PRIVATE_KEY_FILE"]) as f:
    private_key = f.read()
client = OAuth2Session(
    os.environ["FENNEC_CLIENT_ID"],
    private_key,
    token_endpoint_auth_method=IssuerAudiencePrivateKeyJWT(alg="RS256", headers={"kid": os.environ["FENNEC_KEY_ID"]}),
    scope="orders-api:read",
)
token = client.fetch_token(issuer + "oauth/token", grant_type="client_credentials")
print(json.dumps(token))
