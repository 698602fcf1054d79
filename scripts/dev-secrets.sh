#!/usr/bin/env bash
# Writes a .env file with fresh development secrets for docker-compose: an ES256 token key pair and an
# administrator login. .env is git-ignored; production takes the same variables from its secret store.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ -e .env ]]; then
  echo ".env exists; delete it first to create new secrets" >&2
  exit 1
fi
workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT
openssl ecparam -name prime256v1 -genkey -noout -out "$workdir/ec.pem"
openssl pkcs8 -topk8 -nocrypt -in "$workdir/ec.pem" -out "$workdir/private.pem"
openssl ec -in "$workdir/ec.pem" -pubout -out "$workdir/public.pem" 2>/dev/null
# One line each: the base64 body of the PEM (the services accept it with or without the BEGIN/END lines).
body() { grep -v -- '-----' "$1" | tr -d '\n'; }
admin_password="Cm-$(openssl rand -hex 12)!"
umask 077
cat > .env <<ENV
CARMARKET_JWT_PUBLIC_KEY=$(body "$workdir/public.pem")
CARMARKET_JWT_PRIVATE_KEY=$(body "$workdir/private.pem")
CARMARKET_ADMIN_EMAIL=admin@carmarket.local
CARMARKET_ADMIN_PASSWORD=$admin_password
ENV
echo "Wrote .env (admin: admin@carmarket.local / $admin_password)"
