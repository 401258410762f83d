#!/usr/bin/env bash
# Seeds an AWS endpoint with what the BMO Learning service expects: the documents and backups buckets,
# the seed lesson documents, the service's secrets and (where the endpoint offers IAM) its
# least-privilege IAM policy.
#
# Uses only the aws CLI, so it works against any endpoint: local-aws's embedded endpoint, LocalStack
# (it is mounted as LocalStack's ready.d init hook by docker-compose.localstack.yml), moto.
# Idempotent: a second run changes nothing; a secret gets a new version only when its value changed.
# Prints no secret value, except the demo API keys it generates (once, when it creates them).
#
# Names (environment, buckets, secret names) come from config/bmo-learning.env, the file the service reads
# too; an environment variable of the same name overrides one there.
#
# Environment (all optional):
#   AWS_ENDPOINT_URL        endpoint to seed (default http://localhost:4566)
#   AWS_REGION              region (default us-east-1)
#   LOCAL_AWS_ALLOW_REMOTE  true to allow an endpoint that is not on this machine
#   BMO_NAMES_FILE          the names file (default config/bmo-learning.env beside this script's directory)
#   BMO_LEARNING_ENV        environment name in secret and policy names (default BMO_LOCAL_ENV: local)
#   BMO_DOCUMENTS_BUCKET    documents bucket (default bmo-learning-documents)
#   BMO_BACKUPS_BUCKET      backups bucket (default bmo-learning-backups)
#   BMO_SEED_DIR            seed documents to upload (default scripts/seed/lessons)
#   BMO_SEED_PREFIX         key prefix of the seed documents (default lessons/)
#   BMO_IAM_POLICY_FILE     policy document (default infra/iam/learning-service-policy.json)
#   BMO_IAM_POLICY_NAME     policy name (default bmo-learning-service-$BMO_LEARNING_ENV)
#   BMO_ADMIN_API_KEY, BMO_USER_API_KEY
#                           the REST API's keys; only their SHA-256 is stored. Unset: on the first run two
#                           demo keys are generated and printed once; later runs keep the stored ones.
#   BMO_OPENAI_API_KEY, BMO_DB_USERNAME, BMO_DB_PASSWORD, BMO_DB_HOST, BMO_DB_PORT, BMO_DB_NAME
#                           secret values (defaults are local placeholders, not real credentials)
set -euo pipefail

readonly PROG="localstack-init"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly SCRIPT_DIR

log() { printf '%s: %s\n' "$PROG" "$*"; }
die() { printf '%s: ERROR: %s\n' "$PROG" "$*" >&2; exit 1; }

# The shared names: each KEY=VALUE of the names file, unless the environment already sets KEY. The file is
# read, not sourced, so nothing in it runs.
NAMES_FILE="${BMO_NAMES_FILE:-$SCRIPT_DIR/../config/bmo-learning.env}"
[[ -f "$NAMES_FILE" ]] || die "names file $NAMES_FILE not found (BMO_NAMES_FILE)"
while IFS= read -r line || [[ -n "$line" ]]; do
  [[ "$line" =~ ^([A-Z][A-Z0-9_]*)=(.*)$ ]] || continue
  [[ -n "${!BASH_REMATCH[1]:-}" ]] || printf -v "${BASH_REMATCH[1]}" '%s' "${BASH_REMATCH[2]}"
done <"$NAMES_FILE"
for name in BMO_LOCAL_ENV BMO_DOCUMENTS_BUCKET BMO_BACKUPS_BUCKET BMO_SECRET_NAME_PATTERN \
    BMO_API_KEYS_SECRET BMO_DATABASE_SECRET BMO_OPENAI_API_KEY_SECRET; do
  [[ -n "${!name:-}" ]] || die "$name is not set in $NAMES_FILE"
done

ENDPOINT="${AWS_ENDPOINT_URL:-http://localhost:4566}"
REGION="${AWS_REGION:-${AWS_DEFAULT_REGION:-us-east-1}}"
BMO_LEARNING_ENV="${BMO_LEARNING_ENV:-$BMO_LOCAL_ENV}"
DOCUMENTS_BUCKET="$BMO_DOCUMENTS_BUCKET"
BACKUPS_BUCKET="$BMO_BACKUPS_BUCKET"
SEED_DIR="${BMO_SEED_DIR:-$SCRIPT_DIR/seed/lessons}"
SEED_PREFIX="${BMO_SEED_PREFIX:-lessons/}"
POLICY_FILE="${BMO_IAM_POLICY_FILE:-$SCRIPT_DIR/../infra/iam/learning-service-policy.json}"
POLICY_NAME="${BMO_IAM_POLICY_NAME:-bmo-learning-service-$BMO_LEARNING_ENV}"

