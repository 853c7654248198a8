# Sourced by the benchmark and fault scripts that start credit-service on their own: exports a new
# Ed25519 receipt-signing key pair (base64 PKCS#8 / X.509 DER, as credit-service reads them).
# ./local-run makes its own in devstack's Stack; production keys come from the secret store.
receipt_keys() {
  local pem
  pem=$(openssl genpkey -algorithm ed25519)
  CREDIT_CHECK_SIGNING_PRIVATE_KEY=$(printf '%s\n' "$pem" | openssl pkey -outform DER | base64 -w0)
  CREDIT_CHECK_SIGNING_PUBLIC_KEY=$(printf '%s\n' "$pem" | openssl pkey -pubout -outform DER | base64 -w0)
  export CREDIT_CHECK_SIGNING_PRIVATE_KEY CREDIT_CHECK_SIGNING_PUBLIC_KEY
}
