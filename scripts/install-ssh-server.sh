#!/usr/bin/env bash
# Installs the OpenSSH server (sshd, ssh-keygen, ssh) that test/powershell/Remoting.Tests.ps1 starts
# on the loopback address for PowerShell's SSH remoting. Idempotent: a machine that has sshd is left
# as it is. Only the package is installed; nothing is started or enabled (the test runs its own
# sshd from a throwaway configuration). CI runs it as root on a clean Debian/Ubuntu machine.
set -euo pipefail

if [ -x /usr/sbin/sshd ] && command -v ssh-keygen >/dev/null 2>&1 && command -v ssh >/dev/null 2>&1; then
  echo "sshd: already installed ($(/usr/sbin/sshd -V 2>&1 | head -1 || true))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-ssh-server: no apt-get here; install an OpenSSH server (sshd at /usr/sbin/sshd, ssh-keygen, ssh) with this system's package manager." >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-ssh-server: installing openssh-server needs root (or sudo)." >&2
    exit 1
  fi
  sudo="sudo"
fi
echo "sshd: installing openssh-server with apt-get"
# Quiet: apt's progress would bury the test output; its errors still reach stderr.
$sudo apt-get update -qq >/dev/null
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openssh-server >/dev/null
test -x /usr/sbin/sshd
echo "sshd: $(/usr/sbin/sshd -V 2>&1 | head -1 || true)"
