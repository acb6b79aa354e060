# PyJWT: an API checks a Fennec access token against the track's JWKS, with audience and issuer.
# PyJWKClient caches the key set (lifespan, default 300 s) and refetches on an unknown kid at most
# once per cooldown_duration (default 30 s); Fennec's "rotate" publishes a key before it signs.
import json
import os
import sys

import jwt

issuer = os.environ["FENNEC_ISSUER"]  # e.g. https://id.example.com/acme/prod/ (with the slash)
jwks = jwt.PyJWKClient(issuer + ".well-known/openid-configuration/keys")


def verify(token: str, audience: str) -> dict:
    if jwt.get_unverified_header(token).get("typ") != "at+jwt":  # RFC 9068 §4
        raise jwt.InvalidTokenError("not an access token")
    key = jwks.get_signing_key_from_jwt(token)
    return jwt.decode(token, key, algorithms=["RS256", "PS256", "ES256", "EdDSA"], audience=audience, issuer=issuer)


print(json.dumps(verify(sys.argv[1], os.environ["FENNEC_AUDIENCE"])))
