# Authlib: client credentials with a secret. Authlib sends it in a Basic header by default
# (client_secret_basic); token_endpoint_auth_method="client_secret_post" sends it in the body.
# Fennec takes either from a secret client unless the client is strict_auth_method.
import json
import os

from authlib.integrations.requests_client import OAuth2Session

issuer = os.environ["FENNEC_ISSUER"]  # e.g. https://id.example.com/acme/prod/ (with the slash)
client = OAuth2Session(
    os.environ["FENNEC_CLIENT_ID"],
    os.environ["FENNEC_CLIENT_SECRET"],
    token_endpoint_auth_method=os.environ.get("FENNEC_AUTH_METHOD", "client_secret_basic"),
    scope="orders-api:read",
)
token = client.fetch_token(issuer + "oauth/token", grant_type="client_credentials")
print(json.dumps(token))
