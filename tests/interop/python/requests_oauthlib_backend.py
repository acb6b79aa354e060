# requests-oauthlib: BackendApplicationClient is the client credentials grant. The secret goes
# in a Basic header here (requests' HTTPBasicAuth; Fennec's secrets are base64url, so they need no
# form-encoding). oauthlib refuses http:// unless OAUTHLIB_INSECURE_TRANSPORT=1 (local testing only).
import json
import os

from oauthlib.oauth2 import BackendApplicationClient
from requests.auth import HTTPBasicAuth
from requests_oauthlib import OAuth2Session

issuer = os.environ["FENNEC_ISSUER"]  # e.g. https://id.example.com/acme/prod/ (with the slash)
client_id, client_secret = os.environ["FENNEC_CLIENT_ID"], os.environ["FENNEC_CLIENT_SECRET"]
session = OAuth2Session(client=BackendApplicationClient(client_id=client_id))
token = session.fetch_token(
    token_url=issuer + "oauth/token",
    auth=HTTPBasicAuth(client_id, client_secret),
    scope=["orders-api:read"],
)
print(json.dumps(token))
