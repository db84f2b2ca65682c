# Baseline (c): the plain Python script an administrator might write instead of PowerShell
# (issue 12): xml.etree over applicationHost.config, a regular expression over the
# `netsh http show sslcert` capture, and a dict join, stdlib only. It does what
# bench/powershell/Get-AdminHttpsBinding.ps1 does (SNI bindings look up hostname:port, the
# others ip:port with * as 0.0.0.0; no fallback, no certificate files, no findings) and prints
# the same JSON list, so that its time is comparable with `httpapi bindings --json`.
# Run: python3 bench/admin-python.py SNAPSHOT_DIR > out.json
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

snapshot = sys.argv[1]
key_line = re.compile(r'^\s*(?:IP:port|Hostname:port)\s+:\s*(\S+)', re.M)
hash_line = re.compile(r'^\s*Certificate Hash\s+:\s*(\S+)', re.M)

hashes = {}
key = None
with open(os.path.join(snapshot, 'sslcert.txt'), encoding='utf-8-sig') as capture:
    for line in capture:
        match = key_line.match(line)
        if match:
            key = match.group(1)
            continue
        match = hash_line.match(line)
        if match and key:
            hashes[key] = match.group(1)

config = ET.parse(os.path.join(snapshot, 'applicationHost.config')).getroot()
bindings = []
for site in config.iterfind('system.applicationHost/sites/site'):
    for binding in site.iterfind('bindings/binding'):
        if binding.get('protocol') != 'https':
            continue
        information = binding.get('bindingInformation', '')
        parts = information.split(':')
        host, port, address = parts[-1], parts[-2], ':'.join(parts[:-2])
        if int(binding.get('sslFlags') or 0) & 1:
            lookup = f'{host}:{port}'
        elif address in ('*', ''):
            lookup = f'0.0.0.0:{port}'
        else:
            lookup = f'{address}:{port}'
        bindings.append({'site': site.get('name'), 'binding': information, 'mapping': lookup, 'certificateHash': hashes.get(lookup)})

json.dump(bindings, sys.stdout)
