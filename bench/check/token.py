#!/usr/bin/env python3
"""Mints an internal token (HS256, 60 s) as the gateway would: token.py <base64 secret> <dept> <role>..."""
import base64, hashlib, hmac, json, sys, time, uuid

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

secret, dept, roles = base64.b64decode(sys.argv[1]), sys.argv[2], sys.argv[3:]
now = int(time.time())
header = b64(json.dumps({"alg": "HS256"}).encode())
claims = b64(json.dumps({"iss": "safety-credit-gateway", "aud": ["safety-credit-services"], "sub": dept,
                         "jti": str(uuid.uuid4()), "iat": now, "exp": now + 60, "dept": dept,
                         "roles": roles}).encode())
signature = b64(hmac.new(secret, f"{header}.{claims}".encode(), hashlib.sha256).digest())
print(f"{header}.{claims}.{signature}")