# bmo-learning/{env}/{setting} for a setting, as the service names it.
secret_name() {
  local name="${BMO_SECRET_NAME_PATTERN//\{env\}/$BMO_LEARNING_ENV}"
  printf '%s' "${name//\{setting\}/$1}"
}

# The names the repository's policy document is written for; other names are substituted into it.
readonly POLICY_DOCUMENTS_BUCKET="bmo-learning-documents"
readonly POLICY_BACKUPS_BUCKET="bmo-learning-backups"

# ---------------------------------------------------------------------------------------------------
# Checks before touching anything.

[[ "$ENDPOINT" =~ ^https?://(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:[0-9]+)?/?$ ]] \
  || die "AWS_ENDPOINT_URL='$ENDPOINT' is not an http(s)://host[:port] URL"
ENDPOINT_HOST="${BASH_REMATCH[1]}"
case "$ENDPOINT_HOST" in
  localhost | *.localhost | 127.* | "[::1]") ;;
  *)
    [[ "${LOCAL_AWS_ALLOW_REMOTE:-}" == "true" ]] \
      || die "endpoint $ENDPOINT is not on this machine; set LOCAL_AWS_ALLOW_REMOTE=true to seed it anyway"
    ;;
esac

[[ "$BMO_LEARNING_ENV" =~ ^[a-z0-9][a-z0-9_-]{0,39}$ ]] \
  || die "BMO_LEARNING_ENV='$BMO_LEARNING_ENV' must be 1-40 characters of a-z, 0-9, '-' or '_'"
for bucket in "$DOCUMENTS_BUCKET" "$BACKUPS_BUCKET"; do
  [[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ && "$bucket" != *..* ]] \
    || die "'$bucket' is not a valid S3 bucket name (3-63 characters: a-z, 0-9, '.', '-')"
done
[[ "${BMO_DB_PORT:-5432}" =~ ^[0-9]{1,5}$ ]] || die "BMO_DB_PORT='${BMO_DB_PORT}' is not a port number"
[[ "$DOCUMENTS_BUCKET" != "$BACKUPS_BUCKET" ]] || die "the documents and backups buckets must differ"
[[ -z "$SEED_PREFIX" || "$SEED_PREFIX" == */ ]] || SEED_PREFIX="$SEED_PREFIX/"
[[ -d "$SEED_DIR" ]] || die "seed directory $SEED_DIR not found (BMO_SEED_DIR)"
[[ -f "$POLICY_FILE" ]] || die "IAM policy document $POLICY_FILE not found (BMO_IAM_POLICY_FILE)"
for tool in md5sum sha256sum sed base64 head; do
  command -v "$tool" >/dev/null || die "'$tool' is required but not installed"
done

# The CLI: `aws` with an explicit --endpoint-url and --region (older CLIs ignore AWS_ENDPOINT_URL and
# AWS_REGION); inside a LocalStack container without `aws`, its `awslocal` wrapper.
if command -v aws >/dev/null; then
  AWS=(aws --endpoint-url "$ENDPOINT" --region "$REGION")
elif command -v awslocal >/dev/null; then
  export AWS_ENDPOINT_URL="$ENDPOINT"
  AWS=(awslocal --region "$REGION")
else
  die "the aws CLI is not installed (Debian/Ubuntu: apt-get install awscli; or see https://aws.amazon.com/cli/)"
fi
export AWS_PAGER="" AWS_CLI_AUTO_PROMPT=off AWS_EC2_METADATA_DISABLED=true
# Local endpoints accept any key; never fall back to the developer's real credentials by accident.
if [[ -z "${AWS_ACCESS_KEY_ID:-}" && -z "${AWS_PROFILE:-}" ]]; then
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test
  unset AWS_SESSION_TOKEN
fi

WORK="$(umask 077 && mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
readonly ERR="$WORK/stderr"

# Runs the CLI; stdout is the result, stderr is kept in $ERR for the caller to inspect.
awsq() { "${AWS[@]}" "$@" 2>"$ERR"; }

