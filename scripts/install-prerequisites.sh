#!/usr/bin/env bash
# Installs what Cage.Build's build and tests need on Debian/Ubuntu, only when missing:
# age (brings age-keygen), ssh-keygen (SSH key tests), tmux and script (terminal tests).
set -euo pipefail

missing=()
command -v age >/dev/null 2>&1 && command -v age-keygen >/dev/null 2>&1 || missing+=(age)
command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v script >/dev/null 2>&1 || missing+=(bsdutils)

if [ ${#missing[@]} -gt 0 ]; then
  echo "cage setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null 2>&1 || { echo "cage setup: the .NET SDK (10 or later) is required: https://dot.net" >&2; exit 1; }
echo "cage setup: age $(age --version), $(ssh -V 2>&1 | cut -d, -f1), dotnet $(dotnet --version)"