# Last lines of the CLI's error output, for an error message. The CLI never echoes a parameter's
# value in its errors, and secret values are passed as files, so this never shows a secret.
cli_error() { grep -v '^[[:space:]]*$' "$ERR" | tail -n 3 | tr '\n' ' ' | cut -c1-400; }

fail() { die "$1: $(cli_error)"; }

# ---------------------------------------------------------------------------------------------------
# S3

log "seeding $ENDPOINT (region $REGION, environment $BMO_LEARNING_ENV)"
awsq s3api list-buckets --query 'length(Buckets)' --output text >/dev/null \
  || fail "cannot use S3 at $ENDPOINT (is the endpoint running?)"

ensure_bucket() {
  local bucket="$1"
  if awsq s3api head-bucket --bucket "$bucket" >/dev/null; then
    log "bucket $bucket: exists"
    return
  fi
  grep -Eq '\(404\)|Not Found|NoSuchBucket' "$ERR" || fail "cannot check bucket $bucket"
  local create=(s3api create-bucket --bucket "$bucket")
  [[ "$REGION" == "us-east-1" ]] \
    || create+=(--create-bucket-configuration "LocationConstraint=$REGION")
  if awsq "${create[@]}" >/dev/null; then
    log "bucket $bucket: created"
  elif grep -q 'BucketAlreadyOwnedByYou' "$ERR"; then
    log "bucket $bucket: exists"
  else
    fail "cannot create bucket $bucket"
  fi
}

content_type() {
  case "${1,,}" in
    *.md | *.markdown) echo "text/markdown; charset=utf-8" ;;
    *.txt) echo "text/plain; charset=utf-8" ;;
    *.html | *.htm) echo "text/html; charset=utf-8" ;;
    *.json) echo "application/json" ;;
    *.pdf) echo "application/pdf" ;;
    *.docx) echo "application/vnd.openxmlformats-officedocument.wordprocessingml.document" ;;
    *) echo "application/octet-stream" ;;
  esac
}

# Uploads each seed file unless an object with the same content (its MD5 is a single-part upload's
# ETag) is already there.
upload_seed_documents() {
  local listing="$WORK/listing" file key md5 etag count=0
  awsq s3api list-objects-v2 --bucket "$DOCUMENTS_BUCKET" --prefix "$SEED_PREFIX" \
    --query 'Contents[].[Key,ETag]' --output text >"$listing" \
    || fail "cannot list s3://$DOCUMENTS_BUCKET/$SEED_PREFIX"
  shopt -s nullglob
  for file in "$SEED_DIR"/*; do
    [[ -f "$file" ]] || continue
    count=$((count + 1))
    key="$SEED_PREFIX$(basename "$file")"
    md5="$(md5sum "$file" | cut -d' ' -f1)"
    etag="$(awk -F'\t' -v k="$key" '$1 == k { gsub(/"/, "", $2); print $2 }' "$listing")"
    if [[ "$etag" == "$md5" ]]; then
      log "seed s3://$DOCUMENTS_BUCKET/$key: unchanged"
      continue
    fi
    awsq s3api put-object --bucket "$DOCUMENTS_BUCKET" --key "$key" --body "$file" \
      --content-type "$(content_type "$file")" --metadata "source=seed" >/dev/null \
      || fail "cannot upload $file to s3://$DOCUMENTS_BUCKET/$key"
    log "seed s3://$DOCUMENTS_BUCKET/$key: uploaded"
  done
  shopt -u nullglob
  ((count > 0)) || log "WARNING: no seed documents in $SEED_DIR"
  SEED_COUNT=$count
}

ensure_bucket "$DOCUMENTS_BUCKET"
ensure_bucket "$BACKUPS_BUCKET"
upload_seed_documents

# ---------------------------------------------------------------------------------------------------
# Secrets Manager

# JSON string literal of $1 (quotes, backslashes and control characters escaped).
json_string() {
  local s="$1" out="" c i code
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      '"') out+='\"' ;;
      \\) out+="\\\\" ;;
      $'\n') out+='\n' ;;
      $'\r') out+='\r' ;;
      $'\t') out+='\t' ;;
      *)
        printf -v code '%d' "'$c"
        if ((code >= 0 && code < 32)); then
          printf -v c '\\u%04x' "$code"
        fi
        out+="$c"
        ;;
    esac
  done
  printf '"%s"' "$out"
}

# ensure_secret NAME DESCRIPTION VALUE: creates the secret, or stores VALUE as a new version only when
# it differs from the current one. The value goes to the CLI as a file, never on its command line.
ensure_secret() {
  local name="$1" description="$2" value="$3"
  local value_file="$WORK/secret-value" current deleted
  printf '%s' "$value" >"$value_file"
  if deleted="$(awsq secretsmanager describe-secret --secret-id "$name" \
      --query 'DeletedDate' --output text)"; then
    if [[ -n "$deleted" && "$deleted" != "None" ]]; then
      awsq secretsmanager restore-secret --secret-id "$name" >/dev/null \
        || fail "cannot restore secret $name, which is scheduled for deletion"
      log "secret $name: restored (was scheduled for deletion)"
    fi
    current="$(awsq secretsmanager get-secret-value --secret-id "$name" \
      --query 'SecretString' --output text)" || fail "cannot read secret $name"
    if [[ "$current" == "$value" ]]; then
      log "secret $name: unchanged"
    else
      awsq secretsmanager put-secret-value --secret-id "$name" \
        --secret-string "file://$value_file" >/dev/null || fail "cannot update secret $name"
      log "secret $name: updated (new version)"
    fi
  elif grep -q 'ResourceNotFoundException' "$ERR"; then
    awsq secretsmanager create-secret --name "$name" --description "$description" \
      --secret-string "file://$value_file" \
      --tags "Key=project,Value=bmo-learning" "Key=environment,Value=$BMO_LEARNING_ENV" >/dev/null \
      || fail "cannot create secret $name"
    log "secret $name: created"
  else
    fail "cannot check secret $name"
  fi
  rm -f "$value_file"
}

# A new API key as the service makes them: bmo_ and 32 URL-safe characters (192 random bits).
new_api_key() {
  printf 'bmo_%s' "$(head -c 24 /dev/urandom | base64 | tr '+/' '-_')"
}

sha256_hex() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

# The API-key secret in the service's format: ids, roles and SHA-256 hashes, never the keys.
api_keys_json() {
  printf '{"keys":[{"id":"demo-admin","role":"admin","sha256":"%s"},{"id":"demo-user","role":"user","sha256":"%s"}]}' \
    "$(sha256_hex "$1")" "$(sha256_hex "$2")"
}

# Keys from BMO_ADMIN_API_KEY/BMO_USER_API_KEY are stored (hashed) like any other secret value. Without
# them, keys are generated and printed only when the secret does not exist yet (or is pending deletion):
# the stored hashes cannot give them back, and a re-run must not lock out whoever uses the printed ones.
ensure_api_keys() {
  local name="$1" deleted admin user
  if [[ -n "${BMO_ADMIN_API_KEY:-}" || -n "${BMO_USER_API_KEY:-}" ]]; then
    [[ -n "${BMO_ADMIN_API_KEY:-}" && -n "${BMO_USER_API_KEY:-}" ]] \
      || die "set both BMO_ADMIN_API_KEY and BMO_USER_API_KEY, or neither (then demo keys are generated)"
    [[ "$BMO_ADMIN_API_KEY" != "$BMO_USER_API_KEY" ]] || die "BMO_ADMIN_API_KEY and BMO_USER_API_KEY must differ"
    ensure_secret "$name" "API keys of the learning service (SHA-256 hashes)" \
      "$(api_keys_json "$BMO_ADMIN_API_KEY" "$BMO_USER_API_KEY")"
    return
  fi
  if deleted="$(awsq secretsmanager describe-secret --secret-id "$name" --query 'DeletedDate' --output text)" \
      && [[ -z "$deleted" || "$deleted" == "None" ]]; then
    log "secret $name: exists (keys not shown again; set BMO_ADMIN_API_KEY and BMO_USER_API_KEY to replace them)"
    return
  fi
  admin="$(new_api_key)"
  user="$(new_api_key)"
  ensure_secret "$name" "API keys of the learning service (SHA-256 hashes)" "$(api_keys_json "$admin" "$user")"
  log "demo API keys for $name (shown once; only their SHA-256 is stored):"
  printf '  BMO_ADMIN_API_KEY=%s\n  BMO_USER_API_KEY=%s\n' "$admin" "$user"
}

ensure_secret "$(secret_name "$BMO_OPENAI_API_KEY_SECRET")" "OpenAI API key of the learning service" \
  "${BMO_OPENAI_API_KEY:-sk-local-placeholder-not-a-real-key}"
ensure_secret "$(secret_name "$BMO_DATABASE_SECRET")" "PostgreSQL credentials of the learning service" \
  "{\"engine\":\"postgres\",\"host\":$(json_string "${BMO_DB_HOST:-localhost}"),\"port\":${BMO_DB_PORT:-5432},\"dbname\":$(json_string "${BMO_DB_NAME:-bmo_learning}"),\"username\":$(json_string "${BMO_DB_USERNAME:-bmo}"),\"password\":$(json_string "${BMO_DB_PASSWORD:-bmo-local-password}")}"
ensure_api_keys "$(secret_name "$BMO_API_KEYS_SECRET")"

# ---------------------------------------------------------------------------------------------------
# IAM (only where the endpoint offers it)

# The policy as it applies to the buckets in use; its SHA-256, kept as a tag on the policy, tells a
# later run whether the document changed.
render_policy() {
  sed -e "s/$POLICY_DOCUMENTS_BUCKET/$DOCUMENTS_BUCKET/g" -e "s/$POLICY_BACKUPS_BUCKET/$BACKUPS_BUCKET/g" \
    "$POLICY_FILE" >"$WORK/policy.json"
  sha256sum "$WORK/policy.json" | cut -d' ' -f1
}

ensure_policy() {
  local arn digest stored oldest
  if ! arn="$(awsq iam list-policies --scope Local \
      --query "Policies[?PolicyName=='$POLICY_NAME'].Arn | [0]" --output text)"; then
    if grep -Eq 'AccessDenied|InvalidClientTokenId|SignatureDoesNotMatch|ExpiredToken' "$ERR"; then
      fail "IAM refused the request"
    fi
    log "IAM not offered by this endpoint; skipping policy $POLICY_NAME (the IAM request failed: $(cli_error | cut -c1-160))"
    POLICY_STATE="skipped (IAM not offered)"
    return
  fi
  digest="$(render_policy)"
  if [[ -z "$arn" || "$arn" == "None" ]]; then
    awsq iam create-policy --policy-name "$POLICY_NAME" \
      --description "Least privilege of the BMO Learning service ($BMO_LEARNING_ENV)" \
      --policy-document "file://$WORK/policy.json" \
      --tags "Key=project,Value=bmo-learning" "Key=document-sha256,Value=$digest" >/dev/null \
      || fail "cannot create IAM policy $POLICY_NAME"
    log "IAM policy $POLICY_NAME: created"
    POLICY_STATE="created"
    return
  fi
  stored="$(awsq iam list-policy-tags --policy-arn "$arn" \
    --query "Tags[?Key=='document-sha256'].Value | [0]" --output text)" \
    || fail "cannot read the tags of IAM policy $POLICY_NAME"
  if [[ "$stored" == "$digest" ]]; then
    log "IAM policy $POLICY_NAME: unchanged"
    POLICY_STATE="unchanged"
    return
  fi
  # A managed policy keeps at most five versions: make room by dropping the oldest non-default one.
  local versions
  versions="$(awsq iam list-policy-versions --policy-arn "$arn" --query 'length(Versions)' \
    --output text)" || fail "cannot list the versions of IAM policy $POLICY_NAME"
  if ((versions >= 5)); then
    oldest="$(awsq iam list-policy-versions --policy-arn "$arn" \
      --query 'sort_by(Versions[?!IsDefaultVersion], &CreateDate)[0].VersionId' --output text)" \
      || fail "cannot list the versions of IAM policy $POLICY_NAME"
    awsq iam delete-policy-version --policy-arn "$arn" --version-id "$oldest" \
      || fail "cannot delete version $oldest of IAM policy $POLICY_NAME"
  fi
  awsq iam create-policy-version --policy-arn "$arn" --policy-document "file://$WORK/policy.json" \
    --set-as-default >/dev/null || fail "cannot update IAM policy $POLICY_NAME"
  awsq iam tag-policy --policy-arn "$arn" --tags "Key=document-sha256,Value=$digest" \
    || fail "cannot tag IAM policy $POLICY_NAME"
  log "IAM policy $POLICY_NAME: updated (new default version)"
  POLICY_STATE="updated"
}

ensure_policy

log "done: buckets $DOCUMENTS_BUCKET and $BACKUPS_BUCKET, $SEED_COUNT seed document(s)," \
  "3 secrets named $(secret_name '{setting}'), IAM policy $POLICY_STATE"
